import { isMetadataSetext } from './chunk';
import { MAX_LINES as FRONT_MATTER_LINES } from './frontMatter';
import { parseBlocks, parseInline, type Token } from './markdown';

/**
 * Finding where top-level sections begin. A boundary is an H1 or H2 heading at the top
 * level of the document (not in a list, quote or code); the first chunk always starts at
 * line 0. Only the block structure is parsed here, which is much cheaper than a full parse.
 */

/** Line offsets: `starts[i]` is the offset of line i; a final entry holds the text length. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // LF only (most texts): indexOf skips through a line far faster than a loop over it.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    starts.push(text.length);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  starts.push(text.length);
  return starts;
}

/** Lines where chunks begin in `text`; always starts with 0. */
export function chunkBoundaries(text: string): number[] {
  const boundaries = [0];
  for (const start of headingBoundaries(parseBlocks(text))) {
    if (start > 0) boundaries.push(start);
  }
  return boundaries;
}

/** Lines per window of the stepwise boundary scan: a few milliseconds of block parsing. */
const WINDOW_LINES = 2000;

/**
 * The same boundaries as chunkBoundaries, found a window of lines at a time, pausing
 * (`yield`) after each: a very large template is split without holding the server for the
 * whole block parse. Each window starts at a boundary heading (as every chunk does, so the
 * parse from there is the one the whole text gets) and ends at the last boundary it found,
 * which the next window starts at: what follows that heading may run past the window (a
 * fence, a setext underline), so it is parsed again with the next lines. A window without
 * such a heading doubles until it has one or reaches the end.
 */
export function* chunkBoundarySteps(text: string, starts: readonly number[] = lineStarts(text), windowLines = WINDOW_LINES): Generator<void, number[], void> {
  const lineCount = starts.length - 1;
  const boundaries = [0];
  let start = 0;
  // The first window holds any front matter whole (it is read at line 0 only, up to its limit).
  let size = Math.max(windowLines, FRONT_MATTER_LINES + 1);
  while (start < lineCount) {
    const end = Math.min(lineCount, start + size);
    const found = headingBoundaries(parseBlocks(text.slice(starts[start], starts[end]))).filter((line) => line > 0);
    if (end === lineCount) {
      for (const line of found) boundaries.push(start + line);
      break;
    }
    const last = found[found.length - 1];
    if (last === undefined) {
      size *= 2;
      continue;
    }
    for (const line of found) boundaries.push(start + line);
    start += last;
    size = windowLines;
    yield;
  }
  return boundaries;
}

/** The lines of the top-level H1/H2 headings among block tokens (metadata setext lines excepted). */
export function headingBoundaries(tokens: Token[]): number[] {
  const found: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open' || t.level !== 0 || !t.map || (t.tag !== 'h1' && t.tag !== 'h2')) continue;
    if (t.markup === '-' && isMetadataBlock(tokens[i + 1])) continue;
    found.push(t.map[0]);
  }
  return found;
}

function isMetadataBlock(rawInline: Token | undefined): boolean {
  if (!rawInline) return false;
  const inline = parseInline(rawInline.content);
  return isMetadataSetext({ markup: '-' } as Token, inline);
}

/** Where an edit falls among a document's chunks, and the new chunk starts in that region. */
export interface RechunkPlan {
  /** First and last old chunk the edit touched (inclusive); they are replaced. */
  first: number;
  last: number;
  /** Offsets in the new text where the region's chunks start. */
  offsets: number[];
  /** Offset in the new text where the region ends. */
  end: number;
}

interface OldChunk {
  chunk: { text: string };
  startOffset: number;
}

/**
 * Finds the chunks an edit touched and re-chunks only them. Unchanged chunks are found by
 * comparing their text in place (native string comparison, no per-line work over the
 * document): from the front at the same offset, from the back at the offset moved by the
 * change in length. Returns undefined when the edit may have moved a boundary outside that
 * region (an opened fence swallowing the next heading, a heading line deleted, a setext
 * heading joining the paragraph above): the caller then chunks the whole text.
 */
export function rechunkRegion(old: readonly OldChunk[], oldText: string, newText: string): RechunkPlan | undefined {
  const n = old.length;
  const delta = newText.length - oldText.length;
  let first = 0;
  while (first < n - 1 && newText.startsWith(old[first].chunk.text, old[first].startOffset)) first++;
  // An edit on a chunk's first (heading) line can join it to the chunk above: take both.
  if (first > 0) {
    const { chunk, startOffset } = old[first];
    let same = 0;
    while (same < chunk.text.length && chunk.text.charCodeAt(same) === newText.charCodeAt(startOffset + same)) same++;
    if (!/[\r\n]/.test(chunk.text.slice(0, same))) first--;
  }
  let last = n - 1;
  while (last > first) {
    const { chunk, startOffset } = old[last];
    const moved = startOffset + delta;
    if (moved < old[first].startOffset || !newText.startsWith(chunk.text, moved)) break;
    last--;
  }
  const regionStart = old[first].startOffset;
  const hasNext = last + 1 < n;
  const regionEnd = hasNext ? old[last + 1].startOffset + delta : newText.length;
  if (regionEnd < regionStart) return undefined;

  // Parse the region plus the next chunk's first two lines: if the next heading is still a
  // heading at the expected place, nothing in the region leaked into the rest.
  let parseEnd = regionEnd;
  if (hasNext) {
    for (let k = 0; k < 2 && parseEnd < newText.length; k++) {
      const lf = newText.indexOf('\n', parseEnd);
      parseEnd = lf < 0 ? newText.length : lf + 1;
    }
  }
  const regionText = newText.slice(regionStart, parseEnd);
  const starts = lineStarts(regionText);
  const regionLines = lineOf(starts, regionEnd - regionStart);
  const tokens = parseBlocks(regionText);
  const found = headingBoundaries(tokens);
  if (first > 0) {
    if (found[0] !== 0) return undefined;
    const firstToken = tokens.find((t) => t.level === 0);
    if (firstToken?.markup === '=' || firstToken?.markup === '-') return undefined; // setext: may join the paragraph above
  }
  if (hasNext && (starts[regionLines] !== regionEnd - regionStart || !found.includes(regionLines))) return undefined;
  const inner = found.filter((l) => l > 0 && l < regionLines);
  return { first, last, offsets: [regionStart, ...inner.map((l) => regionStart + starts[l])], end: regionEnd };
}
/** The line containing offset (binary search over line starts; the last entry is the text length). */
export function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

