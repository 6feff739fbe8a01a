import { normalizeHeading } from '../normalize';
import { lineRange } from '../types';
import type { SectionRule } from './rule';

/**
 * Template guidance left verbatim: a paragraph, list or block quote of the template's
 * instructions ("Explain the problem …", a list of questions to answer) still in the RFC,
 * unchanged but for spacing and case. Where it is all a section holds, the section is not
 * written yet (it counts against completeness and is visited by Next Placeholder); above
 * the author's own text it is a leftover to delete, a hint. A title that is the template's
 * own title word for word is unfilled too.
 */
export const unfilledGuidanceRule: SectionRule = {
  id: 'unfilled-guidance',
  docs: '#unfilled-guidance',
  description: "The template's guidance (its instructions to the author) left unchanged in the RFC.",
  defaultSeverity: 'warning',
  marks: 'guidance-left',
  severityByStage: { draft: 'information', review: 'warning', approved: 'error', implemented: 'error' },
  scope: 'section',
  check(chunk, context, report) {
    const title = context.template.title;
    if (title && !/[[{<]/.test(title.text)) {
      const templateTitle = normalizeHeading(title.text);
      for (const h of chunk.headings) {
        if (h.level !== 1 || h.normalized !== templateTitle) continue;
        const text = chunk.lines[h.line] ?? '';
        report({
          range: lineRange(h.line, text.length - text.trimStart().length, text.trimEnd().length),
          message: "This title is the template's, unchanged: give the RFC its own title.",
        });
      }
    }
    for (const block of chunk.prose) {
      let owner: (typeof chunk.headings)[number] | undefined;
      for (const h of chunk.headings) if (h.line < block.line) owner = h;
      // Before the first heading: the template's preamble, not a section's text.
      if (!owner) continue;
      const last = Math.max(block.line, block.endLine - 1);
      const range = { start: { line: block.line, character: 0 }, end: { line: last, character: (chunk.lines[last] ?? '').trimEnd().length } };
      if (owner.guidanceOnly) {
        report({
          range,
          message: `This is the template's guidance for '${owner.text}', unchanged: write the section's own content in its place.`,
        });
      } else {
        report({
          range,
          message: "The template's guidance is still here beside the section's own text: delete it.",
          severity: 'hint',
          data: { leftover: true },
        });
      }
    }
  },
};
