import { isCalendarDate } from '../calendarDate';
import type { TableRow } from '../chunk';
import { isWholePlaceholder } from '../normalize';
import type { PlaceholderHit } from '../placeholderScan';
import { lineRange } from '../types';
import type { SectionRule } from './rule';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * In the Timeline section (a top-level section whose heading reads "Timeline"), every
 * table's Date column holds real ISO dates in ascending order (equal dates allowed). A cell
 * still holding a placeholder such as `[Date]` is the `placeholder` rule's finding, and a
 * row without a Date cell is the `table-shape` rule's, so both are skipped here.
 */
export const timelineOrderRule: SectionRule = {
  id: 'timeline-order',
  docs: '#timeline-order',
  description: 'Timeline dates that are not YYYY-MM-DD dates, or not in ascending order.',
  defaultSeverity: 'warning',
  scope: 'section',
  check(chunk, _context, report) {
    if (chunk.headings[0]?.normalized !== 'timeline') return;
    const placeholdersByLine = new Map<number, PlaceholderHit[]>();
    for (const p of chunk.placeholders) {
      const list = placeholdersByLine.get(p.line);
      if (list) list.push(p);
      else placeholdersByLine.set(p.line, [p]);
    }
    for (const table of chunk.tables) {
      const column = table.header.findIndex((h) => h.trim().toLowerCase() === 'date');
      if (column < 0) continue;
      let previous: { name: string; date: string } | undefined;
      for (const row of table.rows) {
        const cell = row.cells[column];
        if (!cell) continue;
        const source = chunk.lines[row.line] ?? '';
        const written = source.slice(cell.start, cell.end);
        const hasPlaceholder = placeholdersByLine.get(row.line)?.some((p) => p.start >= cell.start && p.end <= cell.end) ?? false;
        if (hasPlaceholder || isWholePlaceholder(written)) continue;
        const range = lineRange(row.line, cell.start, cell.end);
        const value = cell.text;
        if (value === '') {
          // An empty cell has no text: mark the blank between its pipes.
          let blank = cell.start;
          while (blank > 0 && /\s/.test(source[blank - 1])) blank--;
          report({ range: lineRange(row.line, blank, cell.end), message: `${quote(milestone(row, column))} has no date: write it as YYYY-MM-DD.` });
          continue;
        }
        if (!ISO_DATE.test(value)) {
          report({ range, message: `'${value}' is not a date: write it as YYYY-MM-DD.` });
          continue;
        }
        if (!isCalendarDate(value)) {
          report({ range, message: `'${value}' is not a real date: check the month and day.` });
          continue;
        }
        const name = milestone(row, column);
        if (previous && value < previous.date) {
          report({
            range,
            message: `${quote(name)} on ${value} comes before ${quote(previous.name)} on ${previous.date}: keep the timeline in date order.`,
          });
        }
        previous = { name, date: value };
      }
    }
  },
};

/** The row's name: its first non-empty cell other than the date (the Milestone column). */
function milestone(row: TableRow, dateColumn: number): string {
  return row.cells.find((c, i) => i !== dateColumn && c.text !== '')?.text ?? '';
}

function quote(name: string): string {
  return name === '' ? 'This row' : `'${name}'`;
}
