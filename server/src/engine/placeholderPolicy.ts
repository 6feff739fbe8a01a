/**
 * Which texts of a document are unfilled placeholders is decided by the template: the
 * bracket styles it writes its placeholders in, and its placeholder texts themselves.
 */

/**
 * How a template writes its placeholders: `[…]`, `{…}`, `<…>`, a parenthesised value
 * (`(fill me in with today's date)`) or a marker word (`TODO`, `TBD`, `XXX`).
 */
export type PlaceholderSyntax = 'square' | 'curly' | 'angle' | 'paren' | 'marker';

/** Every syntax, for reading a template (where any of them may stand). */
export const PLACEHOLDER_SYNTAXES: ReadonlySet<PlaceholderSyntax> = new Set(['square', 'curly', 'angle', 'paren', 'marker']);

/** What a document's candidates are checked against: learned from its template. */
export interface PlaceholderPolicy {
  /** The syntaxes the template's placeholders use; a candidate of another syntax alone in its slot is not one. */
  readonly syntaxes: ReadonlySet<PlaceholderSyntax>;
  /** The template's placeholder texts, normalised (case and spacing folded): unfilled wherever they stand in prose. */
  readonly texts: ReadonlySet<string>;
  /** The placeholder texts of the template's code blocks, normalised: the only ones looked for in code. */
  readonly codeTexts: ReadonlySet<string>;
  /** A candidate alone in its slot but longer than this many words is real text in the template's bracket style. */
  readonly maxWords: number;
}

/** A policy that finds nothing: for reading a document without a template (metadata only). */
export const NO_PLACEHOLDERS: PlaceholderPolicy = { syntaxes: new Set(), texts: new Set(), codeTexts: new Set(), maxWords: 0 };
