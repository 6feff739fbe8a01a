import type { DocHeading } from '../facts';
import type { TemplateSection } from '../template';
import type { DocumentRule } from './rule';

/**
 * Sections in a different order than the template's. Among the sections under one parent,
 * the largest set already in template order stays; only the others are reported, so moving
 * one section out of place flags that section, not everything it jumped over.
 */
export const sectionOrderRule: DocumentRule = {
  id: 'section-order',
  docs: '#section-order',
  description: 'A section is out of the template order among its siblings.',
  defaultSeverity: 'information',
  scope: 'document',
  check(facts, report) {
    const groups = new Map<TemplateSection | undefined, DocHeading[]>();
    const seen = new Set<TemplateSection>();
    for (const h of facts.headings) {
      if (!h.section || seen.has(h.section)) continue;
      seen.add(h.section);
      const group = groups.get(h.section.parent);
      if (group) group.push(h);
      else groups.set(h.section.parent, [h]);
    }
    for (const group of groups.values()) {
      const inOrder = longestIncreasing(group.map((h) => h.section!.order));
      group.forEach((h, i) => {
        if (inOrder.has(i)) return;
        const section = h.section!;
        const after = group.filter((g, k) => inOrder.has(k) && g.section!.order < section.order).pop();
        const where = after ? `after '${after.section!.name}'` : `before '${group.find((_, k) => inOrder.has(k))!.section!.name}'`;
        report({ range: h.range, message: `Section '${section.name}' is out of the template's order: move it ${where}.` });
      });
    }
  },
};

/**
 * Indices of one longest strictly increasing subsequence, preferring the earliest-written
 * elements on ties, so of two swapped sections the one written second is reported.
 * Quadratic, but a group holds at most one heading per template section.
 */
function longestIncreasing(values: readonly number[]): Set<number> {
  const n = values.length;
  const ending = new Array<number>(n).fill(1); // longest run ending at i
  const starting = new Array<number>(n).fill(1); // longest run starting at i
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (values[j] < values[i]) ending[i] = Math.max(ending[i], ending[j] + 1);
  for (let i = n - 1; i >= 0; i--) for (let j = i + 1; j < n; j++) if (values[j] > values[i]) starting[i] = Math.max(starting[i], starting[j] + 1);
  const best = Math.max(0, ...ending);
  const kept = new Set<number>();
  let last = -Infinity;
  for (let i = 0, want = 1; i < n && want <= best; i++) {
    if (ending[i] === want && starting[i] === best - want + 1 && values[i] > last) {
      kept.add(i);
      last = values[i];
      want++;
    }
  }
  return kept;
}
