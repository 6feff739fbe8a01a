import { inlinePlainText, normalizeReferenceLabel, type Token } from './markdown';
import { readBoldLead, type BoldLead } from './boldLead';
import { readFrontMatter } from './frontMatter';
import { ProseCollector } from './guidance';
import { readMetadataBlock, readParagraphMetadata, readTableMetadata, type MetadataLine } from './metadata';
import { normalizeHeading } from './normalize';
import { scanCodePlaceholders, scanInlinePlaceholders, valuePlaceholder, type PlaceholderHit } from './placeholderScan';
import { readDirectives, type SuppressionDirective } from './suppression';
import { scanInlineMentions, type RfcMention } from './workspace/mentions';
import { angleBlockPlaceholder, blockKindOf, codeBlockOf, isCommentOnly, isContentBlock, isMetadataSetext, saysNotApplicable, splitLines, splitTableRow, taskMark } from './chunkBlocks';
import type { BlockSpan, ChunkHeading, ChunkParseOptions, CodeBlock, ParsedChunk, TableBlock, TaskItem } from './chunkTypes';

/*
 * One walk over a chunk's tokens (chunk.ts), as an object whose fields are the walk's
 * state and whose methods each read one kind of token.
 *
 * Why a class of small methods rather than one loop with a switch: the loop was one
 * function of 4,000 bytecodes, and V8's optimising compiler compiled all of it (rare
 * token kinds included) in about 90 ms, again after each deoptimisation, once per thread
 * of an rfc-lint run. Now the loop and the hot readers (inline content, table rows)
 * compile on their own and a reader that stays cold is never compiled; every field is
 * set in the constructor, so the object keeps one shape.
 */

