import * as assert from 'node:assert/strict';
import { analyzeDocument, type Finding } from '../../server/src/engine';
import { parseChunk, splitTableRow } from '../../server/src/engine/chunk';
import { NO_PLACEHOLDERS } from '../../server/src/engine/placeholderPolicy';
import { parseMarkdown } from '../../server/src/engine/markdown';
import { defaultTemplate, defaultTemplateText } from '../support/engine';
import { random } from '../support/random';

function findings(text: string): Finding[] {
  return analyzeDocument(text, defaultTemplate()).findings.filter((f) => f.ruleId === 'table-shape');
}

function table(...rows: string[]): string {
  return ['## Detailed Design', '', '| A | B | C |', '|---|---|---|', ...rows, ''].join('\n');
}

/** Cell texts of a source line, as split. */
function split(line: string, quoteDepth = 0): string[] {
  return splitTableRow(line, quoteDepth).map((c) => line.slice(c.start, c.end));
}

describe('table-shape', () => {
  it('reports a short and a long row with both counts, on the whole row', () => {
    assert.deepEqual(findings(table('| 1 | 2 |', '| 1 | 2 | 3 | 4 |', '| 1 | 2 | 3 |')), [
      {
        ruleId: 'table-shape',
        severity: 'warning',
        message: "This row has 2 cells; the table's header has 3. Add or remove cells so every row matches.",
        range: { start: { line: 4, character: 0 }, end: { line: 4, character: 9 } },
      },
      {
        ruleId: 'table-shape',
        severity: 'warning',
        message: "This row has 4 cells; the table's header has 3. Add or remove cells so every row matches.",
        range: { start: { line: 5, character: 0 }, end: { line: 5, character: 17 } },
      },
    ]);
  });

  it('counts cells as markdown-it splits them', () => {
    assert.deepEqual(findings(table('1 | 2 | 3', '| 1 | 2 | 3', '1 | 2 | 3 |', '|1|2|3|', '| a \\| b | 2 | 3 |', '|  | 2 | 3 |')), []);
    assert.deepEqual(findings(table('| a \\\\| b | 2 | 3 |')), [], 'a backslash before | escapes it, as markdown-it reads it');
    const [code] = findings(table('| `a|b` | 2 | 3 |'));
    assert.equal(
      code.message,
      "This row has 4 cells; the table's header has 3. Add or remove cells so every row matches. A | inside code splits the row too: write it as \\|.",
    );
  });

  it('agrees with the rendered table on every row it accepts', () => {
    const rows = ['| 1 | 2 | 3 |', '1|2|3', '| `x|y` | z |', '| p \\| q | r | s |', '|  |  |  |', '| a | b | c | d |', 'text'];
    const chunk = parseChunk(table(...rows), { placeholders: NO_PLACEHOLDERS });
    const [t] = chunk.tables;
    assert.deepEqual(t.header, ['A', 'B', 'C']);
    assert.deepEqual(
      t.rows.map((r) => r.cells.length),
      [3, 3, 3, 3, 3, 4, 1],
    );
    assert.deepEqual(
      t.rows.map((r) => r.cells.map((c) => c.text)),
      [['1', '2', '3'], ['1', '2', '3'], ['`x', 'y`', 'z'], ['p | q', 'r', 's'], ['', '', ''], ['a', 'b', 'c', ''], ['text']],
    );
  });

  it('explains a line written right under a table', () => {
    const [f] = findings(table('| 1 | 2 | 3 |', 'Some text after the table.'));
    assert.equal(
      f.message,
      "This line has no | but continues the table above as a row of 1 cell; the table's header has 3. Leave a blank line after the table, or write the line as a row.",
    );
    assert.deepEqual(f.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 26 } });
  });

  it('counts rows in quotes and list items from their text', () => {
    const quoted = ['## Detailed Design', '', '> > | A | B |', '> > |---|---|', '> > | 1 |', '> >| 1 | 2 |', ''].join('\n');
    const [f] = findings(quoted);
    assert.deepEqual(f.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 9 } });
    assert.equal(findings(quoted).length, 1);
    const listed = ['## Detailed Design', '', '- | A | B |', '  |---|---|', '  | 1 | 2 |', '  | 1 |', ''].join('\n');
    assert.deepEqual(
      findings(listed).map((x) => x.range.start),
      [{ line: 5, character: 2 }],
    );
  });

  it('splits source lines like markdown-it', () => {
    assert.deepEqual(split('| a | b |'), ['a', 'b']);
    assert.deepEqual(split('a|b'), ['a', 'b']);
    assert.deepEqual(split('| a | b'), ['a', 'b']);
    assert.deepEqual(split('|a|'), ['a']);
    assert.deepEqual(split('| | b |'), ['', 'b']);
    assert.deepEqual(split('|'), []);
    assert.deepEqual(split('| a \\| b |'), ['a \\| b']);
    assert.deepEqual(split('  > | a | b |  ', 1), ['a', 'b']);
    assert.deepEqual(split('> | a |'), ['> ', 'a'].map((s) => s.trim()));
  });

  it('counts as many cells as markdown-it finds in the same line as a header (generated input)', () => {
    const next = random(42);
    const alphabet = ['|', '|', '|', '\\', '`', ' ', 'a', 'b', '\t', '*'];
    let tables = 0;
    for (let n = 0; n < 3000; n++) {
      let line = '';
      for (let k = 1 + Math.floor(next() * 14); k > 0; k--) line += alphabet[Math.floor(next() * alphabet.length)];
      if (line.trim() === '' || !line.includes('|')) continue;
      // markdown-it takes the line as a header only with a delimiter row of as many cells.
      for (let width = 1; width <= 10; width++) {
        const tokens = parseMarkdown(`${line}\n${'|---'.repeat(width)}|\n`);
        if (tokens[0]?.type !== 'table_open') continue;
        assert.equal(splitTableRow(line).length, width, JSON.stringify(line));
        tables++;
      }
    }
    assert.ok(tables > 500, `${tables}`);
  });

  it('does not report the untouched template', () => {
    assert.deepEqual(findings(defaultTemplateText()), []);
  });
});
