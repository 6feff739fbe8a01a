import type { DocumentRule } from './rule';

/**
 * Open questions still written down while the RFC is Under Review: reviewers should see
 * them answered. (A Draft is expected to have them; an Approved RFC has been decided.)
 */
export const openQuestionsRule: DocumentRule = {
  id: 'open-questions',
  description: 'The Open Questions section still has questions while the RFC is Under Review.',
  defaultSeverity: 'information',
  scope: 'document',
  check(facts, report) {
    if (facts.lifecycle !== 'review') return;
    for (const h of facts.headings) {
      if (h.section?.normalized !== 'open questions' || !h.hasContent || h.notApplicable || h.guidanceOnly) continue;
      report({
        range: h.range,
        message: 'Open questions remain: resolve them (and record the answers in the design), or write "None".',
      });
    }
  },
};
