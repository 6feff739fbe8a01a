import { randomUUID } from 'node:crypto';
import type { Finding, Severity } from '../../engine';
import { printableKeepingLineBreaks } from '../escape';
import type { Formatter } from './context';
import { reportTable } from './table';
import { checkedAgainstLine, totalsLine } from './text';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands: one annotation per finding,
 * `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=rule::message` (one-based, end
 * column exclusive; the columns are left out for a range over several lines, which GitHub
 * does not accept), then the thresholds that failed as `::error` annotations, the totals,
 * the templates and configuration files checked against and, with --report, the table, as
 * plain log lines.
 */
export const formatGithub: Formatter = function* (report, { table }) {
  for (const file of report.files) {
    for (const finding of file.findings) yield annotation(file.path, finding);
  }
  for (const failure of report.failures) {
    if (failure.reason === 'errors' || (failure.reason === 'warnings' && report.maxWarnings === undefined)) continue;
    const file = failure.path === undefined ? '' : `file=${escapeProperty(printableKeepingLineBreaks(failure.path))},`;
    yield `::error ${file}title=${escapeProperty(`rfc-lint --${failure.reason === 'warnings' ? 'max-warnings' : 'min-completeness'}`)}::${escapeData(failure.message)}\n`;
  }
  yield totalsLine(report.files.length, report.totals) + '\n';
  if (report.files.length > 0) yield checkedAgainstLine(report.files) + '\n';
  if (table && report.files.length > 0) {
    // The table shows the documents' own text: the runner reads no command in it, whatever
    // it says (GitHub's stop-commands, with a token no document can know).
    const token = randomUUID();
    yield `::stop-commands::${token}\n`;
    yield* reportTable(report.files);
    yield `::${token}::\n`;
  }
};

function annotation(path: string, finding: Finding): string {
  const { start, end } = finding.range;
  const properties = [`file=${escapeProperty(printableKeepingLineBreaks(path))}`, `line=${start.line + 1}`];
  if (start.line === end.line) properties.push(`col=${start.character + 1}`);
  properties.push(`endLine=${end.line + 1}`);
  if (start.line === end.line) properties.push(`endColumn=${end.character + 1}`);
  properties.push(`title=${escapeProperty(finding.ruleId)}`);
  return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(printableKeepingLineBreaks(finding.message))}\n`;
}

/** GitHub's escaping of a command's message: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a command property's value: as a message, and `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
