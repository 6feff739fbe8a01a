import type { DocumentRule } from './rule';

/** The same template section written twice. */
export const duplicateSectionRule: DocumentRule = {
  id: 'duplicate-section',
  docs: '#duplicate-section',
  description: 'A template section appears more than once (repeatable sections such as alternatives excepted).',
  defaultSeverity: 'warning',
  scope: 'document',
  check(facts, report) {
    for (const [section, headings] of facts.instances) {
      if (section.repeatable) continue;
      const [first, ...others] = headings;
      for (const h of others) {
        report({
          range: h.range,
          message: `Section '${section.name}' appears again (first at line ${first.line + 1}): merge the two into one.`,
        });
      }
    }
  },
};
