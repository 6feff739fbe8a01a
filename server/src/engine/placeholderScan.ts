import { normalizeReferenceLabel, type Token } from './markdown';

/** A bracketed text found in the document that may be an unfilled template placeholder. */
export interface PlaceholderHit {
  line: number;
  /** Column of `[`. */
  start: number;
  /** Column after `]`. */
  end: number;
  /** The placeholder including its brackets, as written. */
  text: string;
  /** The bracketed text as a reference label, so `[label]` with a definition elsewhere is not reported. */
  label: string;
  inCode: boolean;
}

/** Characters that never appear in a template placeholder inside code, but do in code itself. */
const CODE_SYNTAX = /["'{}()<>=;`]/;
const HAS_LETTER = /\p{L}/u;
/** How far past the expected position a bracket may stand in the source (escapes and entities are longer there). */
const SLACK = 256;

/**
 * Finds bracketed texts in one inline token: prose, list items, table cells, headings,
 * metadata. The tokenizer has already turned links, reference links and code spans into
 * their own tokens; what is left in text tokens and still bracketed is a candidate, unless
 * it is a footnote (`[^1]`), a task checkbox, an image or an unresolved reference form.
 * Each candidate's exact column is found in the source line from a per-line cursor, so
 * repeated texts and several table cells on one line land on the right occurrence. A
 * candidate that does not stand literally in the source (written with escapes) is dropped.
 */
export function scanInlinePlaceholders(
  inline: Token,
  lines: readonly string[],
  cursors: Map<number, number>,
  isTaskItem: boolean,
  baseLine: number = inline.map?.[0] ?? 0,
): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  let lineNo = baseLine;
  let linkDepth = 0;
  let firstText = true;
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        lineNo++;
        break;
      case 'link_open':
        linkDepth++;
        break;
      case 'link_close':
        linkDepth--;
        break;
      case 'code_inline':
        advancePast(lines[lineNo] ?? '', lineNo, child.content, cursors);
        break;
      case 'text':
        if (linkDepth > 0) advancePast(lines[lineNo] ?? '', lineNo, child.content, cursors);
        else scanText(child.content, lineNo, lines[lineNo] ?? '', cursors, isTaskItem && firstText, hits);
        firstText = false;
        break;
      default:
        break;
    }
  }
  return hits;
}

function scanText(
  content: string,
  lineNo: number,
  source: string,
  cursors: Map<number, number>,
  maybeCheckbox: boolean,
  hits: PlaceholderHit[],
): void {
  let open = -1;
  let consumed = 0;
  for (let k = 0; k < content.length; k++) {
    const c = content.charCodeAt(k);
    if (c === 0x5b /* [ */) {
      open = k;
    } else if (c === 0x5d /* ] */ && open >= 0) {
      const i = open;
      open = -1;
      if (!isCandidate(content, i, k, maybeCheckbox)) continue;
      const text = content.slice(i, k + 1);
      const from = cursors.get(lineNo) ?? 0;
      const windowEnd = from + 2 * (k + 1 - consumed) + SLACK;
      const found = source.slice(from, windowEnd).indexOf(text);
      if (found < 0) continue;
      const start = from + found;
      cursors.set(lineNo, start + text.length);
      consumed = k + 1;
      if (source[start - 1] === '\\') continue; // `\[Name]`: the author escaped it
      hits.push({
        line: lineNo,
        start,
        end: start + text.length,
        text,
        label: normalizeReferenceLabel(text.slice(1, -1)),
        inCode: false,
      });
    }
  }
}

function isCandidate(content: string, i: number, j: number, maybeCheckbox: boolean): boolean {
  const before = content[i - 1];
  const after = content[j + 1];
  const inner = content.slice(i + 1, j);
  if (before === '!' || before === ']' || after === '(' || after === '[') return false;
  if (before === '[' && after === ']') return false; // [[wiki link]]
  if (inner.startsWith('^')) return false; // footnote
  if (maybeCheckbox && i === 0 && /^[ xX]$/.test(inner)) return false; // - [x] task
  return HAS_LETTER.test(inner);
}

function advancePast(source: string, lineNo: number, content: string, cursors: Map<number, number>): void {
  if (content === '') return;
  const from = cursors.get(lineNo) ?? 0;
  const found = source.slice(from, from + 2 * content.length + SLACK).indexOf(content);
  if (found >= 0) cursors.set(lineNo, from + found + content.length);
}

/**
 * Finds placeholders inside a code block's lines [from, to). Code is full of brackets
 * (arrays, indexing), so only the template's own placeholders count, and only where no
 * identifier precedes them (`arr[Name]` is code). With 'all' (parsing a template) every
 * bracketed phrase free of code syntax counts.
 */
export function scanCodePlaceholders(
  lines: readonly string[],
  from: number,
  to: number,
  wanted: ReadonlySet<string> | 'all',
): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  if (wanted !== 'all' && wanted.size === 0) return hits;
  for (let line = from; line < to && line < lines.length; line++) {
    const source = lines[line];
    if (source.indexOf('[') < 0) continue;
    if (wanted === 'all') {
      let open = -1;
      for (let k = 0; k < source.length; k++) {
        if (source[k] === '[') open = k;
        else if (source[k] === ']' && open >= 0) {
          const inner = source.slice(open + 1, k);
          if (HAS_LETTER.test(inner) && !CODE_SYNTAX.test(inner) && !isIdentifierChar(source[open - 1])) {
            hits.push(codeHit(line, open, source.slice(open, k + 1)));
          }
          open = -1;
        }
      }
    } else {
      for (const text of wanted) {
        for (let at = source.indexOf(text); at >= 0; at = source.indexOf(text, at + text.length)) {
          if (!isIdentifierChar(source[at - 1])) hits.push(codeHit(line, at, text));
        }
      }
    }
  }
  return hits.sort((a, b) => a.line - b.line || a.start - b.start);
}

function codeHit(line: number, start: number, text: string): PlaceholderHit {
  return { line, start, end: start + text.length, text, label: '', inCode: true };
}

function isIdentifierChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_$\])]/u.test(c);
}
