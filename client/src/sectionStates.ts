import type { SectionReport, SlotState } from '../../server/src/protocol';

/** Totals over the server's section tree, for the status bar and Show Completeness. */
export interface SectionCounts {
  total: number;
  present: number;
  missing: number;
  placeholders: number;
}

export function countSectionStates(sections: readonly SectionReport[]): SectionCounts {
  const counts: SectionCounts = { total: 0, present: 0, missing: 0, placeholders: 0 };
  const visit = (s: SectionReport) => {
    counts.total++;
    if (s.state === 'missing') counts.missing++;
    else counts.present++;
    counts.placeholders += s.placeholders;
    s.children.forEach(visit);
  };
  sections.forEach(visit);
  return counts;
}

/** How a section's state reads in the sections view. */
export function describeState(section: SectionReport): string {
  const labels: Record<SlotState, string> = {
    complete: 'complete',
    missing: 'missing',
    empty: 'empty',
    placeholders: section.placeholders === 1 ? '1 placeholder' : `${section.placeholders} placeholders`,
    guidance: 'template guidance left',
    example: 'template example left',
    invalid: 'invalid',
    'not-applicable': 'not applicable',
    incomplete: 'in progress',
  };
  // An optional section the template lets the author leave out.
  if (section.state === 'missing' && section.optional) return 'optional, not written';
  return labels[section.state];
}

/** The top-most missing sections, in template order: what Insert Missing Section offers. */
export function missingSections(sections: readonly SectionReport[], parents: string[] = []): { section: SectionReport; path: string[] }[] {
  const found: { section: SectionReport; path: string[] }[] = [];
  for (const s of sections) {
    if (s.state === 'missing') found.push({ section: s, path: parents });
    else found.push(...missingSections(s.children, [...parents, s.name]));
  }
  return found;
}
