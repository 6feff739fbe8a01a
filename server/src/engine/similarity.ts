/**
 * How alike two headings are, the way a reviewer reads them: by their content words,
 * stemmed (`Alternatives` is `Alternative`, `Testing` is `Test`), with a few words that
 * design documents use for one another read as one (`Downsides` for `Drawbacks`,
 * `Overview` for `Summary`), and each word weighted by how rare it is among the
 * template's own headings (`Plan` in four headings tells less than `Documentation`).
 */

/** Words that carry no meaning of their own in a heading. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be by can could do does for from has have how i if in into is it its may might must of on or our ' +
    'should so than that the their them then there these they this those to up us was we were what when where which who ' +
    'why will with would you your any all also about above after before being been such via vs versus per e g i.e'
  ).split(' '),
);

/**
 * Words design documents write for one another, each group read as its first word. Only
 * general words of the genre: the template still decides which sections exist, and an
 * exact heading always wins over a similar one.
 */
const CONCEPTS: readonly (readonly string[])[] = [
  ['drawback', 'downside', 'disadvantage', 'con'],
  ['summary', 'overview', 'abstract', 'synopsis', 'tldr', 'tl;dr'],
  ['alternative', 'option'],
  ['design', 'solution', 'proposal', 'propos', 'approach'],
  ['unresolved', 'open', 'outstanding'],
  ['goal', 'objective'],
  ['error', 'failure'],
];

const conceptOf = new Map<string, string>();
for (const group of CONCEPTS) for (const word of group) conceptOf.set(word, group[0]);

/** A light stemmer for English heading words: plural and -ing/-ed endings, nothing cleverer. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  return conceptOf.get(w) ?? w;
}

/** The content words of a (normalised) heading, stemmed and read as their concept. */
export function contentWords(normalized: string): string[] {
  // Hyphenated words stay whole: `Non-Goals` is not `Goals`, `Reference-level` not `References`.
  const words = normalized
    .toLowerCase()
    .split(/[^\p{L}\p{N};-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w !== '' && !STOP_WORDS.has(w));
  return [...new Set(words.map(stem))];
}

/** Counts a heading's content words in `counts` (in how many headings each stands). */
export function countContentWords(heading: string, counts: Map<string, number>): void {
  for (const w of contentWords(heading)) counts.set(w, (counts.get(w) ?? 0) + 1);
}

/** How two headings' words meet: their weighted overlap, and whether one's words all stand in the other. */
export interface Likeness {
  /** Weighted Dice coefficient, 0 to 1. */
  score: number;
  /** Plain Dice coefficient (every word weighs the same), 0 to 1. */
  plain: number;
  /** Every word of `a` is in `b` (`Design` in `Detailed Design`). */
  aInB: boolean;
  /** Every word of `b` is in `a` (`Summary` in `Executive Summary`). */
  bInA: boolean;
}

export function likeness(a: readonly string[], b: readonly string[], weight: (word: string) => number): Likeness {
  if (a.length === 0 || b.length === 0) return { score: 0, plain: 0, aInB: false, bInA: false };
  const inB = new Set(b);
  const inA = new Set(a);
  let shared = 0;
  let total = 0;
  let common = 0;
  for (const w of a) {
    total += weight(w);
    if (inB.has(w)) {
      shared += weight(w);
      common++;
    }
  }
  for (const w of b) total += weight(w);
  return {
    score: (2 * shared) / total,
    plain: (2 * common) / (a.length + b.length),
    aInB: a.every((w) => inB.has(w)),
    bInA: b.every((w) => inA.has(w)),
  };
}

/** `Downsides and alternatives` → its parts, each of which may stand for a section of its own. */
export function conjuncts(normalized: string): string[] {
  const parts = normalized.split(/\s+(?:and|&)\s+|\s*[/,]\s*/).filter((p) => p.trim() !== '');
  return parts.length > 1 ? parts : [];
}
