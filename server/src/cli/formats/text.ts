import type { Finding, Severity } from '../../engine';
import { notACommand, printable } from '../escape';
import { checkedAgainst, plural, type Counts } from '../report';
import type { LintedFile } from '../lint';
import type { Formatter } from './context';
import { reportTable } from './table';

/** The word printed for each severity, as compilers print them. */
export const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

const ANSI = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1 } as const;
const SEVERITY_COLOR: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'gray' };

/**
 * For people: `path:line:column severity rule message` per finding (one-based, as
 * compilers print them), then one line per file (completeness and problem count) or, with
 * --report, the table of every RFC, then the totals and the templates and configuration
 * files the files were checked against.
 */
export const formatText: Formatter = function* (report, { color, table }) {
  const paint = (style: keyof typeof ANSI, text: string) => (color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  for (const file of report.files) {
    const path = printable(file.path);
    for (const finding of file.findings) yield notACommand(findingLine(path, finding, paint));
  }
  if (report.files.length > 0) yield '\n';
  if (table) {
    if (report.files.length > 0) yield* reportTable(report.files);
  } else {
    for (const file of report.files) {
      yield notACommand(`${printable(file.path)}: ${file.completeness}% complete, ${plural(file.findings.length, 'problem')}\n`);
    }
  }
  yield paint('bold', totalsLine(report.files.length, report.totals)) + '\n';
  if (report.files.length > 0) yield checkedAgainstLine(report.files) + '\n';
};

/**
 * `Checked against template docs/rfcs/template.md, config docs/rfcs/.rfcrc.json`; per group,
 * with its file count, when the files followed different ones (`template (built-in)`,
 * `config none`).
 */
export function checkedAgainstLine(files: readonly LintedFile[]): string {
  const groups = checkedAgainst(files);
  const describe = (g: { template: string | null; config: string | null }) =>
    `template ${g.template === null ? '(built-in)' : printable(g.template)}, config ${g.config === null ? 'none' : printable(g.config)}`;
  if (groups.length === 1) return `Checked against ${describe(groups[0])}`;
  return `Checked against ${groups.map((g) => `${describe(g)} (${plural(g.files, 'file')})`).join('; ')}`;
}

function findingLine(path: string, finding: Finding, paint: (style: keyof typeof ANSI, text: string) => string): string {
  const { line, character } = finding.range.start;
  const severity = paint(SEVERITY_COLOR[finding.severity], SEVERITY_WORD[finding.severity]);
  return `${path}:${line + 1}:${character + 1} ${severity} ${paint('gray', finding.ruleId)} ${printable(finding.message)}\n`;
}

/** `3 files checked: 0 errors, 2 warnings, 1 info, 0 hints` */
export function totalsLine(files: number, totals: Counts): string {
  return `${plural(files, 'file')} checked: ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${plural(totals.information, 'info')}, ${plural(totals.hint, 'hint')}`;
}
