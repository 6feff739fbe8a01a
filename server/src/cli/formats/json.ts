import type { LintedFile } from '../lint';
import { countsOf } from '../report';
import { nested, type Formatter } from './context';

/** Version of the JSON report's shape (schemas/rfc-lint-report.schema.json); raised on any incompatible change. */
export const JSON_SCHEMA_VERSION = 1;

/**
 * The report as JSON (schemas/rfc-lint-report.schema.json): every checked file with its
 * RFC number, title, status, completeness, template and configuration file, counts and findings (one-based positions, end
 * column exclusive), the totals, the thresholds, why the run failed, and the exit code.
 * Written file by file, indented by two spaces.
 */
export const formatJson: Formatter = function* (report, { version }) {
  yield `{\n  "schemaVersion": ${JSON_SCHEMA_VERSION},\n  "tool": ${nested({ name: 'rfc-lint', version }, 1)},\n  "files": [`;
  let first = true;
  for (const file of report.files) {
    yield `${first ? '' : ','}\n    ${nested(jsonFile(file), 2)}`;
    first = false;
  }
  const rest = {
    totals: { files: report.files.length, ...report.totals },
    thresholds: { maxWarnings: report.maxWarnings ?? null, minCompleteness: report.minCompleteness ?? null },
    failures: report.failures,
    runErrors: report.runErrors,
    exitCode: report.exitCode,
  };
  yield first ? '],' : '\n  ],';
  yield Object.entries(rest)
    .map(([key, value]) => `\n  ${JSON.stringify(key)}: ${nested(value, 1)}`)
    .join(',');
  yield '\n}\n';
};

function jsonFile(file: LintedFile) {
  return {
    path: file.path,
    rfc: file.rfc,
    lifecycle: file.lifecycle,
    completeness: file.completeness,
    template: file.template,
    config: file.config,
    counts: countsOf(file),
    findings: file.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
    })),
  };
}
