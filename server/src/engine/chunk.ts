import { inlinePlainText, normalizeReferenceLabel, parseMarkdown, type Token } from './markdown';
import { readBoldLead, type BoldLead } from './boldLead';
import { readFrontMatter } from './frontMatter';
import { ProseCollector } from './guidance';
import { readMetadataBlock, readParagraphMetadata, readTableMetadata, type MetadataLine } from './metadata';
import { normalizeHeading } from './normalize';
import { scanCodePlaceholders, scanInlinePlaceholders, valuePlaceholder, type PlaceholderHit } from './placeholderScan';
import { readDirectives, type SuppressionDirective } from './suppression';
import { scanInlineMentions, type RfcMention } from './workspace/mentions';
import { angleBlockPlaceholder, closesFence, headingLikeLines, isCommentOnly, isMetadataSetext, normalizeCode, splitLines, splitTableRow } from './chunkBlocks';
import type { BlockSpan, ChunkHeading, ChunkParseOptions, CodeBlock, ParsedChunk, TableBlock, TaskItem } from './chunkTypes';

export type * from './chunkTypes';
export { isMetadataSetext, normalizeCode, splitLines, splitTableRow } from './chunkBlocks';

/* Parses one top-level section of a document (a chunk) from markdown-it's tokens. */

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


/**
 * "N/A", "Not applicable" (with or without a reason) or a bare "None" (a sentence such as
 * "None of the endpoints are public" is content, not a waiver).
 */
const NOT_APPLICABLE = /^(?:(?:n\/?a|not applicable)(?:$|[\s.:;,\u2013\u2014(-])|none(?:$|[.:;,\u2013\u2014(]|\s+[\u2013\u2014-]))/i;

/** A task list item's mark and text: `[ ] Write the doc`, `[x] Done`. */
const TASK_MARK = /^\[([ xX])\]\s+(.*)$/;

function firstLineOf(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

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

/** Parses one chunk of markdown. Line numbers in the result are relative to the chunk. */
export function parseChunk(text: string, options: ChunkParseOptions): ParsedChunk {
  const env: { references?: Record<string, unknown> } = {};
  return chunkFromTokens(text, parseMarkdown(text, env), env, options);
}

/** Reads one chunk from its parsed tokens (maps relative to the chunk) and their environment. */
export function chunkFromTokens(text: string, tokens: Token[], env: { references?: Record<string, unknown> }, options: ChunkParseOptions): ParsedChunk {
  const lines = splitLines(text);

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
  // The section's paragraph while it may be its only one (its text is read only then).
  let onlyParagraph: Token | undefined;
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
    current.notApplicable = contentBlocks === 1 && inlineCount === 1 && onlyParagraph !== undefined && NOT_APPLICABLE.test(inlinePlainText(onlyParagraph).trim());
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (prose) {
      const before = prose.blocks.length;
      prose.token(tokens, i);
      if (current && prose.blocks.length > before) current.guidanceBlocks++;
    }
    const kind = token.level === 0 && token.map ? BLOCK_KINDS.get(token.type) : undefined;
    if (kind && token.map) {
      const span: BlockSpan = { kind, line: token.map[0], endLine: token.map[1] };
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
      onlyParagraph = undefined;
      continue;
    }
    if (token.level === 0 && CONTENT_BLOCKS.has(token.type) && !isCommentOnly(token)) contentBlocks++;
    if (token.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') {
      inlineCount++;
      onlyParagraph = token;
    } else if ((token.type === 'inline' && tokens[i - 1]?.type !== 'heading_open') || token.type === 'fence' || token.type === 'code_block') {
      inlineCount++;
      onlyParagraph = undefined;
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
        // Every list item's paragraph is a candidate; only one starting with `[` can be a task,
        // and only its first line is read (not the whole item split into lines).
        const task = isTaskItem && token.content.startsWith('[') ? TASK_MARK.exec(firstLineOf(token.content)) : null;
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
