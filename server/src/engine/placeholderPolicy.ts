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

/** HTML elements: `<br>`, `<details open>` and `<kbd>` are markup, not `<placeholders>`. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br button canvas caption center cite code col colgroup ' +
    'data datalist dd del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header ' +
    'hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee math menu meta meter nav nobr noscript object ol optgroup ' +
    'option output p param picture plaintext pre progress q rb rp rt rtc ruby s samp script search section select slot small source span strike strong style ' +
    'sub summary sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp'
  ).split(' '),
);

/** `<RFC title>`, `<package>`: angle brackets around words that are no HTML element, attribute or closing tag. */
export function isAnglePlaceholder(html: string): boolean {
  const m = /^<([A-Za-z][\p{L}\p{N}_-]*)((?:\s+[^\s<>="'/]+)*)\s*>$/u.exec(html.trim());
  return m !== null && !HTML_ELEMENTS.has(m[1].toLowerCase()) && !m[1].includes('-');
}

