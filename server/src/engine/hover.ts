import type { Analysis } from './analyze';
import { instancesOf } from './edits';
import type { DocHeading } from './facts';
import { isMarked } from './rules';
import type { MetadataField, TemplateSection } from './template';
import type { Position, Range } from './types';

/** Hover content: markdown and the range it is about. */
export interface HoverInfo {
  range: Range;
  markdown: string;
}

/**
 * What the template says about the thing under the cursor: for a section heading, what the
 * template asks for there, the section's state and what is still missing in it; for a
 * placeholder, its guidance; for a metadata value, the accepted forms.
 */
export function hoverAt(analysis: Analysis, position: Position): HoverInfo | undefined {
  const placeholder = analysis.placeholders.find((r) => within(r, position));
  if (placeholder) return placeholderHover(analysis, placeholder);
  const metadata = analysis.metadata.find((m) => m.line === position.line && (within(m.valueRange, position) || within(m.keyRange, position)));
  const field = metadata && analysis.template.metadata.find((f) => f.normalizedKey === metadata.normalizedKey);
  if (metadata && field) return { range: metadata.valueRange, markdown: `**${field.key}**: ${acceptedForms(field)}` };
  const heading = analysis.headings.find((h) => h.line === position.line);
  if (heading?.section) return { range: heading.range, markdown: headingHover(analysis, heading, heading.section) };
  return undefined;
}

function placeholderHover(analysis: Analysis, range: Range): HoverInfo {
  if (range.start.line !== range.end.line || range.start.character === 0) {
    // A block of the template's guidance standing where the section's content belongs.
    const guidance = analysis.findings.find((f) => isMarked(f, 'guidance-left') && f.range.start.line === range.start.line);
    if (guidance) return { range, markdown: `**Template guidance**: ${guidance.message}` };
  }
  const chunk = analysis.model.chunks.find((c) => c.startLine <= range.start.line && range.start.line < c.startLine + c.chunk.lines.length);
  const source = chunk?.chunk.lines[range.start.line - (chunk?.startLine ?? 0)] ?? '';
  const text = source.slice(range.start.character, range.end.character);
  const owner = analysis.template.sections.find((s) => s.placeholders.some((p) => p.text === text));
  const from = owner ? ` (the template's *${owner.name}* section)` : '';
  const wanted = /^[[{(<].*[\]})>]$/s.test(text) ? text.slice(1, -1) : text;
  return { range, markdown: `**Unfilled placeholder**${from}: replace it with ${wanted}.` };
}

function headingHover(analysis: Analysis, heading: DocHeading, section: TemplateSection): string {
  const parts: string[] = [];
  const where = section.parent ? ` in *${section.parent.name}*` : '';
  parts.push(`**${section.name}**: a template section${where}${section.repeatable ? ' (repeatable: one or more)' : ''}.`);
  const guidance = section.guidance;
  if (guidance.length > 0) parts.push(`The template asks for:\n${guidance.map((g) => `- ${g}`).join('\n')}`);
  parts.push(`State: ${state(heading)}.`);
  const missing = section.children.filter((c) => instancesOf(analysis, c).length === 0);
  if (missing.length > 0) parts.push(`Still missing here: ${missing.map((c) => `*${c.name}*`).join(', ')}.`);
  return parts.join('\n\n');
}

function state(h: DocHeading): string {
  if (h.notApplicable) return 'not applicable';
  if (h.placeholderCount > 0) return h.placeholderCount === 1 ? '1 placeholder left' : `${h.placeholderCount} placeholders left`;
  if (h.guidanceCount > 0) return "only the template's guidance, not written yet";
  if (!h.hasContent && !h.hasSubsections) return 'empty';
  if (h.exampleCount > 0) return 'template example left unchanged';
  return 'complete';
}

/** The forms a metadata value may take, in words. */
export function acceptedForms(field: MetadataField): string {
  switch (field.kind.type) {
    case 'enum':
      return `one of ${field.kind.values.map((v) => `\`${v}\``).join(', ')}.`;
    case 'number':
      return `digits in the shape \`${field.kind.mask}\` (the year, a dash and the number, e.g. \`2026-001\`).`;
    case 'date':
      return 'a real date, written `YYYY-MM-DD` (ISO 8601), e.g. `2026-03-14`.';
    case 'text':
      return 'free text; not empty.';
  }
}

function within(range: Range, p: Position): boolean {
  return range.start.line === p.line && range.start.character <= p.character && p.character <= range.end.character;
}
