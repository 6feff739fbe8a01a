import { parseMarkdown, type Token } from './markdown';
import { ChunkReader } from './chunkReader';
import type { ChunkParseOptions, ParsedChunk } from './chunkTypes';

export type * from './chunkTypes';
export { isMetadataSetext, normalizeCode, splitLines, splitTableRow } from './chunkBlocks';

/* Parses one top-level section of a document (a chunk) from markdown-it's tokens (chunkReader.ts reads them). */

/** Parses one chunk of markdown. Line numbers in the result are relative to the chunk. */
export function parseChunk(text: string, options: ChunkParseOptions): ParsedChunk {
  const env: { references?: Record<string, unknown> } = {};
  return chunkFromTokens(text, parseMarkdown(text, env), env, options);
}

/** Reads one chunk from its parsed tokens (maps relative to the chunk) and their environment. */
export function chunkFromTokens(text: string, tokens: Token[], env: { references?: Record<string, unknown> }, options: ChunkParseOptions): ParsedChunk {
  return new ChunkReader(text, tokens, env, options).read();
}
