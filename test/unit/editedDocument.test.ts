import * as assert from 'node:assert/strict';
import { TextDocument, type Position, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { EditedDocument } from '../../server/src/lsp/editedDocument';

/** A small deterministic generator: the same edits on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const PIECES = ['x', 'yy', '\n', '\r\n', '\r', 'word ', '## Heading\n', 'é→😀', '', 'line one\r\nline two\n'];

describe('EditedDocument (the server\'s open documents)', () => {
  it('answers exactly as vscode-languageserver-textdocument after thousands of random edits', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const start = 'Title\r\n\nSome text\nmore\r\n' + 'paragraph line\n'.repeat(200);
      let reference = TextDocument.create('file:///a.md', 'markdown', 1, start);
      const edited = new EditedDocument('file:///a.md', 'markdown', 1, start);
      const at = (): Position => {
        // Positions past the end of a line are clamped by both. (Lines past the last one
        // leave holes in the library's line starts; see the next test.)
        const line = Math.floor(next() * reference.lineCount);
        return { line, character: Math.floor(next() * 30) };
      };
      for (let version = 2; version < 1500; version++) {
        const changes: TextDocumentContentChangeEvent[] = [];
        for (let n = 1 + Math.floor(next() * 3); n > 0; n--) {
          // Typing at one place most of the time, as people do; now and then anywhere, or all of it.
          const text = PIECES[Math.floor(next() * PIECES.length)];
          const roll = next();
          const change = roll < 0.002 ? { text: text + start } : { range: { start: at(), end: at() }, text };
          // Each change's positions are in the text the previous one left.
          reference = TextDocument.update(reference, [change], version);
          changes.push(change);
        }
        edited.update(changes, version);
        if (version % 50 === 0 || next() < 0.05) {
          const label = `seed ${seed}, version ${version}`;
          assert.equal(edited.getText(), reference.getText(), label);
          assert.equal(edited.lineCount, reference.lineCount, label);
          assert.equal(edited.version, reference.version, label);
          for (let k = 0; k < 20; k++) {
            const position = at();
            assert.equal(edited.offsetAt(position), reference.offsetAt(position), `${label}: offsetAt ${JSON.stringify(position)}`);
            const offset = Math.floor(next() * (reference.getText().length + 4)) - 2;
            assert.deepEqual(edited.positionAt(offset), reference.positionAt(offset), `${label}: positionAt ${offset}`);
            const range = { start: at(), end: at() };
            assert.equal(edited.getText(range), reference.getText(range), `${label}: getText ${JSON.stringify(range)}`);
            assert.deepEqual(edited.getLineRange(position.line), reference.getLineRange(position.line), `${label}: getLineRange ${position.line}`);
            assert.equal(edited.getEOLCharacters(position.line), reference.getEOLCharacters(position.line), `${label}: getEOLCharacters ${position.line}`);
          }
        }
      }
      assert.equal(edited.getText(), reference.getText());
    }
  });

  it('takes a position past the last line as the end of the text', () => {
    const document = new EditedDocument('file:///a.md', 'markdown', 1, 'one\ntwo');
    document.update([{ range: { start: { line: 7, character: 3 }, end: { line: 9, character: 0 } }, text: '\nthree\n' }], 2);
    assert.equal(document.getText(), 'one\ntwo\nthree\n');
    assert.equal(document.lineCount, 4);
    assert.deepEqual([0, 1, 2, 3].map((line) => document.offsetAt({ line, character: 0 })), [0, 4, 8, 14]);
    document.update([{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'zero\n' }], 3);
    assert.equal(document.getText(), 'zero\none\ntwo\nthree\n');
    assert.equal(document.lineCount, 5);
  });

  it('keeps a burst of typing in a large document as pieces until the text is read', () => {
    const big = 'filled text\n'.repeat(100_000);
    const document = new EditedDocument('file:///big.md', 'markdown', 1, big);
    for (let i = 0; i < 1000; i++) document.update([{ range: { start: { line: 500, character: i }, end: { line: 500, character: i } }, text: 'y' }], i + 2);
    assert.equal(document.version, 1001);
    assert.equal(document.lineCount, 100_001);
    const text = document.getText();
    assert.equal(text.length, big.length + 1000);
    assert.equal(text.slice(500 * 12, 500 * 12 + 1002), 'y'.repeat(1000) + 'fi');
    assert.deepEqual(document.positionAt(500 * 12 + 1000), { line: 500, character: 1000 });
  });
});
