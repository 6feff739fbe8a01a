/*
 * Step 2 of matching (match.ts): the headings no name or alias matched stand for a section
 * no heading has taken when they are in the expected place and their words meet the
 * section's, weighted by how rare each word is among the template's headings.
 */
import { MAX_LEVEL_DISTANCE, type HeadingMatch, type MatchInput } from './matchTypes';
import { conjuncts, contentWords, likeness, type Likeness } from './similarity';
import type { TemplateModel, TemplateSection } from './template';

/** Weighted word overlap from which two headings are the same section, when in the expected place. */
const SIMILAR = 0.5;
/**
 * The overlap enough when one's words all stand in the other's: `Design` in `Detailed
 * Design` passes, `Plan` in `Documentation Plan` (a common word against a rare one) and
 * `Dependencies` in `Risk 4: FastAPI Dependencies Function` do not.
 */
const CONTAINED = 0.4;
/** Long headings (questions) sharing this much of their words are one, common words or not. */
const LONG_WORDS = 4;
const LONG_SIMILAR = 0.6;
/**
 * Out of the expected place (the document's order differs from the template's), a heading
 * still stands for a section under the same parent at the same level when this alike;
 * section-order then reports the place.
 */
const STRONG = SIMILAR;
/**
 * Headings matched by likeness at most, per document: an RFC has a few dozen; a generated
 * document of thousands of headings is not read this way (each one is weighed against
 * every section of the template).
 */
const MAX_LIKENESS_HEADINGS = 2000;

/** How rare each word is among the template's headings and their declared aliases: a word in n of them weighs 1/n. */
export function templateWordWeights(template: TemplateModel): (word: string) => number {
  return (word) => 1 / (template.headingWords.get(word) ?? 1);
}

