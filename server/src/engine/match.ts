import type { TemplateModel, TemplateSection } from './template';

/** What matching needs of a document heading. */
export interface MatchInput {
  level: number;
  normalized: string;
}

/** The template section a document heading stands for, if any. */
export interface HeadingMatch {
  section?: TemplateSection;
  /** The heading is the document's title (its first H1 when the template has a title). */
  isTitle: boolean;
}

/** Headings more than this many levels away from their template section do not match it. */
const MAX_LEVEL_DISTANCE = 1;

/**
 * Matches document headings to template sections, in document order. A heading matches a
 * section of the same normalised name, preferring (in turn) a child of the section its
 * parent heading matched, then the same level anywhere, then a neighbouring level. A
 * heading that matches no name can stand for a repeatable section: by its literal prefix
 * ("Alternative 3: Queue" for "Alternative 1: [Name]"), or as any subsection at that level
 * under the repeatable section's parent ("#### Scheduler" under "Component Design").
 */
export function matchHeadings(headings: readonly MatchInput[], template: TemplateModel): HeadingMatch[] {
  const byName = new Map<string, TemplateSection[]>();
  for (const s of template.sections) {
    if (s.repeatable) continue;
    const list = byName.get(s.normalized);
    if (list) list.push(s);
    else byName.set(s.normalized, [s]);
  }
  const used = new Set<TemplateSection>();
  const stack: { level: number; section?: TemplateSection }[] = [];
  let titleSeen = false;

  return headings.map((h) => {
    if (h.level === 1 && !titleSeen && template.title) {
      titleSeen = true;
      stack.length = 0;
      stack.push({ level: 1 });
      return { isTitle: true };
    }
    while (stack.length > 0 && stack[stack.length - 1].level >= h.level) stack.pop();
    let context: TemplateSection | undefined;
    for (let i = stack.length - 1; i >= 0 && !context; i--) context = stack[i].section;
    const section = pick(h, context, byName.get(h.normalized) ?? [], template, used);
    if (section) used.add(section);
    stack.push({ level: h.level, section });
    return { section, isTitle: false };
  });
}

function pick(
  h: MatchInput,
  context: TemplateSection | undefined,
  named: TemplateSection[],
  template: TemplateModel,
  used: Set<TemplateSection>,
): TemplateSection | undefined {
  const near = (s: TemplateSection) => Math.abs(s.level - h.level) <= MAX_LEVEL_DISTANCE;
  const inContext = (s: TemplateSection) => s.parent === context;
  const preferences: ((s: TemplateSection) => boolean)[] = [
    (s) => inContext(s) && s.level === h.level,
    (s) => inContext(s) && near(s),
    (s) => s.level === h.level && !used.has(s),
    (s) => near(s) && !used.has(s),
    (s) => s.level === h.level,
    (s) => near(s),
  ];
  for (const prefer of preferences) {
    const found = named.find(prefer);
    if (found) return found;
  }
  const repeatables = template.sections.filter((s) => s.repeatable && near(s));
  const byPrefix = (s: TemplateSection) => s.prefix !== '' && startsWithWord(h.normalized, s.prefix);
  return (
    repeatables.find((s) => inContext(s) && byPrefix(s)) ??
    repeatables.find((s) => s.level === h.level && byPrefix(s)) ??
    repeatables.find((s) => context !== undefined && inContext(s) && s.level === h.level)
  );
}

function startsWithWord(text: string, prefix: string): boolean {
  return text.startsWith(prefix) && (text.length === prefix.length || !/[\p{L}\p{N}]/u.test(text[prefix.length]));
}
