import { inlinePlainText, normalizeReferenceLabel, parseMarkdown, type Token } from './markdown';
import { isMetadataOnly, readMetadataBlock, type MetadataLine } from './metadata';
import { normalizeHeading } from './normalize';
import { scanInlinePlaceholders, scanCodePlaceholders, type PlaceholderHit } from './placeholderScan';
import { readDirectives, type SuppressionDirective } from './suppression';

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
}

/** A fenced or indented code block. */
export interface CodeBlock {
  line: number;
  endLine: number;
  info: string;
  /** Content with each line trimmed and blank lines dropped, for comparison with the template. */
  normalized: string;
}

/** A table, with each body row's cell texts normalised for comparison with the template. */
export interface TableBlock {
  line: number;
  endLine: number;
  rows: { line: number; normalized: string }[];
}

/** Options that change what parsing extracts; part of the chunk cache key. */
export interface ChunkParseOptions {
  /** Placeholders to look for inside code blocks: the template's own, or 'all' when parsing a template. */
  codePlaceholders: ReadonlySet<string> | 'all';
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
  const cursors = new Map<number, number>();
  let current: ChunkHeading | undefined;
  let contentBlocks = 0;
  let inlineCount = 0;
  let onlyParagraph = '';
  let sawSectionHeading = false;
  let rowLine = 0;
  let table: TableBlock | undefined;
  let inBody = false;

  const closeHeading = () => {
    if (!current) return;
    current.hasContent = contentBlocks > 0;
    // One paragraph, or a list with one item, saying "N/A".
    current.notApplicable = contentBlocks === 1 && inlineCount === 1 && NOT_APPLICABLE.test(onlyParagraph.trim());
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open' && token.level === 0 && token.map) {
      const inline = tokens[i + 1];
      if (isMetadataSetext(token, inline)) {
        // `**Status**: Draft` followed by `---`: metadata, not a heading.
        if (!sawSectionHeading) metadata.push(...(readMetadataBlock(inline, lines, false) ?? []));
        placeholders.push(...scanInlinePlaceholders(inline, lines, cursors, false));
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
        if (table && inBody) table.rows.push({ line: rowLine, normalized: '' });
        break;
      case 'table_open':
        table = { line: token.map?.[0] ?? 0, endLine: token.map?.[1] ?? 0, rows: [] };
        tables.push(table);
        break;
      case 'tbody_open':
        inBody = true;
        break;
      case 'table_close':
        table = undefined;
        inBody = false;
        break;
      case 'inline': {
        const line = token.map ? token.map[0] : rowLine;
        const isTaskItem = tokens[i - 1]?.type === 'paragraph_open' && tokens[i - 2]?.type === 'list_item_open';
        placeholders.push(...scanInlinePlaceholders(token, lines, cursors, isTaskItem, line));
        if (table && inBody) {
          const row = table.rows[table.rows.length - 1];
          if (row) row.normalized += `|${inlinePlainText(token).trim().replace(/\s+/g, ' ')}`;
        }
        if (!sawSectionHeading && tokens[i - 1]?.type === 'paragraph_open') {
          metadata.push(...(readMetadataBlock(token, lines, false) ?? []));
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
          placeholders.push(...scanCodePlaceholders(lines, contentStart, token.map[1], options.codePlaceholders));
          codeBlocks.push({
            line: token.map[0],
            endLine: token.map[1],
            info: token.info.trim(),
            normalized: normalizeCode(token.content),
          });
        }
        break;
      case 'html_block':
        if (token.map) directives.push(...readDirectives(token.content, token.map[0]));
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
    ruleCache: new Map(),
  };
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

/** Trims each line and drops blank ones, so indentation and spacing changes do not count as edits. */
export function normalizeCode(content: string): string {
  return splitLines(content)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}
