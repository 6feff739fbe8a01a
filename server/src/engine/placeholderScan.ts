import { normalizeReferenceLabel, type Token } from './markdown';
import { isAnglePlaceholder, PLACEHOLDER_SYNTAXES, type PlaceholderPolicy, type PlaceholderSyntax } from './placeholderPolicy';

export { isAnglePlaceholder, type PlaceholderPolicy, type PlaceholderSyntax } from './placeholderPolicy';
export { normalizePlaceholder, placeholderWords, wholeSyntax } from './placeholderSyntax';
export { scanCodePlaceholders, valuePlaceholder } from './placeholderCode';
import { BRACKETED, BRACKETS, isCandidate, MAY_HOLD_PLACEHOLDER } from './placeholderSyntax';
import { isPlaceholder, slotHit, type Standing } from './placeholderSlots';

/** A text in the document that is an unfilled template placeholder (or, in a template, is one). */
export interface PlaceholderHit {
  line: number;
  /** Column of the opening bracket (or of the marker word). */
  start: number;
  /** Column after the closing bracket (or the end of the marker's slot). */
  end: number;
  /** The placeholder including its brackets, as written. */
  text: string;
  /** The bracketed text as a reference label, so `[label]` with a definition elsewhere is not reported. */
  label: string;
  inCode: boolean;
  syntax: PlaceholderSyntax;
}

/** Where a line of inline text stands: a heading, a table cell, or any other block (paragraph, list item). */
export type InlineSlot = 'heading' | 'cell' | 'block';

/** What the scan of one inline token needs to know about it. */
export interface InlineScanContext {
  slot: InlineSlot;
  /** The inline starts a paragraph or list item, so a leading `[ ]`/`[x]` is a task mark. */
  mayStartWithTask: boolean;
  /** Source line of the inline's first line. */
  baseLine: number;
}

interface Candidate {
  syntax: PlaceholderSyntax;
  text: string;
  /** Visual line within the inline (0 = its first line). */
  row: number;
  /** Offsets in the row's visible text. */
  from: number;
  to: number;
  /** Column in the source line; -1 when the text does not stand literally there (escapes). */
  column: number;
}

/** How far past the expected position a bracket may stand in the source (escapes and entities are longer there). */
const SLACK = 256;
/** A label and colon before a value: `Status:`, `Start Date:`, `Purpose:`. */
const LABEL = /^[^[\]{}()<>:]{1,60}:\s*$/;
/** Trailing punctuation a slot may end with after its placeholder. */
const TRAILING = /^[\s.,;:!?*_]*$/;

/**
 * Finds the placeholders in one inline token: prose, list items, table cells, headings,
 * metadata. The tokenizer has already turned links, reference links and code spans into
 * their own tokens; what is left in text tokens and still bracketed is a candidate, unless
 * it is a footnote, a task mark, a GitHub alert, an image, a URL, code-like text or an
 * annotation such as `[Optional]`. With a template's policy, a candidate is a placeholder
 * when it is one of the template's own placeholder texts, or when it stands alone in its
 * slot the way the template's placeholders do; in a template ('template') every candidate
 * of a bracket syntax is one. Each candidate's column is found in the source line from a
 * per-line cursor, so repeated texts land on the right occurrence; one that does not stand
 * literally in the source (written with escapes) is dropped.
 */
