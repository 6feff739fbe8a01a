import { lineRange } from '../types';
import type { SectionRule } from './rule';

/**
 * A table body row with more or fewer cells than the header row. markdown-it renders such a
 * row anyway, dropping the extra cells and adding empty ones, so the table silently loses
 * or shifts content. Cells are counted on the source line the way markdown-it splits it:
 * outer pipes optional, `\|` is not a separator, and a `|` inside a code span is one.
 */
export const tableShapeRule: SectionRule = {
  id: 'table-shape',
  docs: '#table-shape',
  description: "A table row with a different number of cells than the table's header.",
  defaultSeverity: 'warning',
  scope: 'section',
  check(chunk, _context, report) {
    for (const table of chunk.tables) {
      const width = table.header.length;
      for (const row of table.rows) {
        const count = row.cells.length;
        if (count === width) continue;
        const source = chunk.lines[row.line] ?? '';
        // The row's text, after the markers of a quote holding the table.
        const start = textStart(source);
        const range = lineRange(row.line, start, Math.max(start, source.trimEnd().length));
        if (count === 1 && !/(?:^|[^\\])\|/.test(source)) {
          // No pipe at all: a line written right under the table, which markdown-it takes as a row.
          report({
            range,
            message: `This line has no | but continues the table above as a row of 1 cell; the table's header has ${width}. Leave a blank line after the table, or write the line as a row.`,
          });
          continue;
        }
        // A pipe inside a code span still splits the row; only `\|` does not.
        const hint = count > width && pipeInCode(source) ? ' A | inside code splits the row too: write it as \\|.' : '';
        report({
          range,
          message: `This row has ${cells(count)}; the table's header has ${width}. Add or remove cells so every row matches.${hint}`,
        });
      }
    }
  },
};

/** Where a row's text starts: after its indentation and the markers of quotes holding the table. */
function textStart(source: string): number {
  let at = 0;
  for (let k = 0; k < source.length; k++) {
    const c = source[k];
    if (c === '>') at = k + 1;
    else if (c !== ' ' && c !== '\t') break;
  }
  while (at < source.length && (source[at] === ' ' || source[at] === '\t')) at++;
  return at;
}

/** A `|` between two backticks: inside a code span, where it still splits the row. */
function pipeInCode(source: string): boolean {
  const parts = source.split('`');
  for (let k = 1; k < parts.length - 1; k += 2) if (parts[k].includes('|')) return true;
  return false;
}

function cells(n: number): string {
  return n === 1 ? '1 cell' : `${n} cells`;
}
