/*
 * Matches a document's headings to the template's sections: first by name or declared
 * alias, then the headings left over by likeness, each template section taken once.
 *
 * Why one file of more than 300 lines: the two steps share the sections already taken and
 * the enclosing section's context; apart, each would need the other's bookkeeping.
 */
import { normalizeHeading } from './normalize';
import { conjuncts, contentWords, likeness, type Likeness } from './similarity';
import type { TemplateModel, TemplateSection } from './template';

/** What matching needs of a document heading. */
export interface MatchInput {
  level: number;
  normalized: string;
}

/** How a heading came to stand for its section. */
export type MatchKind = 'exact' | 'alias' | 'similar';

/** The template section a document heading stands for, if any. */
export interface HeadingMatch {
  section?: TemplateSection;
  /** Further sections the same heading stands for (`Explanation` for both explanation sections). */
  also: TemplateSection[];
  kind?: MatchKind;
  /** The heading is the document's title (its first H1 when the template has a title). */
  isTitle: boolean;
}

/** No aliases beyond the template's: one object, so the names cached per template are found again. */
export const NO_ALIASES: Readonly<Record<string, readonly string[]>> = Object.freeze({});

/** Headings more than this many levels away from their template section do not match it. */
export const MAX_LEVEL_DISTANCE = 2;
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

/**
 * Matches document headings to template sections, the way a reviewer reads them.
 *
 * 1. By name: the same normalised name, or a name the template or the team declares an
 *    alias of it; preferring (in turn) a child of the section its parent heading matched,
 *    the same level anywhere, then a level or two away. A heading that matches no name can
 *    stand for a repeatable section: by its literal prefix ("Alternative 3: Queue" for
 *    "Alternative 1: [Name]"), or as any subsection at that level under the repeatable
 *    section's parent ("#### Scheduler" under "Component Design").
 * 2. By likeness: a heading left over stands for a section no heading has taken when it is
 *    in the expected place (under the same parent or one of its ancestors, between the
 *    sections matched before and after it) and their words meet: one's words all in the
 *    other's (`Executive Summary`, `Design`) or enough of them (`Error codes` for `Error
 *    Handling`). A heading may stand for more than one section: `Explanation` for the guide-
 *    and reference-level explanations, `Downsides and alternatives` for both.
 */
export function matchHeadings(
  headings: readonly MatchInput[],
  template: TemplateModel,
  aliases: Readonly<Record<string, readonly string[]>> = NO_ALIASES,
): HeadingMatch[] {
  const { byName, aliasesOf } = namesOf(template, aliases);
  const used = new Set<TemplateSection>();
  const stack: { level: number; section?: TemplateSection }[] = [];
  let titleSeen = false;

  const matches: HeadingMatch[] = headings.map((h) => {
    // The first H1 is the title, unless it names a section (`# Summary` in an RFC without a title).
    if (h.level === 1 && !titleSeen && template.title && !byName.has(h.normalized)) {
      titleSeen = true;
      stack.length = 0;
      stack.push({ level: 1 });
      return { isTitle: true, also: [] };
    }
    while (stack.length > 0 && stack[stack.length - 1].level >= h.level) stack.pop();
    let context: TemplateSection | undefined;
    for (let i = stack.length - 1; i >= 0 && !context; i--) context = stack[i].section;
    const named = byName.get(h.normalized) ?? [];
    const section = pick(h, context, named, template, used);
    if (section) used.add(section);
    stack.push({ level: h.level, section });
    const kind: MatchKind | undefined = !section ? undefined : section.normalized === h.normalized || section.repeatable ? 'exact' : 'alias';
    return { section, kind, isTitle: false, also: [] };
  });

  matchByLikeness(headings, matches, template, used, aliasesOf);
  return matches;
}

const namesCache = new WeakMap<TemplateModel, { aliases: Readonly<Record<string, readonly string[]>>; byName: Map<string, TemplateSection[]>; aliasesOf: Map<TemplateSection, string[]> }>();

