import type { Token } from './markdown';
import { normalizeMetadataKey } from './normalize';
import { lineRange, type Range } from './types';

/** One `**Key**: value` line of an RFC's metadata block. */
export interface MetadataLine {
  /** The key as written, without the bold markers and colon ("Author(s)"). */
  key: string;
  /** The key folded for matching ("author"). */
  normalizedKey: string;
  /** The value's visible text, trimmed ("Draft"); empty when nothing follows the colon. */
  value: string;
  /** Zero-based line of the metadata line (relative to its chunk until placed). */
  line: number;
  keyRange: Range;
  /** Where the value stands; an empty range just after the colon when there is no value. */
  valueRange: Range;
  /** How it is written: `**Key**: value` (bold, the default), `Key: value` in a list or block (plain), a table row, or front matter. */
  form?: MetadataForm;
}

export type MetadataForm = 'bold' | 'plain' | 'table' | 'front-matter';

/**
 * Splits an inline token's children into visual lines at soft and hard breaks, so each
 * line of a paragraph can be read on its own. Line `i` sits on source line `map[0] + i`.
 */
export function splitInlineLines(inline: Token): Token[][] {
  const lines: Token[][] = [[]];
  for (const child of inline.children ?? []) {
    if (child.type === 'softbreak' || child.type === 'hardbreak') lines.push([]);
    else lines[lines.length - 1].push(child);
  }
  return lines;
}

