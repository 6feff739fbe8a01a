import { isMetadataSetext } from './chunk';
import { parseBlocks, parseInline, type Token } from './markdown';

/**
 * Finding where top-level sections begin. A boundary is an H1 or H2 heading at the top
 * level of the document (not in a list, quote or code); the first chunk always starts at
 * line 0. Only the block structure is parsed here, which is much cheaper than a full parse.
 */

/** Line offsets: `starts[i]` is the offset of line i; a final entry holds the text length. */
export function lineStarts(text: string): number[] {
  const starts = [0];
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

function headingBoundaries(tokens: Token[]): number[] {
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

/** The edited span between two versions of a text, as found by their common prefix and suffix. */
export interface TextEdit {
  /** First changed line (the same in both versions). */
  startLine: number;
  /** Last changed line in the old version. */
  oldEndLine: number;
  /** Last changed line in the new version. */
  newEndLine: number;
}

/** Finds the lines an edit touched by comparing the two texts from both ends. */
export function findEdit(oldText: string, newText: string, oldStarts: number[], newStarts: number[]): TextEdit {
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const maxSuffix = max - prefix;
  while (
    suffix < maxSuffix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  return {
    startLine: lineOf(oldStarts, prefix),
    oldEndLine: lineOf(oldStarts, oldText.length - suffix),
    newEndLine: lineOf(newStarts, newText.length - suffix),
  };
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

/**
 * Recomputes chunk boundaries after an edit by re-parsing only the chunks the edit touched.
 * Returns undefined when the edit may have moved a boundary outside that region (an opened
 * fence swallowing the next heading, a heading line deleted, a setext heading joining the
 * paragraph above): the caller then parses the whole text.
 */
export function updateBoundaries(
  oldBoundaries: readonly number[],
  oldLineCount: number,
  newText: string,
  newStarts: number[],
  edit: TextEdit,
): number[] | undefined {
  const delta = newStarts.length - 1 - oldLineCount;
  let first = 0;
  while (first + 1 < oldBoundaries.length && oldBoundaries[first + 1] <= edit.startLine) first++;
  // An edit on a chunk's heading line can join it to the chunk above: re-parse both.
  if (first > 0 && oldBoundaries[first] === edit.startLine) first--;
  let last = first;
  while (last + 1 < oldBoundaries.length && oldBoundaries[last + 1] <= edit.oldEndLine) last++;
  const regionStart = oldBoundaries[first];
  const hasNext = last + 1 < oldBoundaries.length;
  const regionEnd = hasNext ? oldBoundaries[last + 1] + delta : newStarts.length - 1;
  if (regionEnd < regionStart) return undefined;
  // Parse the region plus the next chunk's heading line: if that line is still a heading
  // at the expected place, nothing in the region leaked into the rest of the document.
  const parseEndLine = hasNext ? Math.min(regionEnd + 2, newStarts.length - 1) : regionEnd;
  const regionText = newText.slice(newStarts[regionStart], newStarts[parseEndLine]);
  const tokens = parseBlocks(regionText);
  const found = headingBoundaries(tokens);
  const firstToken = tokens.find((t) => t.level === 0);
  if (first > 0) {
    if (found[0] !== 0) return undefined;
    if (firstToken?.markup === '=' || firstToken?.markup === '-') return undefined; // setext: may join the paragraph above
  }
  const inner = found.filter((l) => l > 0 && l < regionEnd - regionStart);
  if (hasNext && !found.includes(regionEnd - regionStart)) return undefined;
  return [
    ...oldBoundaries.slice(0, first + 1),
    ...inner.map((l) => l + regionStart),
    ...oldBoundaries.slice(last + 1).map((l) => l + delta),
  ];
}
