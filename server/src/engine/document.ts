import { parseChunk, type ChunkParseOptions, type ParsedChunk } from './chunk';
import { chunkBoundaries, findEdit, lineStarts, updateBoundaries } from './chunking';

/** A parsed chunk placed in its document. */
export interface PlacedChunk {
  chunk: ParsedChunk;
  /** Line of the document where the chunk starts. */
  startLine: number;
}

/**
 * A document as a list of independently parsed top-level sections. Building it from a
 * previous model re-parses only the sections an edit touched.
 */
export interface DocumentModel {
  readonly text: string;
  readonly lineCount: number;
  readonly boundaries: readonly number[];
  readonly chunks: readonly PlacedChunk[];
  /** Identifies the parse options, so a model is only reused under the same options. */
  readonly parseKey: string;
  /** Offsets of line starts, kept to find the next edit. */
  readonly starts: number[];
}

/** Statistics of the last build, for the benchmark and tests. */
export interface BuildStats {
  chunksParsed: number;
  chunksReused: number;
  incremental: boolean;
}

/**
 * Builds the document model of `text`. A leading byte-order mark is read as a space, so
 * the first heading is still a heading and every column stays where the editor shows it.
 */
export function buildDocumentModel(
  rawText: string,
  options: ChunkParseOptions,
  parseKey: string,
  previous?: DocumentModel,
  stats?: BuildStats,
): DocumentModel {
  const text = rawText.charCodeAt(0) === 0xfeff ? ' ' + rawText.slice(1) : rawText;
  const starts = lineStarts(text);
  const lineCount = starts.length - 1;
  const reusable = previous && previous.parseKey === parseKey ? previous : undefined;

  let boundaries: number[] | undefined;
  if (reusable) {
    if (reusable.text === text) return reusable;
    const edit = findEdit(reusable.text, text, reusable.starts, starts);
    boundaries = updateBoundaries(reusable.boundaries, reusable.lineCount, text, starts, edit);
  }
  if (stats) stats.incremental = boundaries !== undefined;
  boundaries ??= chunkBoundaries(text);

  const byText = new Map<string, ParsedChunk>();
  for (const placed of reusable?.chunks ?? []) byText.set(placed.chunk.text, placed.chunk);

  const chunks: PlacedChunk[] = boundaries.map((startLine, i) => {
    const endLine = i + 1 < boundaries.length ? boundaries[i + 1] : lineCount;
    const chunkText = text.slice(starts[startLine], starts[endLine]);
    let chunk = byText.get(chunkText);
    if (chunk) {
      if (stats) stats.chunksReused++;
    } else {
      chunk = parseChunk(chunkText, options);
      if (stats) stats.chunksParsed++;
    }
    return { chunk, startLine };
  });
  return { text, lineCount, boundaries, chunks, parseKey, starts };
}
