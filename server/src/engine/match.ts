/*
 * Matches a document's headings to the template's sections: first by name or declared
 * alias (here), then the headings left over by likeness (matchLikeness.ts), each template
 * section taken once: the second step is given the sections the first took.
 */
import { MAX_LEVEL_DISTANCE, type HeadingMatch, type MatchInput, type MatchKind } from './matchTypes';
import { matchByLikeness } from './matchLikeness';
import { normalizeHeading } from './normalize';
import type { TemplateModel, TemplateSection } from './template';
import { packedMap } from './packedMap';

export type { HeadingMatch, MatchInput, MatchKind } from './matchTypes';

/** No aliases beyond the template's: one object, so the names cached per template are found again. */
export const NO_ALIASES: Readonly<Record<string, readonly string[]>> = Object.freeze({});

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

  const matches: HeadingMatch[] = packedMap(headings, (h): HeadingMatch => {
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

function startsWithWord(text: string, prefix: string): boolean {
  return text.startsWith(prefix) && (text.length === prefix.length || !/[\p{L}\p{N}]/u.test(text[prefix.length]));
}
