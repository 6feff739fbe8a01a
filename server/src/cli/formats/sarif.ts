import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, type Finding, type Severity } from '../../engine';
import { checkedAgainst } from '../report';
import { nested, type Formatter } from './context';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * SARIF 2.1.0 for code-scanning services: one run whose tool.driver lists every rule (id
 * and its description), and one result per finding with its level and a location
 * relative to the current folder (one-based region, end column exclusive, UTF-16 columns).
 * Unreadable files and unusable settings become tool execution notifications. Which
 * template and .rfcrc.json each file was checked against: in each artifact's properties,
 * and grouped in the run's properties (`rfcLint.checkedAgainst`; null: built-in, none).
 */
export const formatSarif: Formatter = function* (report, { version }) {
  const rules = allRules.map((r) => ({ id: r.id, shortDescription: { text: r.description }, help: { text: `See README.md, section ${r.docs}.` } }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const driver = { name: 'rfc-lint', version, rules };
  const invocation: Record<string, unknown> = { executionSuccessful: report.runErrors.length === 0 };
  if (report.runErrors.length > 0) {
    invocation.toolExecutionNotifications = report.runErrors.map((text) => ({ level: 'error', message: { text } }));
  }
  yield '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n';
  yield `      "tool": {\n        "driver": ${nested(driver, 4)}\n      },\n`;
  yield `      "invocations": [\n        ${nested(invocation, 4)}\n      ],\n`;
  const artifacts = report.files.map((file) => ({ location: { uri: artifactUri(file.path) }, properties: { template: file.template, config: file.config } }));
  yield `      "properties": ${nested({ 'rfcLint.checkedAgainst': checkedAgainst(report.files) }, 3)},\n`;
  yield `      "artifacts": ${nested(artifacts, 3)},\n`;
  yield '      "columnKind": "utf16CodeUnits",\n      "results": [';
  let first = true;
  for (const file of report.files) {
    const uri = artifactUri(file.path);
    for (const finding of file.findings) {
      yield `${first ? '' : ','}\n        ${nested(result(finding, uri, ruleIndex.get(finding.ruleId)), 4)}`;
      first = false;
    }
  }
  yield `${first ? '' : '\n      '}]\n    }\n  ]\n}\n`;
};

function result(finding: Finding, uri: string, ruleIndex: number | undefined) {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ],
  };
}

/**
 * The artifact's URI: relative to the current folder, `/`-separated and percent-encoded;
 * a `file:` URI for a file outside it; `<stdin>` encoded as a relative reference.
 */
export function artifactUri(shown: string): string {
  if (path.isAbsolute(shown)) return pathToFileURL(shown).href;
  return shown.split('/').map(encodeURIComponent).join('/');
}
