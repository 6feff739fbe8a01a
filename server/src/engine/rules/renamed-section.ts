import type { DocumentRule } from './rule';

/**
 * A heading that stands for a template section by likeness rather than by name
 * (`Executive Summary` for `Summary`, a bold question reworded): it counts as that section,
 * and this rule, off unless enabled, says so, for teams that want the template's names.
 */
export const renamedSectionRule: DocumentRule = {
  id: 'renamed-section',
  docs: '#renamed-section',
  description: "A section is written under another name than the template's; it still counts as that section. Off unless enabled.",
  defaultSeverity: 'hint',
  offByDefault: true,
  scope: 'document',
  check(facts, report) {
    for (const h of facts.headings) {
      if (!h.section || h.matchKind !== 'similar') continue;
      const names = [h.section, ...h.also].map((s) => `'${s.name}'`).join(' and ');
      report({
        range: h.range,
        message: `'${h.text}' stands for the template's ${names}: use the template's name, or declare it an alias.`,
      });
    }
  },
};
