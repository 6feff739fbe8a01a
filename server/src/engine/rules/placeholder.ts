import { metadataValueFixes } from '../metadataFixes';
import { lineRange } from '../types';
import type { SectionRule } from './rule';

/** Unfilled bracketed template text, in prose and in code blocks (template placeholders only). */
export const placeholderRule: SectionRule = {
  id: 'placeholder',
  docs: '#placeholder',
  description: 'Bracketed template text such as [Date] or [One paragraph executive summary] that has not been replaced.',
  defaultSeverity: 'warning',
  marks: 'placeholder-left',
  severityByStage: { draft: 'information', review: 'warning', approved: 'error', implemented: 'error' },
  scope: 'section',
  fixes: metadataValueFixes,
  check(chunk, context, report) {
    for (const hit of chunk.placeholders) {
      if (!hit.inCode && context.references.has(hit.label)) continue; // `[label]` with a definition is a link
      report({
        range: lineRange(hit.line, hit.start, hit.end),
        message: `Unfilled placeholder ${hit.text}: replace it with this RFC's own text.`,
      });
    }
  },
};
