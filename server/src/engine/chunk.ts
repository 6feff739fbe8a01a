import { inlinePlainText, normalizeReferenceLabel, parseMarkdown, type Token } from './markdown';
import { readBoldLead, type BoldLead } from './boldLead';
import { readFrontMatter } from './frontMatter';
import { ProseCollector, type ProseBlock } from './guidance';
import { isMetadataOnly, readMetadataBlock, readParagraphMetadata, readTableMetadata, type MetadataLine } from './metadata';
import { normalizeHeading } from './normalize';
import {
  isAnglePlaceholder,
  normalizePlaceholder,
  placeholderWords,
  scanCodePlaceholders,
  scanInlinePlaceholders,
  valuePlaceholder,
  type PlaceholderHit,
  type PlaceholderPolicy,
} from './placeholderScan';
import { readDirectives, type SuppressionDirective } from './suppression';
import { scanInlineMentions, type RfcMention } from './workspace/mentions';

/**
 * A chunk is one top-level section of a document: from an H1/H2 heading to the next one
 * (the first chunk also holds whatever precedes the first heading). Chunks are parsed and
 * analysed independently and hold only chunk-relative line numbers, so a keystroke
 * re-parses one chunk and every other chunk's results are reused as they are.
 */
export interface ParsedChunk {
  readonly text: string;
  readonly lines: readonly string[];
  readonly headings: readonly ChunkHeading[];
  readonly placeholders: readonly PlaceholderHit[];
  readonly metadata: readonly MetadataLine[];
  /** Reference definition labels, normalised; they resolve `[label]` anywhere in the document. */
  readonly references: readonly string[];
  readonly directives: readonly SuppressionDirective[];
  readonly codeBlocks: readonly CodeBlock[];
  readonly tables: readonly TableBlock[];
  /** Task list items (`- [ ]`, `- [x]`). */
  readonly tasks: readonly TaskItem[];
  /**
   * Prose blocks: in a document, those equal to its template's guidance (left verbatim);
   * in a template, every top-level paragraph, list and block quote.
   */
  readonly prose: readonly ProseBlock[];
  /** Mentions of other RFCs (`RFC 2026-003`), for the workspace index. */
  readonly mentions: readonly RfcMention[];
  /** The top-level blocks (paragraphs, headings, lists, quotes, tables, code, HTML), by line span. */
  readonly blocks: readonly BlockSpan[];
  /** Paragraphs and list items opening with a line of bold text: sections written without a heading. */
  readonly boldLeads: readonly BoldLead[];
  /** Rule results for this chunk, keyed by everything outside the chunk they depend on. */
  readonly ruleCache: Map<string, unknown>;
}

/** A heading at the top level of the document (not inside a list or quote). */
export interface ChunkHeading {
  level: number;
  /** Visible text without emphasis markers. */
  text: string;
  normalized: string;
  /** First line of the heading (the text line of a setext heading). */
  line: number;
  /** Line after the heading's last line (after the underline of a setext heading). */
  endLine: number;
  /** Block content before the next heading of any level. */
  hasContent: boolean;
  /** The only content is "N/A", "None" or "Not applicable", optionally with a reason. */
  notApplicable: boolean;
  /** Blocks of the section's own text that are the template's guidance, verbatim. */
  guidanceBlocks: number;
  /** The section's own text is nothing but the template's guidance (and comments): not written yet. */
  guidanceOnly: boolean;
}

/** A fenced or indented code block. */
export interface CodeBlock {
  line: number;
  endLine: number;
  info: string;
  /** Content with each line trimmed and blank lines dropped, for comparison with the template. */
  normalized: string;
  /** Written between fences (``` or ~~~) rather than indented. */
  fenced: boolean;
  /**
   * A top-level fence with no closing fence: markdown runs it to the end of the document,
   * swallowing every heading after it. Undefined for blocks in lists and quotes.
   */
  unclosed?: { markup: string; headings: string[] };
  /** First line of the content: the line after the opening fence, or an indented block's first line. */
  contentLine: number;
  /**
   * The content as markdown-it gives it: `\n` line ends, with the fence's indentation (and a
   * list item's or quote's) removed. Content line k stands on chunk line `contentLine + k`.
   */
  content: string;
}

