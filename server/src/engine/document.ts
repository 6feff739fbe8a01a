import { chunkTokens, parseDocumentBlocks } from './blockSplit';
import { chunkFromTokens, parseChunk, type ChunkParseOptions, type ParsedChunk } from './chunk';
import { chunkBoundarySteps, headingBoundaries, lineStarts, rechunkRegion } from './chunking';
import { packedMap } from './packedMap';

/** A parsed chunk placed in its document. */
export interface PlacedChunk {
  chunk: ParsedChunk;
  /** Line of the document where the chunk starts. */
  startLine: number;
  /** Offset in the document's text where the chunk starts. */
  startOffset: number;
}

/**
 * A document as a list of independently parsed top-level sections. Building it from a
 * previous model re-parses only the sections an edit touched.
 */
export interface DocumentModel {
  readonly text: string;
  readonly lineCount: number;
  readonly chunks: readonly PlacedChunk[];
  /** Identifies the parse options, so a model is only reused under the same options. */
  readonly parseKey: string;
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
  const reusable = previous && previous.parseKey === parseKey ? previous : undefined;
  if (reusable && reusable.text === text) return reusable;

  const byText = new Map<string, ParsedChunk>();
  const parse = (chunkText: string): ParsedChunk => {
    const known = byText.get(chunkText);
    if (known) {
      if (stats) stats.chunksReused++;
      return known;
    }
    if (stats) stats.chunksParsed++;
    return parseChunk(chunkText, options);
  };

  let placed: { chunk: ParsedChunk; startOffset: number }[] | undefined;
  if (reusable) {
    const plan = rechunkRegion(reusable.chunks, reusable.text, text);
    if (plan) {
      for (let i = plan.first; i <= plan.last; i++) byText.set(reusable.chunks[i].chunk.text, reusable.chunks[i].chunk);
      const delta = text.length - reusable.text.length;
      placed = [
        ...reusable.chunks.slice(0, plan.first).map((c) => {
          if (stats) stats.chunksReused++;
          return { chunk: c.chunk, startOffset: c.startOffset };
        }),
        ...plan.offsets.map((start, k) => {
          const end = k + 1 < plan.offsets.length ? plan.offsets[k + 1] : plan.end;
          return { chunk: parse(text.slice(start, end)), startOffset: start };
        }),
        ...reusable.chunks.slice(plan.last + 1).map((c) => {
          if (stats) stats.chunksReused++;
          return { chunk: c.chunk, startOffset: c.startOffset + delta };
        }),
      ];
    }
  }
  if (stats) stats.incremental = placed !== undefined;
  if (!placed) {
    placed = [];
    for (const chunk of splitChunks(text, options)) {
      placed.push(chunk);
      if (stats) stats.chunksParsed++;
    }
  }
  return placeChunks(text, placed, parseKey);
}

/**
 * A whole text's chunks from one block parse (blockSplit.ts), each read as a parse of its
 * own text would be.
 */
function* splitChunks(text: string, options: ChunkParseOptions): Generator<{ chunk: ParsedChunk; startOffset: number }, void, void> {
  const starts = lineStarts(text);
  const parse = parseDocumentBlocks(text);
  const lines = [0, ...headingBoundaries(parse.tokens).filter((line) => line > 0)];
  const lineCount = starts.length - 1;
  let first = 0;
  for (let k = 0; k < lines.length; k++) {
    const startLine = lines[k];
    const endLine = k + 1 < lines.length ? lines[k + 1] : lineCount;
    // The chunk's tokens run up to the next boundary heading's (a top-level heading_open).
    let last = first;
    while (last < parse.tokens.length && !(k + 1 < lines.length && parse.tokens[last].type === 'heading_open' && parse.tokens[last].level === 0 && parse.tokens[last].map?.[0] === endLine)) last++;
    const chunkText = text.slice(starts[startLine], k + 1 < lines.length ? starts[endLine] : text.length);
    const { tokens, env } = chunkTokens(parse, first, last, startLine, endLine);
    yield { chunk: chunkFromTokens(chunkText, tokens, env, options), startOffset: starts[startLine] };
    first = last;
  }
}

/**
 * Builds a document model from scratch one chunk at a time, pausing after each: a very
 * large template is built in slices, between which the server answers requests.
 */
export function* documentModelSteps(rawText: string, options: ChunkParseOptions, parseKey: string): Generator<void, DocumentModel, void> {
  const text = rawText.charCodeAt(0) === 0xfeff ? ' ' + rawText.slice(1) : rawText;
  const starts = lineStarts(text);
  const offsets = (yield* chunkBoundarySteps(text, starts)).map((line) => starts[line]);
  const placed: { chunk: ParsedChunk; startOffset: number }[] = [];
  for (const { start, chunkText } of chunkTexts(text, offsets)) {
    placed.push({ chunk: parseChunk(chunkText, options), startOffset: start });
    yield;
  }
  return placeChunks(text, placed, parseKey);
}

/** The text split at chunk boundaries (offsets of top-level sections). */
function chunkTexts(text: string, offsets: readonly number[]): { start: number; chunkText: string }[] {
  return offsets.map((start, k) => ({ start, chunkText: text.slice(start, k + 1 < offsets.length ? offsets[k + 1] : text.length) }));
}

function placeChunks(text: string, placed: readonly { chunk: ParsedChunk; startOffset: number }[], parseKey: string): DocumentModel {
  // Every chunk but the last ends with a line break, so its last split line is the next chunk's first.
  let line = 0;
  const chunks: PlacedChunk[] = packedMap(placed, (p) => {
    const startLine = line;
    line += p.chunk.lines.length - 1;
    return { chunk: p.chunk, startOffset: p.startOffset, startLine };
  });
  return { text, lineCount: line + 1, chunks, parseKey };
}

/** The text of one line of the document, without its line break. */
export function lineText(model: DocumentModel, line: number): string {
  const chunks = model.chunks;
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].startLine <= line) lo = mid;
    else hi = mid - 1;
  }
  const placed = chunks[lo];
  return placed ? (placed.chunk.lines[line - placed.startLine] ?? '') : '';
}
