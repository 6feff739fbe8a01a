import type { BoldLead } from './boldLead';
import type { ProseBlock } from './guidance';
import type { MetadataLine } from './metadata';
import type { PlaceholderHit, PlaceholderPolicy } from './placeholderScan';
import type { SuppressionDirective } from './suppression';
import type { RfcMention } from './workspace/mentions';

/* The shapes of a parsed chunk (chunk.ts): headings, code blocks, tables, tasks. */

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