/** Step 2 of matchHeadings: the headings left over, by likeness, in document order. */
export function matchByLikeness(
  headings: readonly MatchInput[],
  matches: HeadingMatch[],
  template: TemplateModel,
  used: Set<TemplateSection>,
  aliasesOf: Map<TemplateSection, string[]>,
): void {
  const weight = templateWordWeights(template);
  const wordsOf = new Map<TemplateSection, string[][]>();
  const sectionWords = (s: TemplateSection) => {
    let list = wordsOf.get(s);
    if (!list) {
      list = [s.normalized, ...(aliasesOf.get(s) ?? [])].map(contentWords);
      wordsOf.set(s, list);
    }
    return list;
  };

  // First headings at their section's level, then a level or two away: of `#### Error Codes
  // (phase 3)` and a later `### Error Codes`, the second is the design's Error Handling.
  let budget = MAX_LIKENESS_HEADINGS;
  for (const sameLevel of [true, false]) {
    // The section matched after each heading (as matches stand before this pass), the one
    // matched before it (kept as the pass goes), and the chain of enclosing headings: one
    // walk, whatever the number of headings.
    const after = new Array<TemplateSection | undefined>(headings.length);
    let next: TemplateSection | undefined;
    for (let i = headings.length - 1; i >= 0; i--) {
      after[i] = next;
      const s = matches[i].section;
      if (s && !s.repeatable) next = s;
    }
    let previous: TemplateSection | undefined;
    const enclosing: { level: number; match: HeadingMatch }[] = [];
    headings.forEach((h, i) => {
      while (enclosing.length > 0 && enclosing[enclosing.length - 1].level >= h.level) enclosing.pop();
      const context = contextOf(enclosing);
      const match = matches[i];
      enclosing.push({ level: h.level, match });
      if (!match.section && !match.isTitle && budget > 0) {
        budget--;
        matchOne(h, match, context, previous, after[i], sameLevel);
      }
      const s = match.section;
      if (s && !s.repeatable) previous = [s, ...match.also].reduce((a, b) => (b.order > a.order ? b : a));
    });
  }

  function matchOne(
    h: MatchInput,
    match: HeadingMatch,
    context: TemplateSection | undefined,
    after: TemplateSection | undefined,
    before: TemplateSection | undefined,
    sameLevel: boolean,
  ): void {
    const words = contentWords(h.normalized);
    if (words.length === 0) return;
    const allowedParents = new Set<TemplateSection | undefined>([undefined]);
    for (let s = context; s; s = s.parent) allowedParents.add(s);
    const meet = (w: readonly string[], s: TemplateSection) => {
      let best: Likeness = { score: 0, plain: 0, aInB: false, bInA: false };
      for (const sw of sectionWords(s)) {
        const l = likeness(w, sw, weight);
        const long = w.length >= LONG_WORDS && sw.length >= LONG_WORDS && l.plain >= LONG_SIMILAR;
        const scored = long ? { ...l, score: Math.max(l.score, l.plain) } : l;
        if (scored.score > best.score) best = scored;
      }
      return best;
    };
    const passes = (l: Likeness) => l.score >= SIMILAR || ((l.aInB || l.bInA) && l.score >= CONTAINED);
    const candidates = template.sections.filter(
      (s) =>
        !used.has(s) &&
        !s.repeatable &&
        allowedParents.has(s.parent) &&
        (sameLevel ? s.level === h.level : Math.abs(s.level - h.level) <= MAX_LEVEL_DISTANCE),
    );
    const scored = candidates
      .map((s) => ({ s, l: meet(words, s) }))
      .filter(({ s, l }) => (passes(l) && inWindow(s, after, before)) || (l.score >= STRONG && s.parent === context && s.level === h.level))
      .sort(
        (a, b) =>
          b.l.score - a.l.score ||
          Number(b.s.level === h.level) - Number(a.s.level === h.level) ||
          Number(b.s.parent === context) - Number(a.s.parent === context) ||
          a.s.order - b.s.order,
      );
    const best = scored[0]?.s;
    if (!best) return;
    match.section = best;
    match.kind = 'similar';
    used.add(best);
    // `Explanation` stands for every sibling section whose words hold all of its own.
    const partial = scored[0].l.aInB && !scored[0].l.bInA;
    for (const { s, l } of partial ? scored.slice(1) : []) {
      if (l.aInB && s.parent === best.parent && s.level === best.level) {
        match.also.push(s);
        used.add(s);
      }
    }
    // `Downsides and alternatives`: each part may stand for a section of its own.
    for (const part of conjuncts(h.normalized)) {
      const partWords = contentWords(part);
      const extra = candidates.find((s) => {
        if (used.has(s) || s.parent !== best.parent) return false;
        const l = meet(partWords, s);
        return (l.aInB || l.bInA) && l.score >= CONTAINED;
      });
      if (extra) {
        match.also.push(extra);
        used.add(extra);
      }
    }
  }
}

/** The section of the nearest enclosing heading that stands for one (undefined at the top or under the title). */
function contextOf(enclosing: readonly { level: number; match: HeadingMatch }[]): TemplateSection | undefined {
  for (let k = enclosing.length - 1; k >= 0; k--) {
    const m = enclosing[k].match;
    if (m.isTitle) return undefined;
    if (m.section) return m.section;
  }
  return undefined;
}

/**
 * Whether a section lies where heading i stands: after the section matched before it (or
 * is that section's parent, written after its child) and before the one matched after it.
 * Where the document is out of the template's order there, the bounds say nothing.
 */
function inWindow(s: TemplateSection, after: TemplateSection | undefined, before: TemplateSection | undefined): boolean {
  if (after && before && after.order >= before.order) return true;
  const isAncestorOf = (a: TemplateSection, b: TemplateSection) => {
    for (let p = b.parent; p; p = p.parent) if (p === a) return true;
    return false;
  };
  if (after && s.order <= after.order && !isAncestorOf(s, after)) return false;
  if (before && s.order >= before.order) return false;
  return true;
}
