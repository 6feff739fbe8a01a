/**
 * A whole document's block structure parsed once, then split into its chunks, each of which
 * gets its inline phase alone: the same tokens as parsing each chunk's text from scratch
 * (what an edit does), at the cost of one block parse instead of two (one to find the
 * chunk boundaries, one per chunk).
 *
 * Reference definitions are the one thing a whole-document parse shares across chunks:
 * each chunk's inline phase sees only the definitions written in that chunk, first one
 * of a label winning, as a parse of its text alone would.
 */
import { blockParser, runInlinePhase, type Token } from './markdown';

/** A reference definition met by the block parse, with its line. */
export interface Definition {
  line: number;
  label: string;
  value: unknown;
}

/** What the block parse left: its tokens and every reference definition, in order. */
export interface BlockParse {
  tokens: Token[];
  definitions: Definition[];
}

export function parseDocumentBlocks(text: string): BlockParse {
  const definitions: Definition[] = [];
  const tokens = blockParser.parse(text, { definitions });
  return { tokens, definitions };
}

/**
 * The tokens of the chunk spanning lines [startLine, endLine), with maps relative to its
 * start and inline children, and the environment a parse of its text alone would have.
 */
export function chunkTokens(parse: BlockParse, first: number, last: number, startLine: number, endLine: number): { tokens: Token[]; env: { references?: Record<string, unknown> } } {
  const tokens = parse.tokens.slice(first, last);
  for (const token of tokens) {
    if (token.map) token.map = [token.map[0] - startLine, token.map[1] - startLine];
  }
  const env: { references?: Record<string, unknown> } = {};
  for (const d of parse.definitions) {
    if (d.line < startLine || d.line >= endLine) continue;
    env.references ??= {};
    if (!(d.label in env.references)) env.references[d.label] = d.value;
  }
  runInlinePhase(tokens, env);
  return { tokens, env };
}
