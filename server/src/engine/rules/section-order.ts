import type { TemplateSection } from '../template';
import type { DocumentRule } from './rule';

/** Sections in a different order than the template's. */
export const sectionOrderRule: DocumentRule = {
  id: 'section-order',
  description: 'A section comes before a section that the template puts earlier.',
  defaultSeverity: 'information',
  scope: 'document',
  check(facts, report) {
    // Latest section seen so far under each template parent; a later heading whose section
    // the template puts before it is out of order.
    const latest = new Map<TemplateSection | undefined, TemplateSection>();
    const seen = new Set<TemplateSection>();
    for (const h of facts.headings) {
      const section = h.section;
      if (!section || seen.has(section)) continue;
      seen.add(section);
      const before = latest.get(section.parent);
      if (before && before.order > section.order) {
        report({
          range: h.range,
          message: `Section '${section.name}' comes after '${before.name}' here, but before it in the template: move it up.`,
        });
        continue;
      }
      latest.set(section.parent, section);
    }
  },
};
