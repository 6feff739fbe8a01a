import type { Analysis, Finding, Severity } from '../engine';
import { printable } from './collectFiles';

const SEVERITY_WORD: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'hint',
};

/** `path:line:column severity rule-id message`, one-based, as compilers print it. */
export function formatFinding(path: string, finding: Finding): string {
  const { line, character } = finding.range.start;
  return `${printable(path)}:${line + 1}:${character + 1} ${SEVERITY_WORD[finding.severity]} ${finding.ruleId} ${finding.message}`;
}

/** One summary line per file: completeness and problem count. */
export function formatFileSummary(path: string, analysis: Analysis): string {
  const n = analysis.findings.length;
  return `${printable(path)}: ${analysis.completeness.percent}% complete, ${n} ${n === 1 ? 'problem' : 'problems'}`;
}

/** The closing line: totals by severity. */
export function formatTotals(files: number, findings: readonly Finding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('information'), 'info')}, ${plural(count('hint'), 'hint')}`;
}
