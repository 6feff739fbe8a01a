import type { TextEditLike } from '../../server/src/engine';

/** Applies non-overlapping edits (LSP semantics: positions refer to the original text; same-position inserts keep their order). */
export function applyEdits(text: string, edits: readonly TextEditLike[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => offset(a.e.range.start) - offset(b.e.range.start) || a.i - b.i);
  let out = '';
  let last = 0;
  for (const { e } of sorted) {
    out += text.slice(last, offset(e.range.start)) + e.newText;
    last = offset(e.range.end);
  }
  return out + text.slice(last);
}
