import type { SectionRule } from './rule';
import { lineRange } from '../types';

/** A heading with nothing under it before the next heading. */
export const emptySectionRule: SectionRule = {
  id: 'empty-section',
  description: 'A section heading with no content and no subsections. "N/A", "None" or "Not applicable" (with a reason) counts as content.',
  defaultSeverity: 'warning',
  scope: 'section',
  check(chunk, _context, report) {
    chunk.headings.forEach((h, k) => {
      // The title's body is the metadata block; an empty title is not an empty section.
      if (h.level === 1 || h.hasContent) return;
      const next = chunk.headings[k + 1];
      if (next && next.level > h.level) return; // has subsections
      const text = chunk.lines[h.line] ?? '';
      report({
        range: lineRange(h.line, text.length - text.trimStart().length, text.trimEnd().length),
        message: `Section '${h.text}' is empty: write its content, or write "N/A" and why it does not apply.`,
      });
    });
  },
};
