import { lineText } from '../document';
import type { DocumentRule } from './rule';

/**
 * A heading with nothing under it before the next heading. A document rule, though it
 * reads only per-section facts: whether a heading has subsections can depend on the next
 * top-level section (an H1 followed by an H1).
 */
export const emptySectionRule: DocumentRule = {
  id: 'empty-section',
  docs: '#empty-section',
  description: 'A section heading with no content and no subsections. "N/A", "None" or "Not applicable" (with a reason) counts as content.',
  defaultSeverity: 'warning',
  severityByStage: { draft: 'information', review: 'warning', approved: 'error', implemented: 'error' },
  scope: 'document',
  fixes(finding, analysis) {
    const heading = analysis.headings.find((h) => h.line === finding.range.start.line);
    if (!heading) return [];
    const end = { line: heading.endLine - 1, character: lineText(analysis.model, heading.endLine - 1).length };
    const next = lineText(analysis.model, heading.endLine);
    const after = heading.endLine < analysis.model.lineCount && next.trim() !== '' ? '\n' : '';
    return [
      {
        title: 'Mark as not applicable',
        kind: 'quickfix',
        edits: [{ range: { start: end, end }, newText: `\n\nN/A: explain why this does not apply.${after}` }],
      },
    ];
  },
  check(facts, report) {
    for (const h of facts.headings) {
      // The title's body is the metadata block; an empty title is not an empty section.
      if (h.isTitle || h.hasContent || h.hasSubsections) continue;
      // The template lets the author leave an optional section out, so also leave it empty.
      if (h.section?.optional) continue;
      report({
        range: h.range,
        message:
          h.text === ''
            ? 'This heading has no text and no content: give it a title and content, or delete it.'
            : `Section '${h.text}' is empty: write its content, or write "N/A" and why it does not apply.`,
      });
    }
  },
};
