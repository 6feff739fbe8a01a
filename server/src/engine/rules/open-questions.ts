import type { DocumentRule } from './rule';

/**
 * Open questions still written down while the RFC is Under Review: reviewers should see
 * them answered. (A Draft is expected to have them; an Approved RFC has been decided.)
 */
export const openQuestionsRule: DocumentRule = {
  id: 'open-questions',
  docs: '#open-questions',
  description: 'The Open Questions section still has questions while the RFC is Under Review.',
  defaultSeverity: 'information',
  // Only Under Review by default; a severity set in `rfc.rules` reports them at every stage.
  severityByStage: { unknown: 'off', draft: 'off', approved: 'off', implemented: 'off' },
  scope: 'document',
  check(facts, report) {
    for (const h of facts.headings) {
      if (h.section?.normalized !== 'open questions' || !h.hasContent || h.notApplicable || h.guidanceOnly) continue;
      report({
        range: h.range,
        message: 'Open questions remain: resolve them (and record the answers in the design), or write "None".',
      });
    }
  },
};
