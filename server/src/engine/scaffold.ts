import { analyzeDocument } from './analyze';
import { parseChunk } from './chunk';
import { NO_PLACEHOLDERS } from './placeholderPolicy';
import type { MetadataField, TemplateModel } from './template';
import type { Range } from './types';
import { MAX_NUMBER_DIGITS } from './workspace/numbers';

/** What a new RFC is filled in with; everything else stays a placeholder for the author. */
export interface ScaffoldValues {
  title: string;
  /** The RFC number, e.g. 2026-004. */
  number: string;
  /** Today, as YYYY-MM-DD. */
  date: string;
  /** Comma-separated names; empty keeps the placeholder. */
  authors: string;
}

export interface Scaffold {
  text: string;
  /** The first placeholder after the metadata (the Summary's), to select in the editor. */
  selection?: Range;
}

/**
 * A new RFC from the template: the title's placeholder, the number, a status of Draft
 * (or the first allowed value), the date fields and the authors filled in. Values are
 * markdown-escaped, so a title with brackets or asterisks stays literal text.
 */
export function scaffoldRfc(template: TemplateModel, values: ScaffoldValues): Scaffold {
  const lines = template.text.split(/\r\n|\r|\n/);
  const analysis = analyzeDocument(template.text, template);
  const replacements: { range: Range; text: string }[] = [];

  const title = analysis.headings.find((h) => h.isTitle);
  const titlePlaceholder = title && analysis.placeholders.find((p) => p.start.line === title.line);
  if (titlePlaceholder) replacements.push({ range: titlePlaceholder, text: escapeMarkdown(values.title) });

  for (const line of analysis.metadata) {
    const field = template.metadata.find((f) => f.normalizedKey === line.normalizedKey);
    const value = field && valueFor(field, values);
    if (value) replacements.push({ range: line.valueRange, text: value });
  }

  replacements.sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const { range, text } of replacements) {
    const source = lines[range.start.line];
    lines[range.start.line] = source.slice(0, range.start.character) + text + source.slice(range.end.character);
  }
  const text = lines.join('\n');
  const filled = analyzeDocument(text, template);
  const firstSection = filled.headings.find((h) => !h.isTitle);
  const selection = filled.placeholders.find((p) => !firstSection || p.start.line > firstSection.line);
  return { text, selection };
}

function valueFor(field: MetadataField, values: ScaffoldValues): string | undefined {
  switch (field.kind.type) {
    case 'number':
      return values.number;
    case 'enum':
      return field.kind.values.find((v) => v.toLowerCase() === 'draft') ?? field.kind.values[0];
    case 'date':
      return values.date;
    case 'text':
      return field.normalizedKey === 'author' && values.authors.trim() !== '' ? escapeMarkdown(values.authors.trim()) : undefined;
  }
}

/** Backslash-escapes the characters that would make plain text into markdown syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<>|]/g, '\\$&');
}

/** What numbering needs of an existing RFC file: its name and its first few kilobytes. */
export interface ExistingRfc {
  fileName: string;
  head: string;
}

/**
 * The next free RFC number for a year: one more than the highest number of that year
 * found in the file names (`2026-004-title.md`) and in the metadata lines of the files,
 * and among `taken` (numbers known to be in use elsewhere: the workspace index, numbers
 * already handed out). The number's shape follows the template's mask (YYYY-XXX gives 2026-005).
 */
export function nextRfcNumber(template: TemplateModel, existing: readonly ExistingRfc[], year: number, taken: readonly string[] = []): string {
  const field = template.metadata.find((f) => f.kind.type === 'number');
  const mask = field?.kind.type === 'number' ? field.kind.mask : 'YYYY-NNN';
  const digits = mask.split(/[-_./]/).pop()?.length ?? 3;
  const separator = /[-_./]/.exec(mask)?.[0] ?? '-';
  // A number with more digits than any RFC's is no number: it never drives numbering.
  const pattern = new RegExp(`^(\\d{4})${separator === '.' ? '\\.' : separator}(\\d{1,${MAX_NUMBER_DIGITS}})(?!\\d)`);
  let highest = 0;
  for (const rfc of existing) {
    const candidates = [rfc.fileName];
    if (field) {
      const line = parseChunk(rfc.head, { placeholders: NO_PLACEHOLDERS }).metadata.find((m) => m.normalizedKey === field.normalizedKey);
      if (line) candidates.push(line.value.trim());
    }
    for (const candidate of candidates) {
      const m = pattern.exec(candidate);
      if (m && Number(m[1]) === year) highest = Math.max(highest, Number(m[2]));
    }
  }
  for (const number of taken) {
    const m = pattern.exec(number.trim());
    if (m && Number(m[1]) === year) highest = Math.max(highest, Number(m[2]));
  }
  return `${year}${separator}${String(highest + 1).padStart(digits, '0')}`;
}
