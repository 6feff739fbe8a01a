/**
 * The outcome of a run: the checked files, totals, which thresholds failed, and the exit
 * code. Every output format renders this one object.
 */
import type { Severity } from '../engine';
import type { LintedFile } from './lint';

export type Counts = Record<Severity, number>;

/** Why a run fails with exit code 1. */
export interface Failure {
  reason: 'errors' | 'warnings' | 'min-completeness';
  message: string;
  /** The RFC below --min-completeness. */
  path?: string;
}

export interface LintReport {
  files: LintedFile[];
  totals: Counts;
  maxWarnings?: number;
  minCompleteness?: number;
  failures: Failure[];
  /** Unreadable files, an unusable .rfcrc.json or template: each a message (exit code 2). */
  runErrors: string[];
  exitCode: 0 | 1 | 2;
}

export interface Thresholds {
  maxWarnings?: number;
  minCompleteness?: number;
}

/** Totals and thresholds. Errors always fail; warnings fail past --max-warnings (default 0). */
export function buildReport(files: LintedFile[], runErrors: string[], thresholds: Thresholds): LintReport {
  const totals = zeroCounts();
  for (const file of files) for (const f of file.findings) totals[f.severity]++;
  const failures: Failure[] = [];
  if (totals.error > 0) failures.push({ reason: 'errors', message: plural(totals.error, 'error') });
  const allowed = thresholds.maxWarnings ?? 0;
  if (totals.warning > allowed) {
    const over = thresholds.maxWarnings === undefined ? '' : `, more than --max-warnings ${thresholds.maxWarnings} allows`;
    failures.push({ reason: 'warnings', message: `${plural(totals.warning, 'warning')}${over}` });
  }
  if (thresholds.minCompleteness !== undefined) {
    for (const file of files) {
      if (file.completeness >= thresholds.minCompleteness) continue;
      failures.push({
        reason: 'min-completeness',
        message: `${file.completeness}% complete, below --min-completeness ${thresholds.minCompleteness}%`,
        path: file.path,
      });
    }
  }
  const exitCode = runErrors.length > 0 ? 2 : failures.length > 0 ? 1 : 0;
  return { files, totals, maxWarnings: thresholds.maxWarnings, minCompleteness: thresholds.minCompleteness, failures, runErrors, exitCode };
}

/** Files checked against one template with one configuration file (null: built-in, none). */
export interface CheckedAgainst {
  template: string | null;
  config: string | null;
  files: number;
}

/** The templates and configuration files the files were checked against, in the order first met. */
export function checkedAgainst(files: readonly LintedFile[]): CheckedAgainst[] {
  const groups = new Map<string, CheckedAgainst>();
  for (const file of files) {
    const key = JSON.stringify([file.template, file.config]);
    const group = groups.get(key);
    if (group) group.files++;
    else groups.set(key, { template: file.template, config: file.config, files: 1 });
  }
  return [...groups.values()];
}

export function countsOf(file: LintedFile): Counts {
  const counts = zeroCounts();
  for (const f of file.findings) counts[f.severity]++;
  return counts;
}

function zeroCounts(): Counts {
  return { error: 0, warning: 0, information: 0, hint: 0 };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
