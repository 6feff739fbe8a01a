/* Lookups over lists kept in order: binary search and one-pass stacks, so a template of thousands of sections is read in linear time. */

/**
 * Where each heading's section ends: the line of the next heading at its level or above
 * (`lineCount` for the last ones). One pass: the headings still open form a stack.
 */
export function sectionEnds(headings: readonly { line: number; level: number }[], lineCount: number): Map<number, number> {
  const ends = new Map<number, number>();
  const open: { line: number; level: number }[] = [];
  for (const h of headings) {
    while (open.length > 0 && open[open.length - 1].level >= h.level) ends.set(open.pop()!.line, h.line);
    open.push(h);
  }
  for (const h of open) ends.set(h.line, lineCount);
  return ends;
}

/** The first value in a sorted list that is at least `line` (Infinity when none is). */
export function firstAtOrAfter(sorted: readonly number[], line: number): number {
  const index = lowerBound(sorted, line);
  return index < sorted.length ? sorted[index] : Infinity;
}

/** The index of the first value in a sorted list that is at least `value` (the length when none is). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
