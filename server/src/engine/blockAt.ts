import type { BlockSpan } from './chunk';
import type { DocumentModel } from './document';

/** The top-level block holding a document line, with document line numbers; undefined on blank lines. */
export function blockAt(model: DocumentModel, line: number): BlockSpan | undefined {
  for (const { chunk, startLine } of model.chunks) {
    const relative = line - startLine;
    if (relative < 0 || relative >= chunk.lines.length) continue;
    const block = chunk.blocks.find((b) => b.line <= relative && relative < b.endLine);
    if (block) return { ...block, line: block.line + startLine, endLine: block.endLine + startLine };
  }
  return undefined;
}
