import type { DocumentModel } from '../document';
import type { Token } from '../markdown';
import { lineRange, shiftRange, type Range } from '../types';

/** A mention of another RFC by number in an RFC's prose or a link of it. */
export interface RfcMention {
  /** The number as written (`2026-003`). */
  number: string;
  /** Where it is written: the whole `RFC 2026-003` (or `rfc/2026-003` in a link target). */
  range: Range;
}

/**
 * `RFC 2026-003`, `RFC-2026-003` and `rfc/2026-003`, any case; not inside a longer word
 * (`myRFC 2026-003`) nor followed by more digits.
 */
const MENTION = /(?<![\p{L}\p{N}_])rfc(?:[ \u00a0-]|\/)(\d{4}-\d{1,9})(?!\d)/giu;
/** Text that may hold a mention: it has the word's letters in a row, in any case. */
const MAY_MENTION = /rfc/i;
/** How far past the cursor a text may stand in its source line (escapes and entities are longer there). */
const SLACK = 256;

/** Every mention of an RFC in the document, in document order (found while each chunk was parsed). */
export function mentionsOf(model: DocumentModel): RfcMention[] {
  const out: RfcMention[] = [];
  for (const { chunk, startLine } of model.chunks) {
    for (const m of chunk.mentions) out.push(startLine === 0 ? m : { number: m.number, range: shiftRange(m.range, startLine) });
  }
  return out;
}

interface OpenLink {
  href: string;
  /** Numbers mentioned in the link's text: the target need not count them again. */
  inText: Set<string>;
}

/**
 * The mentions of one inline token, appended to `found` (the chunk parser calls this on its
 * own tokens): in text (prose, headings, lists, tables, link texts) and link targets; never
 * in code spans, code blocks or HTML. Each is placed in its source line from a per-line
 * cursor, as placeholders are, so a mention written twice on a line lands on the right one.
 */
export function scanInlineMentions(inline: Token, firstLine: number, lines: readonly string[], cursors: Map<number, number>, found: RfcMention[]): void {
  // Most inline tokens name no RFC: their source has no "rfc" and no link target does.
  // Skipping them leaves the line's cursor short of their text, which is harmless: a later
  // mention's text holds "rfc", so it cannot be found inside theirs.
  if (!MAY_MENTION.test(inline.content) && !inline.children?.some(isRfcLink)) return;
  // An image's alt text is in the image token's own children, not here: it is not prose.
  let line = firstLine;
  const links: OpenLink[] = [];
  for (const child of inline.children ?? []) {
    switch (child.type) {
      case 'softbreak':
      case 'hardbreak':
        line++;
        break;
      case 'code_inline':
        locate(child.content, line, lines, cursors);
        break;
      case 'link_open':
        links.push({ href: String(child.attrGet('href') ?? ''), inText: new Set() });
        break;
      case 'link_close': {
        const link = links.pop();
        if (link) linkTarget(link, line, lines, cursors, found);
        break;
      }
      case 'text':
      case 'text_special':
        textMentions(child.content, line, lines, cursors, found, links[links.length - 1]);
        break;
      default:
        break;
    }
  }
}

function isRfcLink(child: Token): boolean {
  return child.type === 'link_open' && MAY_MENTION.test(String(child.attrGet('href') ?? ''));
}

function textMentions(content: string, line: number, lines: readonly string[], cursors: Map<number, number>, found: RfcMention[], link: OpenLink | undefined): void {
  const source = lines[line] ?? '';
  const from = cursors.get(line) ?? 0;
  // Mostly the text stands literally in the source: then every match's column follows from it.
  const index = content === '' ? -1 : source.indexOf(content, from);
  const at = index >= 0 && index - from <= SLACK ? index - from : -1;
  // Most text mentions no RFC: a plain search for the word spares the Unicode-aware pattern.
  if (!MAY_MENTION.test(content)) {
    if (at >= 0) cursors.set(line, from + at + content.length);
    return;
  }
  for (const m of content.matchAll(MENTION)) {
    let start: number;
    if (at >= 0) {
      start = from + at + m.index;
    } else {
      const cursor = cursors.get(line) ?? 0;
      const k = source.slice(cursor, cursor + 2 * content.length + SLACK).indexOf(m[0]);
      if (k < 0) continue; // written with escapes or entities: no exact place to point at
      start = cursor + k;
      cursors.set(line, start + m[0].length);
    }
    found.push({ number: m[1], range: lineRange(line, start, start + m[0].length) });
    link?.inText.add(m[1]);
  }
  if (at >= 0) cursors.set(line, from + at + content.length);
}

/** A link target naming an RFC (`[the design](https://wiki/rfc/2026-003)`), placed on the link's line. */
function linkTarget(link: OpenLink, line: number, lines: readonly string[], cursors: Map<number, number>, found: RfcMention[]): void {
  for (const m of link.href.matchAll(MENTION)) {
    if (!m[0].toLowerCase().startsWith('rfc/') || link.inText.has(m[1])) continue;
    // The target follows the text in the source; a reference link's target is elsewhere and not placed.
    const source = (lines[line] ?? '').toLowerCase();
    const from = cursors.get(line) ?? 0;
    const k = source.indexOf(m[0].toLowerCase(), from);
    if (k < 0) continue;
    cursors.set(line, k + m[0].length);
    found.push({ number: m[1], range: lineRange(line, k, k + m[0].length) });
    link.inText.add(m[1]);
  }
}

function locate(content: string, line: number, lines: readonly string[], cursors: Map<number, number>): void {
  if (content === '') return;
  const from = cursors.get(line) ?? 0;
  const k = (lines[line] ?? '').slice(from, from + 2 * content.length + SLACK).indexOf(content);
  if (k >= 0) cursors.set(line, from + k + content.length);
}
