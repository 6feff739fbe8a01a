import { ANNOTATIONS, BRACKETED, BRACKETS, HAS_LETTER, isIdentifierChar, normalizePlaceholder, placeholderWords, wholeSyntax } from './placeholderSyntax';
import type { PlaceholderPolicy } from './placeholderPolicy';
import type { PlaceholderHit } from './placeholderScan';

/* Placeholders outside inline markdown: in code blocks, and in front matter values. */

/**
 * Finds placeholders inside a code block's lines [from, to). Code is full of brackets
 * (arrays, indexing, objects), so only the placeholder texts of the template's own code
 * blocks count (`[ASCII or mermaid diagram]`), and only
 * where no identifier precedes them (`arr[Name]` is code). In a template ('template') every
 * bracketed phrase free of code syntax counts.
 */
export function scanCodePlaceholders(
  lines: readonly string[],
  from: number,
  to: number,
  wanted: PlaceholderPolicy | 'template',
): PlaceholderHit[] {
  const hits: PlaceholderHit[] = [];
  if (wanted !== 'template' && wanted.codeTexts.size === 0) return hits;
  // Normalising folds case and spacing and never lengthens a text: one shorter than the
  // shortest placeholder text cannot be one (most brackets in code: `[0]`, `["a", "b"]`).
  let shortest = Infinity;
  if (wanted !== 'template') for (const text of wanted.codeTexts) shortest = Math.min(shortest, text.length);
  for (let line = from; line < to && line < lines.length; line++) {
    const source = lines[line];
    for (const syntax of wanted === 'template' ? (['square'] as const) : BRACKETED) {
      const [openChar, closeChar] = BRACKETS[syntax];
      if (source.indexOf(openChar) < 0) continue;
      let open = -1;
      for (let k = 0; k < source.length; k++) {
        if (source[k] === openChar) open = k;
        else if (source[k] === closeChar && open >= 0) {
          const text = source.slice(open, k + 1);
          const inner = text.slice(1, -1);
          const counts =
            wanted === 'template'
              ? HAS_LETTER.test(inner) && !/["'{}()<>=;`]/.test(inner) && !isIdentifierChar(source[open - 1]) && !ANNOTATIONS.has(inner.trim().toLowerCase())
              : text.length >= shortest && !isIdentifierChar(source[open - 1]) && wanted.codeTexts.has(normalizePlaceholder(text));
          if (counts) hits.push({ line, start: open, end: k + 1, text, label: '', inCode: true, syntax });
          open = -1;
        }
      }
    }
  }
  return hits.sort((a, b) => a.line - b.line || a.start - b.start);
}

/**
 * A metadata value written outside markdown (front matter) that is a placeholder: the
 * whole value is one bracketed text (`{YYYY-MM-DD when the decision was last updated}`) or
 * starts with a marker word. In a template every such value is a placeholder.
 */
export function valuePlaceholder(raw: string, line: number, start: number, policy: PlaceholderPolicy | 'template'): PlaceholderHit | undefined {
  const text = raw.trim();
  const syntax = wholeSyntax(text);
  if (!syntax) return undefined;
  const hit = { line, start, end: start + text.length, text, label: '', inCode: false, syntax };
  if (policy === 'template' || policy.texts.has(normalizePlaceholder(text))) return hit;
  if (!policy.syntaxes.has(syntax) || (syntax !== 'marker' && placeholderWords(text, syntax) > policy.maxWords)) return undefined;
  return hit;
}
