import { isAnglePlaceholder, type PlaceholderSyntax } from './placeholderPolicy';

/* What every placeholder scan shares: the bracket pairs, marker words and how texts compare. */

export const HAS_LETTER = /\p{L}/u;
/** Bracketed words that annotate rather than ask for text: `[Optional]`, `(Required)`. */
export const ANNOTATIONS = new Set(['optional', 'required', 'r']);
/** Words that mark text still to be written, as a whole word at the start of a slot. */
const MARKER_WORDS = 'TODO|TBD|TBC|FIXME|XXX';
export const MARKER = new RegExp(`^(${MARKER_WORDS})(?![\\p{L}\\p{N}_])`, 'u');
/** Text that may hold a placeholder: an opening bracket of any syntax, or a marker word anywhere. */
export const MAY_HOLD_PLACEHOLDER = new RegExp(`[[{(<]|${MARKER_WORDS}`);
export const BRACKETED: readonly PlaceholderSyntax[] = ['square', 'curly', 'angle'];
export const BRACKETS: Record<string, [string, string]> = { square: ['[', ']'], curly: ['{', '}'], paren: ['(', ')'], angle: ['<', '>'] };

/** Folds case and spacing, so `[Date]` and `[ date ]` are the same placeholder. */
export function normalizePlaceholder(text: string): string {
  const lower = text.toLowerCase();
  // Most texts need no more than lower case: no run of spaces, no space inside the brackets' ends.
  if (!/\s\s|[\t\n\r]|^[[{(<]\s|\s[\]})>]$|^\s|\s$/.test(lower)) return lower;
  return lower.replace(/\s+/g, ' ').replace(/^([[{(<]) /, '$1').replace(/ ([\]})>])$/, '$1').trim();
}

/** How many words a placeholder's text holds (its brackets excluded). */
export function placeholderWords(text: string, syntax: PlaceholderSyntax): number {
  const inner = syntax === 'marker' ? text : text.slice(1, -1);
  return inner.split(/\s+/).filter((w) => w !== '').length;
}

/** The syntax of a text that is one placeholder and nothing else, if it is one. */
export function wholeSyntax(text: string): PlaceholderSyntax | undefined {
  if (MARKER.test(text)) return 'marker';
  for (const [syntax, [open, close]] of Object.entries(BRACKETS) as [PlaceholderSyntax, [string, string]][]) {
    if (text.length > 2 && text.startsWith(open) && text.endsWith(close) && text.indexOf(open, 1) < 0 && HAS_LETTER.test(text)) return syntax;
  }
  return undefined;
}

/** A character that makes a following bracket code (`a[i]`, `f(x)[0]`), not a placeholder. */
export function isIdentifierChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}_$\])]/u.test(c);
}

/** Characters of code, JSON and markup, never in a placeholder's words (apostrophes are: `[What we'll track]`). */
const CODE_SYNTAX = /["`=;{}<>\\]/;
/** `workspace.dependencies`, `std::io`, `a/b/c`: identifiers joined without spaces. */
const DOTTED_IDENTIFIER = /^[\p{L}\p{N}_$-]+(?:(?:\.|::|\/|#)[\p{L}\p{N}_$-]+)+$/u;
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:)/i;

/** Whether the bracketed text content[i..j] may be a placeholder of this syntax: not a link, code, a path or an annotation. */
export function isCandidate(content: string, i: number, j: number, syntax: PlaceholderSyntax, maybeTask: boolean): boolean {
  const before = content[i - 1];
  const after = content[j + 1];
  const inner = content.slice(i + 1, j);
  const words = inner.trim();
  if (!HAS_LETTER.test(inner) || ANNOTATIONS.has(words.toLowerCase())) return false;
  if (URL_LIKE.test(words) || DOTTED_IDENTIFIER.test(words)) return false;
  switch (syntax) {
    case 'square':
      if (before === '!' || before === ']' || after === '(' || after === '[') return false;
      if (before === '[' && after === ']') return false; // [[wiki link]]
      if (words.startsWith('^') || words.startsWith('!')) return false; // footnote, GitHub alert
      if (words.startsWith('#') || words.startsWith('/') || words.startsWith('./')) return false; // an anchor or path
      if (maybeTask && i === 0 && /^[ xX]$/.test(inner)) return false; // [x] task mark
      if (isIdentifierChar(before)) return false; // a[i], map[key]
      return !CODE_SYNTAX.test(inner);
    case 'curly':
      if (isIdentifierChar(before) || before === '$' || before === '{' || after === '}') return false; // ${x}, {{x}}
      return !CODE_SYNTAX.test(inner) && !/^[\p{L}\p{N}_-]+\s*:/u.test(words); // {key: value} is data
    case 'angle':
      return isAnglePlaceholder(content.slice(i, j + 1));
    default:
      return false;
  }
}
