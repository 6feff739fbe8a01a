import type { BoldLead } from './boldLead';
import { lineText, type DocumentModel } from './document';
import type { DocHeading } from './facts';
import { templateWordWeights } from './matchLikeness';
import { contentWords, likeness } from './similarity';
import type { TemplateModel, TemplateSection } from './template';
import { lineRange } from './types';

/** Weighted word overlap from which a bold line stands for a section (questions are long). */
const SIMILAR = 0.6;
/** Fewest words a bold line or section name must have for one's words all in the other's to count. */
const MIN_CONTAINED_WORDS = 3;
/** Bold lines weighed against each unmatched section at most: a few dozen in an RFC, not thousands. */
const MAX_LEADS = 2000;

interface PlacedLead extends BoldLead {
  chunkIndex: number;
  source: string;
  /** The lead's content words, computed when first needed. */
  words?: string[];
}

/**
 * Sections the document writes as a bold line instead of a heading: a paragraph or list
 * item opening with `**How can this feature be enabled?**` answers the template's question
 * of that name. For each template section no heading stands for, a bold line inside its
 * parent section's text (anywhere, for a top-level section, by exact name only) that names
 * it, exactly or by likeness, becomes a heading of that section's level; the text after
 * it, up to the next heading or bold section, is its content. Returns the headings with
 * these added, in document order.
 */
export function insertBoldSections(headings: DocHeading[], model: DocumentModel, template: TemplateModel): DocHeading[] {
  const taken = new Set<TemplateSection>();
  for (const h of headings) if (h.section) for (const s of [h.section, ...h.also]) taken.add(s);
  const open = template.sections.filter((s) => !taken.has(s) && !s.repeatable);
  if (open.length === 0) return headings;
  const leads = placedLeads(model, new Set(headings.map((h) => h.line)));
  if (leads.length === 0) return headings;

  const weight = templateWordWeights(template);
  const used = new Set<PlacedLead>();
  const added: { lead: PlacedLead; section: TemplateSection; exact: boolean }[] = [];
  for (const section of open) {
    const region = regionOf(section, headings);
    if (!region) continue;
    // Read only when a lead in the region is compared by likeness: with a template of
    // thousands of sections, most have no region or no lead in it.
    let sectionWords: string[] | undefined;
    let best: { lead: PlacedLead; score: number; exact: boolean } | undefined;
    for (let k = firstAtOrAfter(leads, region[0]); k < leads.length && leads[k].line < region[1]; k++) {
      const lead = leads[k];
      if (used.has(lead)) continue;
      if (lead.normalized === section.normalized) {
        best = { lead, score: 2, exact: true };
        break;
      }
      if (!section.parent) continue; // a top-level section only by its exact name
      const words = (lead.words ??= contentWords(lead.normalized));
      sectionWords ??= contentWords(section.normalized);
      const l = likeness(words, sectionWords, weight);
      const contained = (l.aInB && words.length >= MIN_CONTAINED_WORDS) || (l.bInA && sectionWords.length >= MIN_CONTAINED_WORDS);
      const score = contained ? Math.max(l.score, SIMILAR) : l.score;
      if (score >= SIMILAR && (!best || score > best.score)) best = { lead, score, exact: false };
    }
    if (!best) continue;
    used.add(best.lead);
    added.push({ lead: best.lead, section, exact: best.exact });
  }
  if (added.length === 0) return headings;

  const bold = added.map(({ lead, section, exact }) => headingOf(lead, section, exact));
  const all = [...headings, ...bold].sort((a, b) => a.line - b.line);
  for (const h of bold) {
    const next = all[all.indexOf(h) + 1];
    const boundary = next ? next.line : Number.MAX_SAFE_INTEGER;
    const lead = added.find((a) => a.lead.line === h.line)!.lead;
    h.hasContent = lead.ownContent || hasContentBetween(model, lead.endLine, boundary) || listGoesOn(model, lead, boundary);
  }
  return all;
}

/** Lines [from, to) of the document text of the section's parent, or the whole document for a top-level section. */
function regionOf(section: TemplateSection, headings: readonly DocHeading[]): [number, number] | undefined {
  if (!section.parent) return [0, Number.MAX_SAFE_INTEGER];
  const i = headings.findIndex((h) => h.section === section.parent || h.also.includes(section.parent!));
  if (i < 0) return undefined;
  const parent = headings[i];
  const end = headings.slice(i + 1).find((h) => h.level <= parent.level);
  return [parent.line, end ? end.line : Number.MAX_SAFE_INTEGER];
}

/** The index of the first lead on or after a line (leads are in document order). */
function firstAtOrAfter(leads: readonly PlacedLead[], line: number): number {
  let lo = 0;
  let hi = leads.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (leads[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function placedLeads(model: DocumentModel, headingLines: ReadonlySet<number>): PlacedLead[] {
  const out: PlacedLead[] = [];
  model.chunks.forEach(({ chunk, startLine }, chunkIndex) => {
    for (const lead of chunk.boldLeads) {
      const line = lead.line + startLine;
      if (headingLines.has(line) || out.length >= MAX_LEADS) continue;
      out.push({
        ...lead,
        line,
        textEndLine: lead.textEndLine + startLine,
        endLine: lead.endLine + startLine,
        listEndLine: lead.listEndLine === undefined ? undefined : lead.listEndLine + startLine,
        chunkIndex,
        source: chunk.lines[lead.line] ?? '',
      });
    }
  });
  return out;
}

function headingOf(lead: PlacedLead, section: TemplateSection, exact: boolean): DocHeading {
  const start = Math.max(0, lead.source.indexOf('**') >= 0 ? lead.source.indexOf('**') : lead.source.length - lead.source.trimStart().length);
  return {
    level: section.level,
    text: lead.text,
    normalized: lead.normalized,
    line: lead.line,
    endLine: lead.textEndLine,
    hasContent: false,
    notApplicable: false,
    guidanceBlocks: 0,
    guidanceOnly: false,
    chunkIndex: lead.chunkIndex,
    range: lineRange(lead.line, start, lead.source.trimEnd().length),
    section,
    also: [],
    matchKind: exact ? 'exact' : 'similar',
    bold: true,
    isTitle: false,
    placeholderCount: 0,
    guidanceCount: 0,
    exampleCount: 0,
    hasSubsections: false,
  };
}

/** A list item's answer written as the list's next items (`* **Question?**`, blank line, `* Answer.`). */
function listGoesOn(model: DocumentModel, lead: PlacedLead, boundary: number): boolean {
  const end = Math.min(lead.listEndLine ?? lead.endLine, boundary);
  for (let line = lead.endLine; line < end; line++) if (lineText(model, line).trim() !== '') return true;
  return false;
}

/** Whether a top-level content block (not a heading, not a comment) starts in lines [from, to). */
function hasContentBetween(model: DocumentModel, from: number, to: number): boolean {
  for (const { chunk, startLine } of model.chunks) {
    for (const b of chunk.blocks) {
      const line = b.line + startLine;
      if (line >= to) return false;
      if (line >= from && b.kind !== 'heading' && b.kind !== 'rule' && !b.comment) return true;
    }
  }
  return false;
}
