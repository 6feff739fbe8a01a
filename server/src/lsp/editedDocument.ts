/**
 * The server's open documents: a TextDocument that applies edits without rebuilding its
 * text on each one.
 *
 * Why not vscode-languageserver-textdocument's own: every incremental change there builds
 * the whole new text (`before + inserted + after`, then read, which flattens it), so each
 * keystroke in a 1 MB RFC copies the megabyte: 1.5 ms per change, and a burst of 1,000
 * changes (a paste-heavy session, a macro, a client replaying edits) held every request for
 * seconds. Here the text is kept as pieces (slices of the last whole text, which V8 shares
 * rather than copies, and the inserted strings) until someone reads it, and the line starts
 * are kept current at each change as that library does. Positions, offsets and line
 * handling follow that library exactly (same clamping, CRLF and end-of-line rules).
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** Beyond this many pieces the text is joined: finding an offset scans the pieces. */
const MAX_PIECES = 512;
/** Inserted pieces shorter than this merge with their neighbour (typing adds one character at a time). */
const SMALL_PIECE = 256;

const CR = 13;
const LF = 10;

export class EditedDocument implements TextDocument {
  /** The text as pieces in order; one piece when nothing is pending. */
  private pieces: string[];
  private length: number;
  /** Where each line starts, kept current at every change. */
  private lineOffsets: number[];

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
  ) {
    this.pieces = [text];
    this.length = text.length;
    this.lineOffsets = lineStarts(text, true, 0);
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lineOffsets.length;
  }

  getText(range?: Range): string {
    const text = this.joined();
    if (!range) return text;
    return text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  offsetAt(position: Position): number {
    const lineOffsets = this.lineOffsets;
    if (position.line >= lineOffsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = lineOffsets[position.line];
    if (position.character <= 0) return lineOffset;
    const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this.length;
    return this.beforeLineBreak(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const lineOffsets = this.lineOffsets;
    let low = 0;
    let high = lineOffsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (lineOffsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeLineBreak(offset, lineOffsets[line]);
    return { line, character: offset - lineOffsets[line] };
  }

  /** The range of a line without its line break (clamped to the document, as the library does). */
  getLineRange(line: number): Range {
    const lineOffsets = this.lineOffsets;
    if (line >= lineOffsets.length) {
      const last = lineOffsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - lineOffsets[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = lineOffsets[line];
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(next, start) - start } };
  }

  /** The line break ending a line (`\n`, `\r\n`, `\r`, or '' for the last line). */
  getEOLCharacters(line: number): string {
    const lineOffsets = this.lineOffsets;
    if (line < 0 || line >= lineOffsets.length) return '';
    const next = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this.length;
    return this.joined().substring(this.beforeLineBreak(next, lineOffsets[line]), next);
  }

  /** Applies changes in order (each range is in the text the previous change left). */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if (!('range' in change) || change.range === undefined) {
        this.pieces = [change.text];
        this.length = change.text.length;
        this.lineOffsets = lineStarts(change.text, true, 0);
        continue;
      }
      const range = wellFormed(change.range);
      const start = this.offsetAt(range.start);
      const end = this.offsetAt(range.end);
      // The lines of the clamped offsets: a position past the last line means the end of
      // the text (the library keeps the raw line there and leaves holes in its line starts).
      const startLine = this.positionAt(start).line;
      const endLine = this.positionAt(end).line;
      this.replace(start, end, change.text);
      const insertedEnd = start + change.text.length;
      if ((this.charCodeAt(start - 1) === CR && this.charCodeAt(start) === LF) || (this.charCodeAt(insertedEnd - 1) === CR && this.charCodeAt(insertedEnd) === LF)) {
        // A CRLF pair across an edit boundary: count the lines again.
        this.lineOffsets = lineStarts(this.joined(), true, 0);
        continue;
      }
      const added = lineStarts(change.text, false, start);
      const lineOffsets = this.lineOffsets;
      if (endLine - startLine === added.length) {
        for (let i = 0; i < added.length; i++) lineOffsets[i + startLine + 1] = added[i];
      } else {
        this.lineOffsets = [...lineOffsets.slice(0, startLine + 1), ...added, ...lineOffsets.slice(endLine + 1)];
      }
      const diff = change.text.length - (end - start);
      if (diff !== 0) {
        const offsets = this.lineOffsets;
        for (let i = startLine + 1 + added.length; i < offsets.length; i++) offsets[i] += diff;
      }
    }
    this.currentVersion = version;
  }

  /** The whole text, joined once after edits. */
  private joined(): string {
    if (this.pieces.length !== 1) this.pieces = [this.pieces.join('')];
    return this.pieces[0];
  }

  private replace(start: number, end: number, text: string): void {
    if (this.pieces.length >= MAX_PIECES) this.joined();
    const out: string[] = [];
    let at = 0;
    let placed = false;
    const push = (piece: string) => {
      if (piece === '') return;
      const last = out.length - 1;
      if (last >= 0 && (piece.length < SMALL_PIECE || out[last].length < SMALL_PIECE) && out[last].length + piece.length < 4 * SMALL_PIECE) out[last] += piece;
      else out.push(piece);
    };
    for (const piece of this.pieces) {
      const pieceEnd = at + piece.length;
      if (pieceEnd <= start || at >= end) {
        if (!placed && at >= end) {
          push(text);
          placed = true;
        }
        push(piece);
      } else {
        // The edit cuts this piece: keep what lies before and after it.
        if (start > at) push(piece.slice(0, start - at));
        if (!placed) {
          push(text);
          placed = true;
        }
        if (end < pieceEnd) push(piece.slice(end - at));
      }
      at = pieceEnd;
    }
    if (!placed) push(text);
    this.pieces = out.length > 0 ? out : [''];
    this.length += text.length - (end - start);
  }

  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    let at = 0;
    for (const piece of this.pieces) {
      if (offset < at + piece.length) return piece.charCodeAt(offset - at);
      at += piece.length;
    }
    return NaN;
  }

  private beforeLineBreak(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** TextDocuments' configuration: documents are EditedDocuments. */
export const editedDocuments = {
  create: (uri: string, languageId: string, version: number, content: string): EditedDocument => new EditedDocument(uri, languageId, version, content),
  update: (document: EditedDocument, changes: TextDocumentContentChangeEvent[], version: number): EditedDocument => {
    document.update(changes, version);
    return document;
  },
};

function lineStarts(text: string, atLineStart: boolean, textOffset: number): number[] {
  const result = atLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isLineBreak(ch)) {
      if (ch === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      result.push(textOffset + i + 1);
    }
  }
  return result;
}

function isLineBreak(ch: number): boolean {
  return ch === CR || ch === LF;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}
