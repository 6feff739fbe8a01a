/**
 * Heading and key normalisation. Real RFCs rename headings in small ways the template
 * author would still accept ("2. Motivation", "Why now", "Design (Revised)"), so
 * matching compares these normalised forms, never the raw heading text.
 */

import { boundedMemo } from './boundedMemo';

/** Leading section numbers: "2.", "2.1", "2.1.3)", "A.", "A.1", "IV." followed by a space. */
const NUMBERING_PREFIX = /^(?:\d+(?:\.\d+)*[.)]?|[A-Za-z](?:\.\d+)+[.)]?|[A-Za-z][.)]|[IVXLC]+[.)])\s+/;
/** A parenthesised suffix such as "(Revised)" or "(optional)". */
const PAREN_SUFFIX = /\s*\([^()]*\)\s*$/;
const TRAILING_PUNCTUATION = new Set([...'?!.:;,\u2026']);
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** White space that folding would change: a run, one at either end, or one other than a plain space. */
const UNFOLDED_SPACE = /\s\s|^\s|\s$|[^\S ]/;

/**
 * Normalises heading text (already stripped of emphasis by the tokenizer) to the form
 * used for matching: lower case, no numbering prefix, no parenthesised suffix, no
 * trailing punctuation, `&` read as "and", runs of white space folded.
 */
export const normalizeHeading: (text: string) => string = boundedMemo(normalizeHeadingText);

function normalizeHeadingText(text: string): string {
  // Fold white space first: every later pattern then sees single spaces and stays linear
  // even on hostile headings (a heading of 200,000 spaces).
  // Invisible format characters (RTL marks, zero-width spaces and joiners) never count.
  // Plain printable ASCII (most headings) has nothing to compose or drop.
  let s = PRINTABLE_ASCII.test(text) ? text : text.normalize('NFC').replace(/[\p{Cf}]/gu, '');
  if (UNFOLDED_SPACE.test(s)) s = s.split(/\s+/).filter((w) => w !== '').join(' ');
  s = s.replace(NUMBERING_PREFIX, '');
  // A suffix can follow punctuation ("Design: (draft)") so strip both, twice at most.
  for (let i = 0; i < 2; i++) s = stripParenSuffix(stripTrailingPunctuation(s));
  s = stripTrailingPunctuation(s);
  return s.toLowerCase().replace(/ ?& ?/g, ' and ').replace(/ +/g, ' ').trim();
}

function stripTrailingPunctuation(s: string): string {
  let end = s.length;
  while (end > 0 && (TRAILING_PUNCTUATION.has(s[end - 1]) || s[end - 1] === ' ')) end--;
  return s.slice(0, end);
}

function stripParenSuffix(s: string): string {
  return s.endsWith(')') ? s.replace(PAREN_SUFFIX, '') : s;
}

/**
 * Normalises a metadata key: "Author(s)", "Authors" and "author" all become "author",
 * "RFC Number" and "RFC number:" become "rfc number".
 */
export function normalizeMetadataKey(key: string): string {
  return key
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    // Plural keys ("Authors") match singular ones; "Status" and "Address" keep their s.
    .replace(/(?<![us])s$/, '');
}

/** True when `value` is a single bracketed placeholder like "[Date]" and nothing else. */
export function isWholePlaceholder(value: string): boolean {
  const v = value.trim();
  return v.length > 2 && v.startsWith('[') && v.endsWith(']') && v.indexOf('[', 1) === -1;
}

/**
 * Words saying a section may be left out: "Optional.", "(Optional) Describe …", "This is an
 * optional element. Feel free to remove." — not any sentence that mentions the word.
 */
export function saysOptional(text: string): boolean {
  return /^\W*optional\b/i.test(text) || /\b(?:is|are) (?:an? )?optional\b/i.test(text) || /\boptional (?:element|section|part|field)s?\b/i.test(text);
}
