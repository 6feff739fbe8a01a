import type { BlockSpan, CodeBlock, TableCell } from './chunkTypes';
import type { Token } from './markdown';
import { isMetadataOnly } from './metadata';
import { normalizeHeading } from './normalize';
import { isAnglePlaceholder, normalizePlaceholder, placeholderWords, type PlaceholderHit, type PlaceholderPolicy } from './placeholderScan';

/* Block-level helpers of chunk reading (chunkReader.ts): block kinds, fences and code blocks, comments, table rows, task marks, N/A waivers, angle placeholders. */

const BLOCK_KINDS = new Map<string, BlockSpan['kind']>([
  ['paragraph_open', 'paragraph'],
  ['heading_open', 'heading'],
  ['bullet_list_open', 'list'],
  ['ordered_list_open', 'list'],
  ['blockquote_open', 'quote'],
  ['table_open', 'table'],
  ['fence', 'code'],
  ['code_block', 'code'],
  ['html_block', 'html'],
  ['hr', 'rule'],
]);

/** The kind of block a top-level token opens (or is), for the block spans of a chunk. */
export function blockKindOf(type: string): BlockSpan['kind'] | undefined {
  return BLOCK_KINDS.get(type);
}

const CONTENT_BLOCKS = new Set(['paragraph_open', 'bullet_list_open', 'ordered_list_open', 'blockquote_open', 'fence', 'code_block', 'table_open', 'html_block']);

/** Whether a top-level token opens a block that counts as a section's content (a heading or a rule does not). */
export function isContentBlock(type: string): boolean {
  return CONTENT_BLOCKS.has(type);
}

/**
 * "N/A", "Not applicable" (with or without a reason) or a bare "None" (a sentence such as
 * "None of the endpoints are public" is content, not a waiver).
 */
const NOT_APPLICABLE = /^(?:(?:n\/?a|not applicable)(?:$|[\s.:;,\u2013\u2014(-])|none(?:$|[.:;,\u2013\u2014(]|\s+[\u2013\u2014-]))/i;

/** Whether a section's only paragraph waives it. */
export function saysNotApplicable(text: string): boolean {
  return NOT_APPLICABLE.test(text);
}

/** A task list item's mark and text: `[ ] Write the doc`, `[x] Done`. */
const TASK_MARK = /^\[([ xX])\]\s+(.*)$/;

/** A list item paragraph's task mark (group 1) and text (group 2), read from its first line only. */
export function taskMark(content: string): RegExpExecArray | null {
  const end = content.indexOf('\n');
  return TASK_MARK.exec(end < 0 ? content : content.slice(0, end));
}

/** Splits text into lines at every line break LSP recognises (\r\n, \r, \n). */
export function splitLines(text: string): string[] {
  // Splitting on a string is several times faster than on a pattern; most texts have no CR.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/**
 * An HTML block that is nothing but one `<placeholder>` (`<Describe the problem>` alone on
 * its line is an HTML block to markdown-it): a placeholder standing alone.
 */
export function angleBlockPlaceholder(html: string, line: number, lines: readonly string[], policy: PlaceholderPolicy | 'template'): PlaceholderHit | undefined {
  const text = html.trim();
  if (text.includes('\n') || !isAnglePlaceholder(text)) return undefined;
  if (policy !== 'template' && !policy.texts.has(normalizePlaceholder(text))) {
    if (!policy.syntaxes.has('angle') || placeholderWords(text, 'angle') > policy.maxWords) return undefined;
  }
  const start = (lines[line] ?? '').indexOf(text);
  if (start < 0) return undefined;
  return { line, start, end: start + text.length, text, label: '', inCode: false, syntax: 'angle' };
}

/** A setext heading whose lines are all `**Key**: value` lines is a metadata block under a `---` rule. */
export function isMetadataSetext(open: Token, inline: Token | undefined): inline is Token {
  return open.markup === '-' && inline?.type === 'inline' && inline.children != null && isMetadataOnly(inline);
}

export function isCommentOnly(token: Token): boolean {
  if (token.type !== 'html_block') return false;
  // A loop, not a regex: nested lazy quantifiers backtrack exponentially on hostile input.
  let rest = token.content.trimStart();
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->', 4);
    if (end < 0) return false;
    rest = rest.slice(end + 3).trimStart();
  }
  return rest === '';
}

/** A fence or indented code block (its token has a map), and for an unclosed top-level fence the headings it swallowed. */
export function codeBlockOf(token: Token, lines: readonly string[]): CodeBlock {
  const [line, endLine] = token.map!;
  const fenced = token.type === 'fence';
  const block: CodeBlock = {
    line,
    endLine,
    info: token.info.trim(),
    normalized: normalizeCode(token.content),
    fenced,
    contentLine: fenced ? line + 1 : line,
    content: token.content,
  };
  if (fenced && token.level === 0 && !closesFence(lines[endLine - 1], token.markup, endLine - 1 > line)) {
    block.unclosed = { markup: token.markup, headings: headingLikeLines(token.content) };
  }
  return block;
}

/** Whether a fence's last line is its closing fence: the same character, at least as many, nothing else. */
export function closesFence(last: string | undefined, markup: string, hasClosingLine: boolean): boolean {
  if (!hasClosingLine || last === undefined) return false;
  const t = last.trim();
  return t.length >= markup.length && t[0] === markup[0] && /^(`+|~+)$/.test(t) && /^ {0,3}[`~]/.test(last);
}

/** The normalised texts of the lines of some code that read as ATX headings: what an unclosed fence swallowed. */
export function headingLikeLines(content: string): string[] {
  const out: string[] = [];
  for (const line of splitLines(content)) {
    const m = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/.exec(line);
    if (m && m[1].length <= 200) out.push(normalizeHeading(m[1]));
  }
  return out;
}

/** Trims each line and drops blank ones, so indentation and spacing changes do not count as edits. */
export function normalizeCode(content: string): string {
  return splitLines(content)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

/**
 * Splits a table row's source line into cells exactly as markdown-it does: the line, without
 * its quote markers and surrounding white space, is split at every `|` not preceded by a
 * backslash (code spans included), and an empty first or last piece (the optional outer
 * pipes) is dropped. Columns are those of the source line.
 */
export function splitTableRow(source: string, quoteDepth = 0): TableCell[] {
  let from = 0;
  for (let d = 0; d < quoteDepth; d++) {
    const marker = /^[ \t]*>/.exec(source.slice(from));
    if (!marker) break;
    from += marker[0].length;
  }
  let to = source.length;
  while (from < to && WHITE_SPACE.test(source[from])) from++;
  while (to > from && WHITE_SPACE.test(source[to - 1])) to--;
  const pieces: [number, number][] = [];
  let start = from;
  let escaped = false;
  for (let k = from; k < to; k++) {
    const c = source.charCodeAt(k);
    if (c === 0x7c /* | */ && !escaped) {
      pieces.push([start, k]);
      start = k + 1;
    }
    escaped = c === 0x5c; /* \ */
  }
  pieces.push([start, to]);
  if (pieces.length > 0 && pieces[0][0] === pieces[0][1]) pieces.shift();
  const last = pieces[pieces.length - 1];
  if (last && last[0] === last[1]) pieces.pop();
  return pieces.map(([s, e]) => {
    while (s < e && WHITE_SPACE.test(source[s])) s++;
    while (e > s && WHITE_SPACE.test(source[e - 1])) e--;
    return { start: s, end: e, text: '' };
  });
}

/** What String.prototype.trim removes, as markdown-it trims table lines and cells. */
const WHITE_SPACE = /\s/;