export class ChunkReader {
  private readonly lines: string[];
  private readonly headings: ChunkHeading[] = [];
  private readonly placeholders: PlaceholderHit[] = [];
  private readonly metadata: MetadataLine[] = [];
  private readonly directives: SuppressionDirective[] = [];
  private readonly codeBlocks: CodeBlock[] = [];
  private readonly tables: TableBlock[] = [];
  private readonly tasks: TaskItem[] = [];
  private readonly blocks: BlockSpan[] = [];
  private readonly boldLeads: BoldLead[] = [];
  /** The end lines of the lists enclosing the token read. */
  private readonly lists: number[] = [];
  private readonly mentions: RfcMention[] = [];
  private readonly mentionCursors = new Map<number, number>();
  private readonly cursors = new Map<number, number>();
  private readonly prose: ProseCollector | undefined;
  private current: ChunkHeading | undefined = undefined;
  private contentBlocks = 0;
  private inlineCount = 0;
  /** The section's paragraph while it may be its only one (its text is read only then). */
  private onlyParagraph: Token | undefined = undefined;
  private sawSectionHeading = false;
  private rowLine = 0;
  private table: TableBlock | undefined = undefined;
  private inBody = false;
  private cellIndex = 0;
  private quoteDepth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly env: { references?: Record<string, unknown> },
    private readonly options: ChunkParseOptions,
  ) {
    this.lines = splitLines(text);
    const wanted = options.guidance;
    this.prose = wanted && (wanted === 'all' || wanted.size > 0) ? new ProseCollector(wanted) : undefined;
  }

  read(): ParsedChunk {
    const tokens = this.tokens;
    for (let i = 0; i < tokens.length; i++) i = this.token(i);
    this.closeHeading();
    return {
      text: this.text,
      lines: this.lines,
      headings: this.headings,
      placeholders: this.placeholders,
      metadata: this.metadata,
      references: Object.keys(this.env.references ?? {}).map(normalizeReferenceLabel),
      directives: this.directives,
      codeBlocks: this.codeBlocks,
      tables: this.tables,
      tasks: this.tasks,
      prose: this.prose?.blocks ?? [],
      mentions: this.mentions,
      blocks: this.blocks,
      boldLeads: this.boldLeads,
      ruleCache: new Map(),
    };
  }

  /** Reads the token at `i`; returns the index of the last token it read. */
  private token(i: number): number {
    const token = this.tokens[i];
    const type = token.type;
    if (this.prose) this.proseToken(i);
    if (token.level === 0) {
      const comment = isCommentOnly(token);
      if (token.map) {
        const kind = blockKindOf(type);
        if (kind) this.blockSpan(token.map, kind, comment);
        if (type === 'heading_open') return this.heading(token, i);
      }
      if (isContentBlock(type) && !comment) this.contentBlocks++;
    }
    switch (type) {
      case 'inline':
        this.inline(token, i);
        break;
      case 'tr_open':
        this.rowLine = token.map ? token.map[0] : this.rowLine;
        this.cellIndex = 0;
        if (this.table && this.inBody) this.table.rows.push({ line: this.rowLine, normalized: '', cells: splitTableRow(this.lines[this.rowLine] ?? '', this.quoteDepth) });
        break;
      case 'blockquote_open':
        this.quoteDepth++;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        this.lists.push(token.map ? token.map[1] : 0);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        this.lists.pop();
        break;
      case 'blockquote_close':
        this.quoteDepth--;
        break;
      case 'table_open':
        this.table = { line: token.map?.[0] ?? 0, endLine: token.map?.[1] ?? 0, rows: [], header: [] };
        this.tables.push(this.table);
        break;
      case 'tbody_open':
        this.inBody = true;
        break;
      case 'table_close':
        this.tableClose();
        break;
      case 'fence':
      case 'code_block':
        this.countContent(undefined);
        this.code(token);
        break;
      case 'front_matter':
        this.frontMatter(token);
        break;
      case 'html_block':
        this.htmlBlock(token);
        break;
      default:
        break;
    }
    return i;
  }

  private proseToken(i: number): void {
    const prose = this.prose!;
    const before = prose.blocks.length;
    prose.token(this.tokens, i);
    if (this.current && prose.blocks.length > before) this.current.guidanceBlocks++;
  }

  private blockSpan(map: [number, number], kind: BlockSpan['kind'], comment: boolean): void {
    const span: BlockSpan = { kind, line: map[0], endLine: map[1] };
    if (comment) span.comment = true;
    this.blocks.push(span);
  }

  /** Counts inline content or code for the N/A test (closeHeading); only a paragraph may be the section's only one. */
  private countContent(paragraph: Token | undefined): void {
    this.inlineCount++;
    this.onlyParagraph = paragraph;
  }

  /** A top-level heading: a new section, or a metadata block under a `---` rule. Returns the last token read. */
  private heading(token: Token, i: number): number {
    const inline = this.tokens[i + 1];
    if (isMetadataSetext(token, inline)) {
      // `**Status**: Draft` followed by `---`: metadata, not a heading.
      if (!this.sawSectionHeading) this.metadata.push(...(readMetadataBlock(inline, this.lines, false) ?? []));
      this.placeholders.push(...scanInlinePlaceholders(inline, this.lines, this.cursors, { slot: 'block', mayStartWithTask: false, baseLine: inline.map?.[0] ?? 0 }, this.options.placeholders));
      this.contentBlocks++;
      return i + 2;
    }
    this.closeHeading();
    const level = Number(token.tag.slice(1));
    if (level >= 2) this.sawSectionHeading = true;
    const text = inlinePlainText(inline).trim();
    const map = token.map!;
    this.current = {
      level,
      text,
      normalized: normalizeHeading(text),
      line: map[0],
      endLine: map[1],
      hasContent: false,
      notApplicable: false,
      guidanceBlocks: 0,
      guidanceOnly: false,
    };
    this.headings.push(this.current);
    this.contentBlocks = 0;
    this.inlineCount = 0;
    this.onlyParagraph = undefined;
    return i;
  }

  private closeHeading(): void {
    const current = this.current;
    if (!current) return;
    current.hasContent = this.contentBlocks > 0;
    current.guidanceOnly = this.contentBlocks > 0 && current.guidanceBlocks >= this.contentBlocks;
    // One paragraph, or a list with one item, saying "N/A".
    current.notApplicable = this.contentBlocks === 1 && this.inlineCount === 1 && this.onlyParagraph !== undefined && saysNotApplicable(inlinePlainText(this.onlyParagraph).trim());
  }

  /** Inline content: placeholders, mentions, a task, a table cell, a bold lead, metadata, comments. */
  private inline(token: Token, i: number): void {
    const tokens = this.tokens;
    const lines = this.lines;
    const line = token.map ? token.map[0] : this.rowLine;
    const opener = tokens[i - 1]?.type;
    if (opener === 'paragraph_open') this.countContent(token);
    else if (opener !== 'heading_open') this.countContent(undefined);
    const isTaskItem = opener === 'paragraph_open' && tokens[i - 2]?.type === 'list_item_open';
    const slot = opener === 'heading_open' ? 'heading' : opener === 'td_open' || opener === 'th_open' ? 'cell' : 'block';
    this.placeholders.push(...scanInlinePlaceholders(token, lines, this.cursors, { slot, mayStartWithTask: opener === 'paragraph_open', baseLine: line }, this.options.placeholders));
    scanInlineMentions(token, line, lines, this.mentionCursors, this.mentions);
    // Every list item's paragraph is a candidate; only one starting with `[` can be a task,
    // and only its first line is read (not the whole item split into lines).
    if (isTaskItem && token.content.startsWith('[')) this.task(token, line);
    if (this.table) this.cell(token, this.table);
    else if (opener === 'paragraph_open') {
      const lead = readBoldLead(tokens, i, this.lists[this.lists.length - 1]);
      if (lead) this.boldLeads.push(lead);
    }
    if (!this.sawSectionHeading && opener === 'paragraph_open') this.metadata.push(...readParagraphMetadata(token, lines, isTaskItem));
    const children = token.children;
    if (children) this.comments(children, line);
  }

  private task(token: Token, line: number): void {
    const task = taskMark(token.content);
    if (!task) return;
    const source = this.lines[line] ?? '';
    const start = Math.max(0, source.indexOf('['));
    this.tasks.push({ line, start, end: source.trimEnd().length, checked: task[1] !== ' ', text: task[2].trim() });
  }

  private cell(token: Token, table: TableBlock): void {
    if (!this.inBody) {
      table.header.push(inlinePlainText(token).trim());
      return;
    }
    const row = table.rows[table.rows.length - 1];
    if (row) {
      const cellText = inlinePlainText(token).trim();
      row.normalized += `|${cellText.replace(/\s+/g, ' ')}`;
      const cell = row.cells[this.cellIndex];
      if (cell) cell.text = cellText;
    }
    this.cellIndex++;
  }

  /** Suppression comments among inline content: a comment's line is the paragraph's first line plus the line breaks before it. */
  private comments(children: readonly Token[], line: number): void {
    let childLine = line;
    for (const child of children) {
      if (child.type === 'softbreak' || child.type === 'hardbreak') childLine++;
      else if (child.type === 'html_inline') this.directives.push(...readDirectives(child.content, childLine));
    }
  }

  private tableClose(): void {
    const table = this.table;
    if (table && !this.sawSectionHeading && this.quoteDepth === 0) this.metadata.push(...readTableMetadata(table, splitTableRow(this.lines[table.line] ?? '')));
    this.table = undefined;
    this.inBody = false;
  }

  private code(token: Token): void {
    if (!token.map) return;
    const block = codeBlockOf(token, this.lines);
    this.placeholders.push(...scanCodePlaceholders(this.lines, block.contentLine, token.map[1], this.options.placeholders));
    this.codeBlocks.push(block);
  }

  private frontMatter(token: Token): void {
    if (!token.map) return;
    for (const entry of readFrontMatter(token.content, token.map[0] + 1, this.lines)) {
      this.metadata.push(entry);
      const hit = valuePlaceholder(entry.raw, entry.valueRange.start.line, entry.valueRange.start.character, this.options.placeholders);
      if (hit) this.placeholders.push(hit);
    }
  }

  private htmlBlock(token: Token): void {
    if (!token.map) return;
    this.directives.push(...readDirectives(token.content, token.map[0]));
    const hit = angleBlockPlaceholder(token.content, token.map[0], this.lines, this.options.placeholders);
    if (hit) this.placeholders.push(hit);
  }
}
