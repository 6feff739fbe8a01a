import { hashes, type DocumentRule } from './rule';

/** A section written at a neighbouring heading level. It still counts as present. */
export const headingLevelRule: DocumentRule = {
  id: 'heading-level',
  docs: '#heading-level',
  description: "A section's heading is one level higher or lower than in the template.",
  defaultSeverity: 'information',
  scope: 'document',
  check(facts, report) {
    for (const h of facts.headings) {
      const section = h.section;
      if (!section || section.level === h.level) continue;
      const where = section.parent ? ` under '${section.parent.name}'` : '';
      report({
        range: h.range,
        message: `'${h.text}' is a level-${h.level} heading; the template has it at level ${section.level}${where}: write '${hashes(section.level)} ${h.text}'.`,
      });
    }
  },
};
