import { MarkupKind, type Hover } from 'vscode-languageserver';
import { hoverAt, type Analysis, type Position } from '../../engine';
import { mentionHover, type CrossReferenceContext } from './crossReferences';

/**
 * The hover for a position, as LSP markdown: on a mention of an RFC (`RFC 2026-003`) that
 * RFC's title, status and completeness (when `references` is given); else the engine's.
 */
export function hover(analysis: Analysis, position: Position, references?: CrossReferenceContext): Hover | null {
  const mention = references && mentionHover(references, position);
  if (mention) return mention;
  const info = hoverAt(analysis, position);
  return info ? { range: info.range, contents: { kind: MarkupKind.Markdown, value: info.markdown } } : null;
}