/** A table, with each body row's cell texts normalised for comparison with the template. */
export interface TableBlock {
  line: number;
  endLine: number;
  rows: TableRow[];
  /** The header cells' visible text; their number is the table's width as markdown-it renders it. */
  header: string[];
}

/** A body row of a table. */
export interface TableRow {
  line: number;
  /** The cells' visible text, normalised for comparison with the template. */
  normalized: string;
  /**
   * The cells as written on the row's source line, split where markdown-it splits them (at
   * every `|` not preceded by a backslash, inside code spans too). There may be more or fewer
   * than the header has: markdown-it drops the extra ones and adds empty ones when rendering.
   */
  cells: TableCell[];
}

/** One cell of a table body row as written in the source. */
export interface TableCell {
  /** Columns of the cell's text in the row's line, surrounding spaces excluded (equal when empty). */
  start: number;
  end: number;
  /** Visible text as rendered (emphasis and link markup dropped, `\|` unescaped); '' past the header's width. */
  text: string;
}

/** A top-level block's kind and lines [line, endLine). */
export interface BlockSpan {
  kind: 'paragraph' | 'heading' | 'list' | 'quote' | 'table' | 'code' | 'html' | 'rule';
  line: number;
  endLine: number;
  /** An HTML block of comments only: never content. */
  comment?: boolean;
}

const BLOCK_KINDS: Record<string, BlockSpan['kind']> = {
  paragraph_open: 'paragraph',
  heading_open: 'heading',
  bullet_list_open: 'list',
  ordered_list_open: 'list',
  blockquote_open: 'quote',
  table_open: 'table',
  fence: 'code',
  code_block: 'code',
  html_block: 'html',
  hr: 'rule',
};

/** A task list item. */
export interface TaskItem {
  line: number;
  /** Columns of the item from its checkbox to the end of its line. */
  start: number;
  end: number;
  checked: boolean;
  text: string;
}

/** Options that change what parsing extracts; part of the chunk cache key. */
export interface ChunkParseOptions {
  /** What counts as an unfilled placeholder: the template's policy, or 'template' when reading a template. */
  placeholders: PlaceholderPolicy | 'template';
  /** The template's guidance texts to find left verbatim, or 'all' to collect every prose block (reading a template). */
  guidance?: ReadonlySet<string> | 'all';
}

/**
 * "N/A", "Not applicable" (with or without a reason) or a bare "None" (a sentence such as
 * "None of the endpoints are public" is content, not a waiver).
 */
