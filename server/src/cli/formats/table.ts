import type { LintedFile } from '../lint';
import { notACommand, printable } from '../escape';

const MAX_TITLE = 48;
const MAX_CELL = 24;

/**
 * The --report table: one row per RFC with its number, title, status, completeness and
 * problem count, columns aligned, `-` where the RFC does not say. Lines end in `\n`.
 */
export function reportTable(files: readonly LintedFile[]): string[] {
  const rows = files.map((f) => [
    // A row starts with the RFC's number, the document's own text: never a runner command.
    notACommand(cell(f.rfc.number, MAX_CELL)),
    cell(f.rfc.title, MAX_TITLE),
    cell(f.rfc.status, MAX_CELL),
    `${f.completeness}%`,
    String(f.findings.length),
    printable(f.path),
  ]);
  const header = ['RFC', 'Title', 'Status', 'Complete', 'Problems', 'File'];
  const rightAligned = [false, false, false, true, true, false];
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i].length), h.length));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : rightAligned[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ') + '\n';
  return [line(header), ...rows.map(line)];
}

function cell(value: string | null, max: number): string {
  if (value === null) return '-';
  const text = printable(value.replace(/\s+/g, ' '));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
