import type { ChunkHeading } from './chunk';
import type { DocumentModel } from './document';
import { insertBoldSections } from './boldSections';
import { matchHeadings, NO_ALIASES, type MatchKind } from './match';
import type { Lifecycle } from './lifecycle';
import { lowerBound } from './lineLookups';
import type { MetadataLine } from './metadata';
import { alignMetadataKeys, type StatusVocabulary } from './metadataFields';
import type { TemplateModel, TemplateSection } from './template';
import { lineRange, shiftRange, type Range } from './types';

/** A top-level heading of the document, placed and matched against the template. */
export interface DocHeading extends ChunkHeading {
  /** Index of the chunk holding it. */
  chunkIndex: number;
  /** The whole heading text line, for diagnostics about the heading itself. */
  range: Range;
  section?: TemplateSection;
  /** Further sections the heading stands for (`Explanation` for both explanation sections). */
  also: TemplateSection[];
  /** How the heading came to stand for its section: its name, an alias, or likeness. */
  matchKind?: MatchKind;
  /** Not a heading but a bold line naming a template section (`**Why now?**`). */
  bold: boolean;
  isTitle: boolean;
  /** Unfilled placeholders between this heading and the next heading of any level. */
  placeholderCount: number;
  /** Blocks of template guidance standing in for content between this heading and the next. */
  guidanceCount: number;
  /** Unchanged template examples between this heading and the next heading of any level. */
  exampleCount: number;
  /** The next heading is deeper: this heading has subsections. */
  hasSubsections: boolean;
}

/** Everything document-wide rules and completeness read: small, rebuilt on every analysis. */
export interface DocumentFacts {
  template: TemplateModel;
  headings: DocHeading[];
  title?: DocHeading;
  /** Metadata lines before the first section, with document line numbers. */
  metadata: MetadataLine[];
  /** Document headings standing for each template section. */
  instances: Map<TemplateSection, DocHeading[]>;
  /** Template sections whose document section says "N/A": their subsections are not required. */
  waived: Set<TemplateSection>;
  /** Unticked task items, with document line numbers. */
  openTasks: { line: number; start: number; end: number; text: string }[];
  /** Where the RFC is in its life; set by the analysis from the Status line. */
  lifecycle: Lifecycle;
  /** The team's own status values and their stages (`.rfcrc.json` `statuses`). */
  statuses: StatusVocabulary;
  /** Normalised heading texts swallowed by a code fence never closed: those sections are there, unrendered. */
  swallowed: Set<string>;
}

/** Document lines of the findings that make a section incomplete, sorted. */
export interface SectionFindingLines {
  placeholders: readonly number[];
  /** Guidance left in place of a section's content (not leftovers above the author's own text). */
  guidance: readonly number[];
  examples: readonly number[];
}

/**
 * Collects the document-wide facts from the parsed chunks. `lines` gives the lines of the
 * placeholder and template-example findings left after suppression comments, so each
 * heading can count those in its own span.
 */
export function collectFacts(
  model: DocumentModel,
  template: TemplateModel,
  lines: SectionFindingLines,
  statuses: StatusVocabulary = {},
  aliases: Readonly<Record<string, readonly string[]>> = NO_ALIASES,
): DocumentFacts {
  const headings: DocHeading[] = [];
  let metadata: MetadataLine[] = [];
  // Metadata stands before the first section: the first heading below H1, or any heading
  // after the title (or the first H1 at all when the template's sections are H1s).
  let sectionsStarted = false;
  let titleSeen = !template.title;
  let firstSectionLine = Number.MAX_SAFE_INTEGER;
  model.chunks.forEach(({ chunk, startLine }, chunkIndex) => {
    if (!sectionsStarted) {
      for (const m of chunk.metadata) {
        metadata.push({ ...m, line: m.line + startLine, keyRange: shiftRange(m.keyRange, startLine), valueRange: shiftRange(m.valueRange, startLine) });
      }
    }
    for (const h of chunk.headings) {
      if (!sectionsStarted && (h.level >= 2 || titleSeen)) {
        sectionsStarted = true;
        firstSectionLine = h.line + startLine;
      }
      if (h.level === 1) titleSeen = true;
      const text = chunk.lines[h.line] ?? '';
      const line = h.line + startLine;
      // Every field set here, in one shape: these objects are rebuilt on each keystroke.
      headings.push({
        level: h.level,
        text: h.text,
        normalized: h.normalized,
        line,
        endLine: h.endLine + startLine,
        hasContent: h.hasContent,
        notApplicable: h.notApplicable,
        guidanceBlocks: h.guidanceBlocks,
        guidanceOnly: h.guidanceOnly,
        chunkIndex,
        range: lineRange(line, text.length - text.trimStart().length, text.trimEnd().length),
        section: undefined,
        also: [],
        matchKind: undefined,
        bold: false,
        isTitle: false,
        placeholderCount: 0,
        guidanceCount: 0,
        exampleCount: 0,
        hasSubsections: false,
      });
    }
  });
  const matches = matchHeadings(headings, template, aliases);
  // Metadata stands before the first heading that is not the title.
  const firstSection = headings.find((_, i) => !matches[i].isTitle);
  firstSectionLine = Math.min(firstSectionLine, firstSection ? firstSection.line : Number.MAX_SAFE_INTEGER);
  metadata = alignMetadataKeys(
    metadata.filter((m) => m.line < firstSectionLine),
    template.metadata,
  );
  headings.forEach((h, i) => {
    h.section = matches[i].section;
    h.also = matches[i].also;
    h.matchKind = matches[i].kind;
    h.isTitle = matches[i].isTitle;
  });
  // Sections the headings leave unmatched may be written as bold lines (`**Why now?**`).
  const all = insertBoldSections(headings, model, template);

  all.forEach((h, i) => {
    const next = all[i + 1];
    h.hasSubsections = next !== undefined && next.level > h.level;
    const end = next ? next.line : Number.MAX_SAFE_INTEGER;
    h.placeholderCount = countInRange(lines.placeholders, h.line, end);
    h.guidanceCount = countInRange(lines.guidance, h.line, end);
    h.exampleCount = countInRange(lines.examples, h.line, end);
  });

  const instances = new Map<TemplateSection, DocHeading[]>();
  const waived = new Set<TemplateSection>();
  let title: DocHeading | undefined;
  for (const h of all) {
    if (h.isTitle) title = h;
    for (const section of h.section ? [h.section, ...h.also] : []) {
      const list = instances.get(section);
      if (list) list.push(h);
      else instances.set(section, [h]);
      if (h.notApplicable) waived.add(section);
    }
  }
  const openTasks: DocumentFacts['openTasks'] = [];
  const swallowed = new Set<string>();
  for (const { chunk, startLine } of model.chunks) {
    for (const task of chunk.tasks) if (!task.checked) openTasks.push({ ...task, line: task.line + startLine });
    for (const block of chunk.codeBlocks) for (const name of block.unclosed?.headings ?? []) swallowed.add(name);
  }
  return { template, headings: all, title, metadata, instances, waived, openTasks, lifecycle: 'unknown', statuses, swallowed };
}

/** True when the section or one of its ancestors is marked not applicable in the document. */
export function isWaived(facts: DocumentFacts, section: TemplateSection): boolean {
  for (let s: TemplateSection | undefined = section; s; s = s.parent) if (facts.waived.has(s)) return true;
  return false;
}

/** How many of the sorted numbers lie in [from, to). */
export function countInRange(sorted: readonly number[], from: number, to: number): number {
  return lowerBound(sorted, to) - lowerBound(sorted, from);
}