/** Each name (and alias) of the template's sections, and each section's aliases; kept per template while the settings' aliases stay the same. */
function namesOf(template: TemplateModel, aliases: Readonly<Record<string, readonly string[]>>) {
  const cached = namesCache.get(template);
  if (cached && cached.aliases === aliases) return cached;
  const byName = new Map<string, TemplateSection[]>();
  const add = (name: string, s: TemplateSection) => {
    const list = byName.get(name);
    if (!list) byName.set(name, [s]);
    else if (!list.includes(s)) list.push(s);
  };
  const aliasesOf = sectionAliases(template, aliases);
  for (const s of template.sections) {
    if (s.repeatable) continue;
    add(s.normalized, s);
    for (const alias of aliasesOf.get(s) ?? []) add(alias, s);
  }
  const names = { aliases, byName, aliasesOf };
  namesCache.set(template, names);
  return names;
}

/** The aliases of each section: declared in the template, and in the settings (by the section's heading). */
function sectionAliases(template: TemplateModel, extra: Readonly<Record<string, readonly string[]>>): Map<TemplateSection, string[]> {
  const out = new Map<TemplateSection, string[]>();
  const byNormalized = new Map<string, TemplateSection[]>();
  for (const s of template.sections) byNormalized.set(s.normalized, [...(byNormalized.get(s.normalized) ?? []), s]);
  for (const s of template.sections) if (s.aliases.length > 0) out.set(s, s.aliases.map(normalizeHeading));
  for (const [name, names] of Object.entries(extra)) {
    for (const s of byNormalized.get(normalizeHeading(name)) ?? []) {
      out.set(s, [...(out.get(s) ?? []), ...names.map(normalizeHeading)]);
    }
  }
  return out;
}

function pick(
  h: MatchInput,
  context: TemplateSection | undefined,
  named: TemplateSection[],
  template: TemplateModel,
  used: Set<TemplateSection>,
): TemplateSection | undefined {
  // The first of the best-suited named sections (preference below); one pass, no closures:
  // this runs for every heading of every RFC.
  let best: TemplateSection | undefined;
  let bestRank = NO_PREFERENCE;
  for (const s of named) {
    const rank = preference(s, h, context, used);
    if (rank < bestRank) {
      best = s;
      bestRank = rank;
      if (rank === 0) break;
    }
  }
  if (best) return best;
  const inContext = (s: TemplateSection) => s.parent === context;
  const repeatables = template.sections.filter((s) => s.repeatable && Math.abs(s.level - h.level) <= 1);
  const byPrefix = (s: TemplateSection) => s.prefix !== '' && startsWithWord(h.normalized, s.prefix);
  return (
    repeatables.find((s) => inContext(s) && byPrefix(s)) ??
    repeatables.find((s) => s.level === h.level && byPrefix(s)) ??
    repeatables.find((s) => context !== undefined && inContext(s) && s.level === h.level)
  );
}

const NO_PREFERENCE = 6;

/**
 * How well a section of the heading's name suits it, 0 best: under the same parent at the
 * same level, then at a near level; not yet taken at the same level, then near; taken at
 * the same level, then near; NO_PREFERENCE when it is too far up or down.
 */
function preference(s: TemplateSection, h: MatchInput, context: TemplateSection | undefined, used: Set<TemplateSection>): number {
  const sameLevel = s.level === h.level;
  const near = Math.abs(s.level - h.level) <= MAX_LEVEL_DISTANCE;
  if (s.parent === context) {
    if (sameLevel) return 0;
    if (near) return 1;
  }
  const free = !used.has(s);
  if (sameLevel) return free ? 2 : 4;
  if (near) return free ? 3 : 5;
  return NO_PREFERENCE;
}

/** How rare each word is among the template's headings and their declared aliases: a word in n of them weighs 1/n. */
export function templateWordWeights(template: TemplateModel): (word: string) => number {
  return (word) => 1 / (template.headingWords.get(word) ?? 1);
}

/** Step 2 of matchHeadings: the headings left over, by likeness, in document order. */
function matchByLikeness(
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

function startsWithWord(text: string, prefix: string): boolean {
  return text.startsWith(prefix) && (text.length === prefix.length || !/[\p{L}\p{N}]/u.test(text[prefix.length]));
}
