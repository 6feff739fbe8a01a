import type MarkdownIt from 'markdown-it';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { MetadataLine } from './metadata';
import { normalizeMetadataKey, saysOptional } from './normalize';
import { wholeSyntax } from './placeholderScan';
import { lineRange } from './types';

/**
 * YAML front matter: a `---` line at the very top, `key: value` lines, and a closing `---`
 * (or `...`) line. It is metadata, never a thematic break, a setext heading or content.
 *
 * Why a rule of our own rather than markdown-it-front-matter: that plugin closes an
 * unclosed block at the end of the document (an RFC starting with a thematic break would
 * vanish whole) and accepts any text between the markers. Here the block must close within
 * MAX_LINES and every top-level line must read as a YAML key, a comment or a continuation;
 * otherwise the lines are ordinary markdown.
 */

/** Front matter longer than this many lines is not looked for (nor parsed). */
export const MAX_LINES = 500;
/**
 * Front matter larger than this, or nesting flow collections deeper than MAX_FLOW_DEPTH,
 * is not given to the YAML parser (its values are read as written): the parser recurses
 * per level and, thousands of levels deep, exhausts the stack and memory of the process.
 */
const MAX_YAML_CHARS = 16 * 1024;
const MAX_FLOW_DEPTH = 64;
/** `key:` followed by a space or the end of the line: a top-level YAML key. */
const KEY_LINE = /^([^\s#:'"\-?[{][^:]*?|"[^"]*"|'[^']*'):(?:\s|$)/;

/** Adds the front-matter block rule to a markdown-it parser: a `front_matter` token whose content is the YAML text. */
export function frontMatterPlugin(md: MarkdownIt.MarkdownIt): void {
  // Only the document's first line can open front matter: markdown-it calls the rule at the
  // start of every block, so the test stays here and the reading (whose closure would
  // capture `state`, costing an allocation per call) in frontMatterBlock.
  md.block.ruler.before('table', 'front_matter', (state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean) =>
    startLine === 0 && state.blkIndent === 0 && frontMatterBlock(state, endLine, silent),
  );
}

function frontMatterBlock(state: MarkdownIt.StateBlock, endLine: number, silent: boolean): boolean {
  const lineAt = (n: number) => state.src.slice(state.bMarks[n] + state.tShift[n], state.eMarks[n]).trimEnd();
  if (state.tShift[0] > 1 || lineAt(0) !== '---') return false; // one space: a byte-order mark read as a space
  let close = -1;
  let keys = 0;
  for (let n = 1; n < Math.min(endLine, MAX_LINES); n++) {
    const text = lineAt(n);
    if ((text === '---' || text === '...') && state.tShift[n] === 0) {
      close = n;
      break;
    }
    if (text === '' || state.tShift[n] > 0 || text.startsWith('#') || text.startsWith('- ') || text === '-') continue;
    if (!KEY_LINE.test(text)) return false;
    keys++;
  }
  if (close < 0 || keys === 0) return false;
  if (silent) return true;
  const token = state.push('front_matter', '', 0);
  token.block = true;
  token.hidden = true;
  token.map = [0, close + 1];
  token.content = state.src.slice(state.bMarks[1], state.bMarks[close]);
  token.markup = '---';
  state.line = close + 1;
  return true;
}

/** One top-level key of front matter as written. */
interface RawEntry {
  key: string;
  /** Zero-based line of the key in the document. */
  line: number;
  keyStart: number;
  /** The value written on the key's line, without a trailing `# comment`. */
  value: string;
  valueStart: number;
  /** The comments of the entry (on its line and on its continuation lines), for guidance. */
  comments: string[];
}

/** A front-matter entry as metadata, with the guidance its comments give (for templates). */
export interface FrontMatterLine extends MetadataLine {
  /** The value as written on the key's line (placeholders and enumerations are read from it). */
  raw: string;
  comments: string[];
  /** A comment above the keys says they are optional (`# These are optional elements.`). */
  optional?: boolean;
}

/**
 * Reads front matter: every top-level key as a metadata line. Values come from the YAML
 * parser when the block is valid YAML (lists and maps read as their items, comma
 * separated), else as written on the key's line, so a template whose placeholders are not
 * valid YAML (`status: {proposed | accepted}`) still defines its fields.
 */
export function readFrontMatter(yamlText: string, firstLine: number, lines: readonly string[]): FrontMatterLine[] {
  const { entries, leading } = rawEntries(yamlText, firstLine, lines);
  const parsed = parseValues(yamlText);
  const optional = leading.some(saysOptional);
  return entries.map((e) => {
    // A value written as one placeholder (`{YYYY-MM-DD …}` reads as a YAML map) stays as written.
    const fromYaml = wholeSyntax(e.value.trim()) ? undefined : parsed?.get(e.key);
    const value = fromYaml ?? unquote(e.value);
    const source = lines[e.line] ?? '';
    let valueEnd = e.valueStart + e.value.length;
    while (valueEnd > e.valueStart && /\s/.test(source[valueEnd - 1])) valueEnd--;
    return {
      key: e.key,
      normalizedKey: normalizeMetadataKey(e.key),
      value,
      line: e.line,
      keyRange: lineRange(e.line, e.keyStart, e.keyStart + e.key.length),
      valueRange: lineRange(e.line, e.valueStart, valueEnd),
      raw: e.value.trim(),
      comments: e.comments,
      optional,
      form: 'front-matter',
    };
  });
}

function rawEntries(yamlText: string, firstLine: number, lines: readonly string[]): { entries: RawEntry[]; leading: string[] } {
  const entries: RawEntry[] = [];
  // Comments above the first key speak of all of them.
  const leading: string[] = [];
  const count = yamlText.split(/\r\n|\r|\n/).length;
  for (let k = 0; k < count; k++) {
    const line = firstLine + k;
    const source = lines[line] ?? '';
    const comment = commentOf(source);
    if (/^\s/.test(source) || source.trim().startsWith('#') || source.startsWith('-')) {
      // A continuation line, a comment or a list item: its comment belongs to the entry above.
      if (comment && entries.length > 0) entries[entries.length - 1].comments.push(comment);
      else if (comment) leading.push(comment);
      continue;
    }
    const m = KEY_LINE.exec(source);
    if (!m) continue;
    const key = m[1].replace(/^["']|["']$/g, '').trim();
    let valueStart = m[0].length;
    while (valueStart < source.length && /\s/.test(source[valueStart])) valueStart++;
    const hash = commentStart(source, valueStart);
    entries.push({
      key,
      line,
      keyStart: source.indexOf(m[1]) + (m[1].startsWith('"') || m[1].startsWith("'") ? 1 : 0),
      value: source.slice(valueStart, hash < 0 ? source.length : hash).trimEnd(),
      valueStart,
      comments: comment ? [comment] : [],
    });
  }
  return { entries, leading };
}

/** Where a `# comment` starts on a YAML line: a `#` after white space, outside quotes; -1 if none. */
function commentStart(source: string, from: number): number {
  let quote = '';
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === from || /\s/.test(source[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(source[i - 1]))) {
      return i;
    }
  }
  return -1;
}

function commentOf(source: string): string | undefined {
  const at = source.trim().startsWith('#') ? source.indexOf('#') : commentStart(source, 0);
  if (at < 0) return undefined;
  const text = source.slice(at + 1).trim();
  return text === '' ? undefined : text;
}

/** Each top-level key's value as text, when the whole block is valid YAML mapping. */
function parseValues(yamlText: string): Map<string, string> | undefined {
  if (yamlText.length > MAX_YAML_CHARS || flowDepth(yamlText) > MAX_FLOW_DEPTH) return undefined;
  let doc;
  try {
    doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false });
  } catch {
    return undefined; // The parser gave up; the values as written stand in. (Aliases are never resolved: no expansion.)
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const values = new Map<string, string>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value ?? '') : undefined;
    if (key === undefined || key === '') continue;
    values.set(key, textOf(pair.value));
  }
  return values;
}

/** The deepest nesting of `[` and `{` in the text (quotes not considered: an upper bound is enough). */
function flowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) max = Math.max(max, ++depth);
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return max;
}

/** A YAML node as one line of text: scalars as written, lists and maps as their scalar leaves, comma separated. */
function textOf(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (isScalar(node)) return node.value === null || node.value === undefined ? '' : String(node.value);
  if (isSeq(node)) return node.items.map(textOf).filter((t) => t !== '').join(', ');
  if (isMap(node)) return node.items.map((p) => textOf(p.value)).filter((t) => t !== '').join(', ');
  return '';
}

function unquote(value: string): string {
  const v = value.trim();
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.endsWith(v[0]) ? v.slice(1, -1) : v;
}
