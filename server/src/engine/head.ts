import { lineStarts } from './chunking';
import { parseBlocks, type Token } from './markdown';

/**
 * The head of a document: its text before the first `##` heading, where the title and the
 * metadata stand (all of it when there is none). An index that only needs an RFC's number,
 * title and status analyses this much instead of the whole text.
 *
 * A line that may open a `##` heading is found by its first characters, then confirmed by
 * markdown-it: a block parse of the text up to that line must make it a top-level heading
 * on that line (not a line of a code block, a quote or a list, nor a paragraph's). Only the
 * head is parsed, once per candidate; after MAX_CANDIDATES rejected ones (a long code
 * block of `##` lines) the whole text is the head. YAML front matter is known as such only
 * at its closing line, after any `##` line inside it: a document that may open with it is
 * parsed whole, once.
 */
const MAY_OPEN_SECTION = /^ {0,3}##(?:[ \t]|$)/gm;
const MAX_CANDIDATES = 8;

/** A first line that may open front matter (`---`, after a byte-order mark or white space). */
const MAY_OPEN_FRONT_MATTER = /^\uFEFF?\s*---/;

/** A top-level `##` heading. */
function opensSection(t: Token): boolean {
  return t.type === 'heading_open' && t.tag === 'h2' && t.level === 0;
}

export function headBeforeFirstSection(text: string): string {
  if (MAY_OPEN_FRONT_MATTER.test(text)) {
    const heading = parseBlocks(text).find(opensSection);
    return heading?.map ? text.slice(0, lineStarts(text)[heading.map[0]]) : text;
  }
  let tried = 0;
  let line = 0;
  let counted = 0;
  for (const m of text.matchAll(MAY_OPEN_SECTION)) {
    if (++tried > MAX_CANDIDATES) break;
    // markdown-it numbers lines by LF (it reads CRLF as one).
    for (let i = text.indexOf('\n', counted); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    const end = text.indexOf('\n', m.index);
    const upTo = end < 0 ? text : text.slice(0, end + 1);
    if (parseBlocks(upTo).some((t) => opensSection(t) && t.map?.[0] === line)) return text.slice(0, m.index);
  }
  return text;
}