const NOT_APPLICABLE = /^(?:(?:n\/?a|not applicable)(?:$|[\s.:;,\u2013\u2014(-])|none(?:$|[.:;,\u2013\u2014(]|\s+[\u2013\u2014-]))/i;

const CONTENT_BLOCKS = new Set([
  'paragraph_open',
  'bullet_list_open',
  'ordered_list_open',
  'blockquote_open',
  'fence',
  'code_block',
  'table_open',
  'html_block',
]);

/** Splits text into lines at every line break LSP recognises (\r\n, \r, \n). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Parses one chunk of markdown. Line numbers in the result are relative to the chunk. */
export function parseChunk(text: string, options: ChunkParseOptions): ParsedChunk {
  const lines = splitLines(text);
  const env: { references?: Record<string, unknown> } = {};
  const tokens = parseMarkdown(text, env);

  const headings: ChunkHeading[] = [];
  const placeholders: PlaceholderHit[] = [];
  const metadata: MetadataLine[] = [];
  const directives: SuppressionDirective[] = [];
  const codeBlocks: CodeBlock[] = [];
  const tables: TableBlock[] = [];
  const tasks: TaskItem[] = [];
  const blocks: BlockSpan[] = [];
  const boldLeads: BoldLead[] = [];
  // The end lines of the lists enclosing the token walked.
  const lists: number[] = [];
  const mentions: RfcMention[] = [];
  const mentionCursors = new Map<number, number>();
  const cursors = new Map<number, number>();
  let current: ChunkHeading | undefined;
  let contentBlocks = 0;
  let inlineCount = 0;
  let onlyParagraph = '';
  let sawSectionHeading = false;
  let rowLine = 0;
  let table: TableBlock | undefined;
  let inBody = false;
  let cellIndex = 0;
  let quoteDepth = 0;
  const wanted = options.guidance;
  const prose = wanted && (wanted === 'all' || wanted.size > 0) ? new ProseCollector(wanted) : undefined;

  const closeHeading = () => {
    if (!current) return;
    current.hasContent = contentBlocks > 0;
    current.guidanceOnly = contentBlocks > 0 && current.guidanceBlocks >= contentBlocks;
    // One paragraph, or a list with one item, saying "N/A".
    current.notApplicable = contentBlocks === 1 && inlineCount === 1 && NOT_APPLICABLE.test(onlyParagraph.trim());
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (prose) {
      const before = prose.blocks.length;
      prose.token(tokens, i);
      if (current && prose.blocks.length > before) current.guidanceBlocks++;
    }
    if (token.level === 0 && token.map && BLOCK_KINDS[token.type]) {
      const span: BlockSpan = { kind: BLOCK_KINDS[token.type], line: token.map[0], endLine: token.map[1] };
      if (isCommentOnly(token)) span.comment = true;
      blocks.push(span);
    }
    if (token.type === 'heading_open' && token.level === 0 && token.map) {
      const inline = tokens[i + 1];
      if (isMetadataSetext(token, inline)) {
        // `**Status**: Draft` followed by `---`: metadata, not a heading.
        if (!sawSectionHeading) metadata.push(...(readMetadataBlock(inline, lines, false) ?? []));
        placeholders.push(...scanInlinePlaceholders(inline, lines, cursors, { slot: 'block', mayStartWithTask: false, baseLine: inline.map?.[0] ?? 0 }, options.placeholders));
        contentBlocks++;
        i += 2;
        continue;
      }
      closeHeading();
      const level = Number(token.tag.slice(1));
      if (level >= 2) sawSectionHeading = true;
      const text = inlinePlainText(inline).trim();
      current = {
        level,
        text,
        normalized: normalizeHeading(text),
        line: token.map[0],
        endLine: token.map[1],
        hasContent: false,
        notApplicable: false,
        guidanceBlocks: 0,
        guidanceOnly: false,
      };
      headings.push(current);
      contentBlocks = 0;
      inlineCount = 0;
      onlyParagraph = '';
      continue;
    }
    if (token.level === 0 && CONTENT_BLOCKS.has(token.type) && !isCommentOnly(token)) contentBlocks++;
    if (token.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') {
      inlineCount++;
      onlyParagraph = inlinePlainText(token);
    } else if ((token.type === 'inline' && tokens[i - 1]?.type !== 'heading_open') || token.type === 'fence' || token.type === 'code_block') {
      inlineCount++;
      onlyParagraph = '';
    }
    switch (token.type) {
      case 'tr_open':
        rowLine = token.map ? token.map[0] : rowLine;
        cellIndex = 0;
        if (table && inBody) table.rows.push({ line: rowLine, normalized: '', cells: splitTableRow(lines[rowLine] ?? '', quoteDepth) });
        break;
      case 'blockquote_open':
        quoteDepth++;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push(token.map ? token.map[1] : 0);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'table_open':
        table = { line: token.map?.[0] ?? 0, endLine: token.map?.[1] ?? 0, rows: [], header: [] };
        tables.push(table);
        break;
      case 'tbody_open':
        inBody = true;
        break;
      case 'table_close':
        if (table && !sawSectionHeading && quoteDepth === 0) metadata.push(...readTableMetadata(table, splitTableRow(lines[table.line] ?? '')));
        table = undefined;
        inBody = false;
        break;
      case 'inline': {
        const line = token.map ? token.map[0] : rowLine;
        const opener = tokens[i - 1]?.type;
        const isTaskItem = opener === 'paragraph_open' && tokens[i - 2]?.type === 'list_item_open';
        const slot = opener === 'heading_open' ? 'heading' : opener === 'td_open' || opener === 'th_open' ? 'cell' : 'block';
        placeholders.push(...scanInlinePlaceholders(token, lines, cursors, { slot, mayStartWithTask: opener === 'paragraph_open', baseLine: line }, options.placeholders));
        scanInlineMentions(token, line, lines, mentionCursors, mentions);
        const task = isTaskItem ? /^\[([ xX])\]\s+(.*)$/.exec(token.content.split('\n')[0]) : null;
        if (task) {
          const source = lines[line] ?? '';
          const start = Math.max(0, source.indexOf('['));
          tasks.push({ line, start, end: source.trimEnd().length, checked: task[1] !== ' ', text: task[2].trim() });
        }
        if (table && inBody) {
          const row = table.rows[table.rows.length - 1];
          if (row) {
            const cellText = inlinePlainText(token).trim();
            row.normalized += `|${cellText.replace(/\s+/g, ' ')}`;
            const cell = row.cells[cellIndex];
            if (cell) cell.text = cellText;
          }
          cellIndex++;
        } else if (table) {
          table.header.push(inlinePlainText(token).trim());
        }
        if (opener === 'paragraph_open' && !table) {
          const lead = readBoldLead(tokens, i, lists[lists.length - 1]);
          if (lead) boldLeads.push(lead);
        }
        if (!sawSectionHeading && opener === 'paragraph_open') {
          metadata.push(...readParagraphMetadata(token, lines, isTaskItem));
        }
        // A comment's line is the paragraph's first line plus the line breaks before it.
        let childLine = line;
        for (const child of token.children ?? []) {
          if (child.type === 'softbreak' || child.type === 'hardbreak') childLine++;
          else if (child.type === 'html_inline') directives.push(...readDirectives(child.content, childLine));
        }
        break;
      }
      case 'fence':
      case 'code_block':
        if (token.map) {
          const contentStart = token.type === 'fence' ? token.map[0] + 1 : token.map[0];
          placeholders.push(...scanCodePlaceholders(lines, contentStart, token.map[1], options.placeholders));
          const block: CodeBlock = {
            line: token.map[0],
            endLine: token.map[1],
            info: token.info.trim(),
            normalized: normalizeCode(token.content),
            fenced: token.type === 'fence',
            contentLine: contentStart,
            content: token.content,
          };
          if (token.type === 'fence' && token.level === 0 && !closesFence(lines[token.map[1] - 1], token.markup, token.map[1] - 1 > token.map[0])) {
            block.unclosed = { markup: token.markup, headings: headingLikeLines(token.content) };
          }
          codeBlocks.push(block);
        }
        break;
      case 'front_matter':
        if (token.map) {
          for (const entry of readFrontMatter(token.content, token.map[0] + 1, lines)) {
            metadata.push(entry);
            const hit = valuePlaceholder(entry.raw, entry.valueRange.start.line, entry.valueRange.start.character, options.placeholders);
            if (hit) placeholders.push(hit);
          }
        }
        break;
      case 'html_block':
        if (token.map) {
          directives.push(...readDirectives(token.content, token.map[0]));
          const hit = angleBlockPlaceholder(token.content, token.map[0], lines, options.placeholders);
          if (hit) placeholders.push(hit);
        }
        break;
      default:
        break;
    }
  }
  closeHeading();

  return {
    text,
    lines,
    headings,
    placeholders,
    metadata,
    references: Object.keys(env.references ?? {}).map(normalizeReferenceLabel),
    directives,
    codeBlocks,
    tables,
    tasks,
    prose: prose?.blocks ?? [],
    mentions,
    blocks,
    boldLeads,
    ruleCache: new Map(),
  };
}

/**
 * An HTML block that is nothing but one `<placeholder>` (`<Describe the problem>` alone on
 * its line is an HTML block to markdown-it): a placeholder standing alone.
 */
function angleBlockPlaceholder(html: string, line: number, lines: readonly string[], policy: PlaceholderPolicy | 'template'): PlaceholderHit | undefined {
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

function isCommentOnly(token: Token): boolean {
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

/** Whether a fence's last line is its closing fence: the same character, at least as many, nothing else. */
function closesFence(last: string | undefined, markup: string, hasClosingLine: boolean): boolean {
  if (!hasClosingLine || last === undefined) return false;
  const t = last.trim();
  return t.length >= markup.length && t[0] === markup[0] && /^(`+|~+)$/.test(t) && /^ {0,3}[`~]/.test(last);
}

/** The normalised texts of the lines of some code that read as ATX headings: what an unclosed fence swallowed. */
function headingLikeLines(content: string): string[] {
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
