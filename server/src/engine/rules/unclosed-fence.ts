import { lineRange } from '../types';
import type { SectionRule } from './rule';

/**
 * A code fence opened and never closed. Markdown runs it to the end of the document, so
 * every heading after it renders as code: one finding here, at the opening fence, instead
 * of each swallowed section reported missing (missing-section leaves those alone).
 */
export const unclosedFenceRule: SectionRule = {
  id: 'unclosed-fence',
  docs: '#unclosed-fence',
  description: 'A code fence is never closed, so the rest of the document renders as code.',
  defaultSeverity: 'warning',
  scope: 'section',
  check(chunk, _context, report) {
    for (const block of chunk.codeBlocks) {
      if (!block.unclosed) continue;
      const n = block.unclosed.headings.length;
      const swallowed = n === 0 ? 'everything after it' : `everything after it, ${n === 1 ? '1 heading' : `${n} headings`} included,`;
      const line = chunk.lines[block.line] ?? '';
      report({
        range: lineRange(block.line, line.length - line.trimStart().length, line.trimEnd().length),
        message: `This code fence is never closed, so ${swallowed} renders as code: close it with a line of ${block.unclosed.markup}.`,
      });
    }
  },
};
