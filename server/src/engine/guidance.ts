import { inlinePlainText, type Token } from './markdown';

/**
 * Template guidance left verbatim. Templates tell the author what to write in prose
 * paragraphs, block quotes and lists of questions; an RFC still holding such a block,
 * unchanged but for spacing and case, has not been written there yet. The collector
 * reads the top-level blocks of a chunk as the parser walks its tokens once.
 */

/** A top-level block of prose (paragraph, list, block quote) and its text, folded for comparison. */
export interface ProseBlock {
  kind: 'paragraph' | 'list' | 'quote';
  line: number;
  endLine: number;
  /** The block's visible text: case and spacing folded. */
  normalized: string;
  /** For a list: each top-level item's text, folded the same way. */
  items: string[];
  /** Every item is a task (`- [ ] …`), or the paragraph starts with a task mark: a checklist, not guidance. */
  checklist: boolean;
  /** Every word of the block is link text: a table of contents or a list of references, not guidance. */
  linksOnly: boolean;
  /** The block is a label: only bold text (`**Request**:`), or a short line starting in bold and ending in a colon (`**Response** (200 OK):`). */
  boldOnly: boolean;
}

/** A block of the document equal to a guidance block of its template. */
export interface GuidanceBlock {
  line: number;
  endLine: number;
}

const OPENERS: Record<string, ProseBlock['kind']> = {
  paragraph_open: 'paragraph',
  bullet_list_open: 'list',
  ordered_list_open: 'list',
  blockquote_open: 'quote',
};

/** Folds what does not change a text's words: case, spacing, a trailing colon. */
export function foldProse(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Collects the prose blocks of a chunk from its tokens, one token at a time. With a set of
 * guidance texts (a document), it keeps only the blocks equal to one of them (or lists
 * whose every item is one); with 'all' (a template), it keeps every block for the template
 * model to choose from.
 */
export class ProseCollector {
  readonly blocks: ProseBlock[] = [];
  private open: ProseBlock | undefined;
  private parts: string[] = [];
  private item: string[] | undefined;
  private tasks = 0;
  private strongOnly = true;
  private startsBold = false;
  private plainWords = false;

  constructor(private readonly wanted: ReadonlySet<string> | 'all') {}

  /** Feeds the token at index i (the collector looks at its neighbours for task items). */
  token(tokens: readonly Token[], i: number): void {
    const token = tokens[i];
    if (!this.open) {
      const kind = token.level === 0 ? OPENERS[token.type] : undefined;
      if (kind && token.map) {
        this.open = { kind, line: token.map[0], endLine: token.map[1], normalized: '', items: [], checklist: false, linksOnly: false, boldOnly: false };
        this.plainWords = false;
        this.parts = [];
        this.tasks = 0;
        this.strongOnly = true;
        this.startsBold = false;
      }
      return;
    }
    if (token.level === 0 && token.nesting === -1) {
      this.close();
      return;
    }
    if (token.type === 'list_item_open' && token.level === 1) this.item = [];
    else if (token.type === 'list_item_close' && token.level === 1 && this.item) {
      this.open.items.push(foldProse(this.item.join(' ')));
      this.item = undefined;
    } else if (token.type === 'inline') {
      const text = inlinePlainText(token);
      this.parts.push(text);
      this.item?.push(text);
      const first = tokens[i - 1]?.type === 'paragraph_open';
      if (first && /^\[[ xX]\](?:\s|$)/.test(token.content)) this.tasks++;
      const lead = token.children?.find((c) => c.type !== 'text' || c.content.trim() !== '');
      if (this.parts.length === 1 && lead?.type === 'strong_open') this.startsBold = true;
      if (!isStrongOnly(token)) this.strongOnly = false;
      if (hasWordsOutsideLinks(token)) this.plainWords = true;
    }
  }

  private close(): void {
    const block = this.open!;
    this.open = undefined;
    block.normalized = foldProse(this.parts.join(' '));
    block.checklist = block.kind === 'list' ? block.items.length > 0 && this.tasks >= block.items.length : this.tasks > 0;
    block.linksOnly = !this.plainWords;
    block.boldOnly = this.strongOnly || (this.startsBold && block.normalized.endsWith(':') && block.normalized.split(' ').length <= 6);
    if (this.wanted === 'all') {
      this.blocks.push(block);
      return;
    }
    if (block.normalized === '' || block.checklist) return;
    const verbatim = this.wanted.has(block.normalized) || (block.items.length > 0 && block.items.every((item) => this.wanted !== 'all' && this.wanted.has(item)));
    if (verbatim) this.blocks.push(block);
  }
}

/** Whether an inline token has words outside its links. */
function hasWordsOutsideLinks(inline: Token): boolean {
  let depth = 0;
  for (const child of inline.children ?? []) {
    if (child.type === 'link_open') depth++;
    else if (child.type === 'link_close') depth--;
    else if (depth === 0 && (child.type === 'text' || child.type === 'code_inline') && /[\p{L}\p{N}]{2}/u.test(child.content)) return true;
  }
  return false;
}

/** An inline token that is nothing but bold text (and punctuation): a label, not prose. */
function isStrongOnly(inline: Token): boolean {
  let depth = 0;
  for (const child of inline.children ?? []) {
    if (child.type === 'strong_open') depth++;
    else if (child.type === 'strong_close') depth--;
    else if (child.type === 'text' && depth === 0 && /[\p{L}\p{N}]/u.test(child.content)) return false;
    else if (child.type !== 'text' && child.type !== 'softbreak' && depth === 0) return false;
  }
  return true;
}

/** Guidance blocks shorter than this many words are too common to mean anything ("None.", "TBD"). */
const MIN_GUIDANCE_WORDS = 3;

/**
 * The guidance texts of a template: the prose blocks inside its sections that hold no
 * placeholder (those are reported as placeholders), are no checklist, no bold label and
 * no metadata, and have a few words; and each item of its lists of questions.
 */
export function guidanceTexts(blocks: readonly (ProseBlock & { inSection: boolean; hasPlaceholder: boolean })[]): Set<string> {
  const texts = new Set<string>();
  for (const b of blocks) {
    if (!b.inSection || b.hasPlaceholder || b.checklist || b.boldOnly || b.linksOnly) continue;
    if (b.normalized.split(' ').length < MIN_GUIDANCE_WORDS) continue;
    texts.add(b.normalized);
    for (const item of b.items) if (item.split(' ').length >= MIN_GUIDANCE_WORDS) texts.add(item);
  }
  return texts;
}
