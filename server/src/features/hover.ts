import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { hoverAt, type Analysis, type Position } from '../engine';

/** The engine's hover for a position, as LSP markdown. */
export function hover(analysis: Analysis, position: Position): Hover | null {
  const info = hoverAt(analysis, position);
  return info ? { range: info.range, contents: { kind: MarkupKind.Markdown, value: info.markdown } } : null;
}
