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
    const previousPresent = previousPresentSiblings(facts);
    for (const section of facts.template.sections) {
      if (facts.instances.has(section)) continue;
      // The template says the section may be left out (its subsections go with it).
      if (section.optional) continue;
      // Report the top-most missing section only; its subsections go with it.
      if (section.parent && !facts.instances.has(section.parent)) continue;
      if (isWaived(facts, section)) continue;
      // Written, but inside a code fence never closed: unclosed-fence reports that once.
      if (facts.swallowed.has(section.normalized)) continue;
      const previous = previousPresent.get(section);
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

/**
 * For each template section, the nearest section before it under the same parent that the
 * document has: one pass over each list of siblings (a template may have thousands).
 */
function previousPresentSiblings(facts: DocumentFacts): Map<TemplateSection, TemplateSection | undefined> {
  const found = new Map<TemplateSection, TemplateSection | undefined>();
  const walk = (siblings: readonly TemplateSection[]) => {
    let present: TemplateSection | undefined;
    for (const section of siblings) {
      found.set(section, present);
      if (facts.instances.has(section)) present = section;
    }
  };
  walk(facts.template.roots);
  for (const section of facts.template.sections) walk(section.children);
  return found;
}

/** Where the missing section would go: the previous section's heading, else the parent's, else the title. */
function placeFor(facts: DocumentFacts, section: TemplateSection, previous: TemplateSection | undefined): Range {
  const anchor = previous ?? section.parent;
  const instances = anchor ? facts.instances.get(anchor) : undefined;
  if (instances && instances.length > 0) return instances[instances.length - 1].range;
  return titleRange(facts);
}
