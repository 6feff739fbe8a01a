import type { Analysis } from '../analyze';
import { insertAllMissingSectionsEdit, insertSectionEdit, missingSectionsOf } from '../edits';
import { isWaived, type DocumentFacts } from '../facts';
import type { QuickFix } from '../quickFixes';
import type { TemplateSection } from '../template';
import type { Range } from '../types';
import { hashes, titleRange, type DocumentRule } from './rule';

/** A template section, with its subsections, absent from the document. */
export const missingSectionRule: DocumentRule = {
  id: 'missing-section',
  docs: '#missing-section',
  description: 'A section of the template is absent. Top-level sections are warnings, subsections information.',
  defaultSeverity: 'warning',
  // In a draft, top-level sections stay warnings and subsections information (their own severity).
  severityByStage: { review: 'warning', approved: 'error', implemented: 'error' },
  scope: 'document',
  fixes(finding, analysis) {
    const sectionId = finding.data?.sectionId;
    const section = sectionId ? analysis.template.sections.find((s) => s.id === sectionId) : undefined;
    const edit = sectionId ? insertSectionEdit(analysis, sectionId) : undefined;
    if (!section || !edit) return [];
    const fixes: QuickFix[] = [{ title: `Insert section '${section.name}'`, kind: 'quickfix', edits: [edit], isPreferred: true }];
    const all = insertAllMissingSections(analysis);
    if (all && missingSectionsOf(analysis).length > 1) fixes.push({ ...all, kind: 'quickfix' });
    return fixes;
  },
  fixAll: insertAllMissingSections,
  check(facts, report) {
    for (const section of facts.template.sections) {
      if (facts.instances.has(section)) continue;
      // The template says the section may be left out (its subsections go with it).
      if (section.optional) continue;
      // Report the top-most missing section only; its subsections go with it.
      if (section.parent && !facts.instances.has(section.parent)) continue;
      if (isWaived(facts, section)) continue;
      // Written, but inside a code fence never closed: unclosed-fence reports that once.
      if (facts.swallowed.has(section.normalized)) continue;
      const previous = previousPresentSibling(facts, section);
      const where = previous
        ? `after '${previous.name}'`
        : section.parent
          ? `at the start of '${section.parent.name}'`
          : 'after the metadata';
      const heading = section.repeatable
        ? `at least one '${hashes(section.level)} ${section.prefix ? section.name.split(/\s/)[0] + ' …' : '…'}' subsection`
        : `'${hashes(section.level)} ${section.name}'`;
      const owner = section.parent ? `in '${section.parent.name}'` : 'of the RFC';
      report({
        range: placeFor(facts, section, previous),
        message: `Missing section '${section.name}' ${owner}: add ${heading} ${where}.`,
        severity: section.level <= 2 ? 'warning' : 'information',
        data: { sectionId: section.id },
      });
    }
  },
};

/** "Insert all missing sections", or undefined when nothing is missing. */
export function insertAllMissingSections(analysis: Analysis): QuickFix | undefined {
  const edits = insertAllMissingSectionsEdit(analysis);
  return edits.length > 0 ? { title: 'Insert all missing sections', kind: 'source.fixAll', edits } : undefined;
}

/** The nearest section before this one, under the same parent, that the document has. */
function previousPresentSibling(facts: DocumentFacts, section: TemplateSection): TemplateSection | undefined {
  const siblings = section.parent ? section.parent.children : facts.template.roots;
  const index = siblings.indexOf(section);
  for (let i = index - 1; i >= 0; i--) if (facts.instances.has(siblings[i])) return siblings[i];
  return undefined;
}

/** Where the missing section would go: the previous section's heading, else the parent's, else the title. */
function placeFor(facts: DocumentFacts, section: TemplateSection, previous: TemplateSection | undefined): Range {
  const anchor = previous ?? section.parent;
  const instances = anchor ? facts.instances.get(anchor) : undefined;
  if (instances && instances.length > 0) return instances[instances.length - 1].range;
  return titleRange(facts);
}