export function scanInlinePlaceholders(
  inline: Token,
  lines: readonly string[],
  cursors: Map<number, number>,
  context: InlineScanContext,
  policy: PlaceholderPolicy | 'template',
): PlaceholderHit[] {
  const syntaxes = policy === 'template' ? PLACEHOLDER_SYNTAXES : policy.syntaxes;
  if (syntaxes.size === 0 && (policy === 'template' || policy.texts.size === 0)) return [];
  // Every candidate holds a bracket and every slot hit a bracket or a marker word, so
  // inline text with neither (most prose) has none. The line's cursor is left short of
  // it, which is harmless: a later candidate's text holds a bracket, so it is not in there.
  if (!MAY_HOLD_PLACEHOLDER.test(inline.content)) return [];
  const rows: string[] = [''];
  // Whether each row ends at a hard break: a soft-wrapped row is part of a sentence, not a slot.
  const hardEnd: boolean[] = [];
  const candidates: Candidate[] = [];
  let row = 0;
  let linkDepth = 0;
  let first = true;
  for (const child of inline.children ?? []) {
    const lineNo = context.baseLine + row;
    const source = lines[lineNo] ?? '';
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        hardEnd[row] = child.type === 'hardbreak';
        row++;
        rows.push('');
        break;
      case 'link_open':
        linkDepth++;
        break;
      case 'link_close':
        linkDepth--;
        break;
      case 'code_inline':
        advancePast(source, lineNo, child.content, cursors);
        rows[row] += child.content;
        break;
      case 'html_inline':
        if (syntaxes.has('angle') && isAnglePlaceholder(child.content)) {
          candidates.push(locate({ syntax: 'angle', text: child.content, row, from: rows[row].length, to: rows[row].length + child.content.length, column: -1 }, source, lineNo, cursors));
        } else {
          advancePast(source, lineNo, child.content, cursors);
        }
        rows[row] += child.content;
        break;
      case 'text':
        if (linkDepth > 0) advancePast(source, lineNo, child.content, cursors);
        else scanText(child.content, row, rows[row].length, source, lineNo, cursors, context.mayStartWithTask && first, syntaxes, candidates);
        rows[row] += child.content;
        first = false;
        break;
      case 'image':
        rows[row] += child.content;
        break;
      default:
        break;
    }
  }

  const ownRow = (r: number) => (r === 0 || hardEnd[r - 1]) && (r === rows.length - 1 || hardEnd[r]);
  const hits: PlaceholderHit[] = [];
  for (const c of candidates) {
    if (c.column < 0) continue;
    const visible = rows[c.row];
    let standing = standingOf(visible.slice(0, c.from), visible.slice(c.to), context.slot);
    if (standing === 'whole' && !ownRow(c.row)) standing = 'inside';
    // `[link text]` at the end of a line with its `(url)` on the next: a broken link, not a placeholder.
    if (c.syntax === 'square' && standing !== 'inside' && /^\s*$/.test(visible.slice(c.to)) && /^\s*\(/.test(rows[c.row + 1] ?? '')) continue;
    if (!isPlaceholder(c.text, c.syntax, standing, policy)) continue;
    const lineNo = context.baseLine + c.row;
    hits.push({
      line: lineNo,
      start: c.column,
      end: c.column + c.text.length,
      text: c.text,
      label: c.syntax === 'square' ? normalizeReferenceLabel(c.text.slice(1, -1)) : '',
      inCode: false,
      syntax: c.syntax,
    });
  }
  // Slots read whole are only for the syntaxes that need them (a marker word, a parenthesised value).
  if (syntaxes.has('marker') || syntaxes.has('paren')) {
    rows.forEach((visible, r) => {
      const hit = slotHit(visible, context, r, ownRow(r), lines, syntaxes, policy);
      if (hit) hits.push(hit);
    });
  }
  return hits;
}

/**
 * How a candidate stands, from the visible text before and after it on its line. A value
 * follows a short label and colon; trailing punctuation and emphasis marks do not count.
 */
function standingOf(before: string, after: string, slot: InlineSlot): Standing {
  if (!TRAILING.test(after)) return 'inside';
  const lead = before.trim();
  if (lead === '' || /^[*_]+$/.test(lead)) return 'whole';
  if (slot === 'heading') return 'heading-end';
  return LABEL.test(before.replace(/[*_]+\s*$/, '')) ? 'value' : 'inside';
}

/**
 * Finds the bracketed candidates of one text token: the innermost `[…]`, `{…}`, `(…)` and
 * `<…>` pairs of the syntaxes asked for, and places each in the source line.
 */
function scanText(
  content: string,
  row: number,
  offset: number,
  source: string,
  lineNo: number,
  cursors: Map<number, number>,
  maybeTask: boolean,
  syntaxes: ReadonlySet<PlaceholderSyntax>,
  out: Candidate[],
): void {
  const found: Candidate[] = [];
  for (const syntax of BRACKETED) {
    if (!syntaxes.has(syntax)) continue;
    const [openChar, closeChar] = BRACKETS[syntax];
    let open = -1;
    for (let k = content.indexOf(openChar); k >= 0 && k < content.length; k++) {
      const c = content[k];
      if (c === openChar) open = k;
      else if (c === closeChar && open >= 0) {
        if (isCandidate(content, open, k, syntax, maybeTask)) {
          found.push({ syntax, text: content.slice(open, k + 1), row, from: offset + open, to: offset + k + 1, column: -1 });
        }
        open = -1;
      }
    }
  }
  // Place them in source order, so the cursor only moves forward.
  found.sort((a, b) => a.from - b.from);
  let consumed = 0;
  for (const c of found) {
    const from = cursors.get(lineNo) ?? 0;
    const windowEnd = from + 2 * (c.to - offset - consumed) + SLACK;
    const at = source.slice(from, windowEnd).indexOf(c.text);
    if (at < 0) continue;
    const start = from + at;
    cursors.set(lineNo, start + c.text.length);
    consumed = c.to - offset;
    if (source[start - 1] === '\\') continue; // `\[Name]`: the author escaped it
    c.column = start;
    out.push(c);
  }
}

function advancePast(source: string, lineNo: number, content: string, cursors: Map<number, number>): void {
  if (content === '') return;
  const from = cursors.get(lineNo) ?? 0;
  const found = source.slice(from, from + 2 * content.length + SLACK).indexOf(content);
  if (found >= 0) cursors.set(lineNo, from + found + content.length);
}

function locate(c: Candidate, source: string, lineNo: number, cursors: Map<number, number>): Candidate {
  const from = cursors.get(lineNo) ?? 0;
  const at = source.indexOf(c.text, from);
  if (at >= 0) {
    c.column = at;
    cursors.set(lineNo, at + c.text.length);
  }
  return c;
}

