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
  let section = analysis.template.sections.find((s) => s.id === sectionId);
  if (!section || instancesOf(analysis, section).length > 0) return undefined;
  while (section.parent && instancesOf(analysis, section.parent).length === 0) section = section.parent;
  return insertAt(analysis, insertionLine(analysis, section), section.skeleton);
}

function instancesOf(analysis: Analysis, section: TemplateSection): DocHeading[] {
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
