import type { Analysis } from './analyze';
import { lineText } from './document';
import type { DocHeading } from './facts';
import type { TemplateSection } from './template';
import type { Range } from './types';

/** A text replacement in LSP's shape, without depending on LSP. */
export interface TextEditLike {
  range: Range;
  newText: string;
}

/**
 * The edit that inserts a missing template section (heading, subsections, placeholders)
 * where template order puts it: after the nearest preceding sibling the document has,
 * else before the nearest following one, else at the start of its parent. A subsection
 * whose parent is missing brings the parent. Blank lines keep the markdown valid.
 * Undefined when the section is unknown or already present.
 */
export function insertSectionEdit(analysis: Analysis, sectionId: string): TextEditLike | undefined {
  const section = analysis.template.sections.find((s) => s.id === sectionId);
  if (!section || instancesOf(analysis, section).length > 0) return undefined;
  const top = topMissing(analysis, section);
  return insertAt(analysis, insertionLine(analysis, top), top.skeleton);
}

/**
 * One edit inserting every missing section (the top-most of each missing subtree), each
 * at its template position; sections due at the same place are joined in template order.
 */
export function insertAllMissingSectionsEdit(analysis: Analysis): TextEditLike[] {
  const byLine = new Map<number, TemplateSection[]>();
  for (const section of missingSectionsOf(analysis)) {
    const line = insertionLine(analysis, section);
    byLine.set(line, [...(byLine.get(line) ?? []), section]);
  }
  return [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, sections]) => insertAt(analysis, line, sections.map((s) => s.skeleton).join('\n')));
}

/** The top-most missing template sections (a missing section's subsections go with it), in template order. */
export function missingSectionsOf(analysis: Analysis): TemplateSection[] {
  const waived = (s: TemplateSection): boolean => {
    for (let a: TemplateSection | undefined = s.parent; a; a = a.parent) if (instancesOf(analysis, a).some((h) => h.notApplicable)) return true;
    return false;
  };
  return analysis.template.sections.filter(
    (s) =>
      instancesOf(analysis, s).length === 0 &&
      (!s.parent || instancesOf(analysis, s.parent).length > 0) &&
      !s.optional &&
      !waived(s),
  );
}

/** The line a missing section would be inserted at (see insertSectionEdit). */
export function insertionLineOf(analysis: Analysis, section: TemplateSection): number {
  return insertionLine(analysis, topMissing(analysis, section));
}

function topMissing(analysis: Analysis, section: TemplateSection): TemplateSection {
  let top = section;
  while (top.parent && instancesOf(analysis, top.parent).length === 0) top = top.parent;
  return top;
}

export function instancesOf(analysis: Analysis, section: TemplateSection): DocHeading[] {
  return analysis.headings.filter((h) => h.section === section);
}

/** The line after a heading's section: the next heading of the same or a higher level. */
function endOfSection(analysis: Analysis, heading: DocHeading): number {
  const next = analysis.headings.find((h) => h.line > heading.line && h.level <= heading.level);
  return next ? next.line : analysis.model.lineCount;
}

function insertionLine(analysis: Analysis, section: TemplateSection): number {
  const siblings = section.parent ? section.parent.children : analysis.template.roots;
  const index = siblings.indexOf(section);
  for (let i = index - 1; i >= 0; i--) {
    const found = instancesOf(analysis, siblings[i]);
    if (found.length > 0) return endOfSection(analysis, found[found.length - 1]);
  }
  for (let i = index + 1; i < siblings.length; i++) {
    const found = instancesOf(analysis, siblings[i]);
    if (found.length > 0) return found[0].line;
  }
  if (section.parent) {
    const parent = instancesOf(analysis, section.parent)[0];
    const firstChild = analysis.headings.find((h) => h.line > parent.line && h.level > parent.level);
    const end = endOfSection(analysis, parent);
    return firstChild && firstChild.line < end ? firstChild.line : end;
  }
  const firstSection = analysis.headings.find((h) => !h.isTitle);
  return firstSection ? firstSection.line : analysis.model.lineCount;
}

function insertAt(analysis: Analysis, line: number, skeleton: string): TextEditLike {
  const model = analysis.model;
  const last = model.lineCount - 1;
  const blank = (l: number) => l >= 0 && l <= last && lineText(model, l).trim() === '';
  if (line >= model.lineCount) {
    const lastText = lineText(model, last);
    if (lastText !== '') return { range: point(last, lastText.length), newText: '\n\n' + skeleton };
    // The document ends with a line break: write on its empty last line.
    return { range: point(last, 0), newText: (last > 0 && !blank(last - 1) ? '\n' : '') + skeleton };
  }
  const prefix = line > 0 && !blank(line - 1) ? '\n' : '';
  const suffix = blank(line) ? '' : '\n';
  return { range: point(line, 0), newText: prefix + skeleton + suffix };
}

function point(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}