/** A plain key before a colon: `Start Date: …`, `RFC PR: …` (short, with a letter, no markup). */
const PLAIN_KEY = /^\s*([^:*_`[\]<>|]{1,40}?)\s*:(?:\s|$)/;

/**
 * Reads a metadata line (`**Key**: value`, also `**Key:** value` and `__Key__: value`, and
 * with `plain` also `Key: value`) from one visual line of inline tokens. Returns undefined
 * for any other line.
 */
export function readMetadataLine(children: Token[], sourceLine: string, line: number, plain = false): MetadataLine | undefined {
  let i = 0;
  while (i < children.length && children[i].type === 'text' && children[i].content.trim() === '') i++;
  // `*Status: proposed*`: a plain line in emphasis is still a plain line.
  const emphasis = plain && children[i]?.type === 'em_open' ? 1 : 0;
  if (plain && children[i + emphasis]?.type === 'text') return readPlainLine(children.slice(i + emphasis), sourceLine, line);
  if (children[i]?.type !== 'strong_open') return undefined;
  const keyParts: string[] = [];
  let j = i + 1;
  for (; j < children.length && children[j].type !== 'strong_close'; j++) {
    if (children[j].type !== 'text') return undefined;
    keyParts.push(children[j].content);
  }
  if (j >= children.length) return undefined;
  let key = keyParts.join('').trim();
  let rest = children.slice(j + 1);
  const keyHasColon = key.endsWith(':');
  if (keyHasColon) {
    key = key.slice(0, -1).trim();
  } else {
    const first = rest[0];
    if (first?.type !== 'text' || !first.content.startsWith(':')) return undefined;
  }
  if (key === '' || key.length > 60) return undefined;
  let value = rest.map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : '')).join('');
  if (!keyHasColon) value = value.replace(/^:/, '');
  value = value.trim();

  const keyStart = Math.max(0, sourceLine.indexOf(key));
  const colon = sourceLine.indexOf(':', keyStart + key.length);
  let valueStart = colon + 1;
  if (keyHasColon) {
    // `**Key:** value`: the value starts after the closing emphasis marker.
    const close = sourceLine.slice(valueStart).search(/[^*_]/);
    valueStart += close < 0 ? sourceLine.length - valueStart : close;
  }
  return lineEntry(key, value, line, sourceLine, keyStart, valueStart);
}

/** A metadata line from its key and value, the value's range running from valueStart to the line's end (spaces and a hard-break backslash trimmed). */
function lineEntry(key: string, value: string, line: number, sourceLine: string, keyStart: number, valueStart: number, form?: MetadataForm): MetadataLine {
  while (valueStart < sourceLine.length && /\s/.test(sourceLine[valueStart])) valueStart++;
  let valueEnd = sourceLine.length;
  while (valueEnd > valueStart && /[\s\\]/.test(sourceLine[valueEnd - 1])) valueEnd--;
  const entry: MetadataLine = {
    key,
    normalizedKey: normalizeMetadataKey(key),
    value,
    line,
    keyRange: lineRange(line, keyStart, keyStart + key.length),
    valueRange: lineRange(line, valueStart, Math.max(valueStart, valueEnd)),
  };
  if (form) entry.form = form;
  return entry;
}

function readPlainLine(children: Token[], sourceLine: string, line: number): MetadataLine | undefined {
  const m = PLAIN_KEY.exec(children[0].content);
  if (!m || !/\p{L}/u.test(m[1]) || m[1].trim().split(/\s+/).length > 5) return undefined;
  const key = m[1].trim();
  const rest = children[0].content.slice(m[0].length);
  const value = (rest + children.slice(1).map(visibleText).join('')).trim();
  const keyStart = Math.max(0, sourceLine.indexOf(key));
  return lineEntry(key, value, line, sourceLine, keyStart, sourceLine.indexOf(':', keyStart + key.length) + 1, 'plain');
}

/** The text a reader sees of an inline child (link markup dropped, code and text kept). */
function visibleText(t: Token): string {
  return t.type === 'text' || t.type === 'code_inline' || t.type === 'text_special' ? t.content : '';
}

/**
 * Metadata written as a two-column table under the title (`| Status | Accepted |`): each
 * row, the header row included, is a key and its value.
 */
export function readTableMetadata(table: { line: number; header: string[]; rows: { line: number; cells: { start: number; end: number; text: string }[] }[] }, headerCells: { start: number; end: number }[]): MetadataLine[] {
  if (table.header.length !== 2) return [];
  const rows = [
    { line: table.line, cells: table.header.map((text, k) => ({ text, start: headerCells[k]?.start ?? 0, end: headerCells[k]?.end ?? 0 })) },
    ...table.rows,
  ];
  const found: MetadataLine[] = [];
  for (const row of rows) {
    const [keyCell, valueCell] = row.cells;
    const key = keyCell?.text.replace(/:$/, '').trim() ?? '';
    if (!valueCell || key === '' || key.length > 40 || !/\p{L}/u.test(key)) continue;
    found.push({
      key,
      normalizedKey: normalizeMetadataKey(key),
      value: valueCell.text.trim(),
      line: row.line,
      keyRange: lineRange(row.line, keyCell.start, keyCell.end),
      valueRange: lineRange(row.line, valueCell.start, valueCell.end),
      form: 'table',
    });
  }
  return found;
}

/**
 * Reads every metadata line of a paragraph-like inline token. `allLines` asks that every
 * visual line be a metadata line (used to tell a metadata block followed by `---`, which
 * CommonMark reads as a setext heading, from a real heading).
 */
export function readMetadataBlock(inline: Token, lines: readonly string[], allLines: boolean, plain = false): MetadataLine[] | undefined {
  if (!inline.map) return undefined;
  const found: MetadataLine[] = [];
  const visual = splitInlineLines(inline);
  for (let k = 0; k < visual.length; k++) {
    const line = inline.map[0] + k;
    const entry = readMetadataLine(visual[k], lines[line] ?? '', line, plain);
    if (entry) found.push(entry);
    else if (allLines) return undefined;
  }
  return found;
}

/**
 * The metadata lines of a paragraph under the title: its bold `**Key**: value` lines; or,
 * in a list item or a paragraph made only of such lines, plain `Key: value` lines too.
 */
export function readParagraphMetadata(inline: Token, lines: readonly string[], inListItem: boolean): MetadataLine[] {
  const bold = readMetadataBlock(inline, lines, false) ?? [];
  if (bold.length > 0) return bold;
  if (inListItem) return (readMetadataBlock(inline, lines, false, true) ?? []).slice(0, 1);
  return readMetadataBlock(inline, lines, true, true) ?? [];
}

/** True when every visual line of the inline token is a metadata line. */
export function isMetadataOnly(inline: Token): boolean {
  const visual = splitInlineLines(inline);
  return visual.length > 0 && visual.every((children, k) => readMetadataLine(children, '', k) !== undefined);
}
