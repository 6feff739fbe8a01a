import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_HOME, type Finding } from '../../engine';
import { FINGERPRINT_KEY, fingerprintsOf } from '../fingerprint';
import { checkedAgainst } from '../report';
import { nested, type Formatter } from './context';
import { SARIF_LEVEL, sarifRules } from './sarifRules';

/**
 * SARIF 2.1.0 for code-scanning services: one run whose tool.driver lists every rule (see
 * sarifRules.ts), and one result per finding with its rule's index, its level, a location
 * relative to the current folder (one-based region, end column exclusive, UTF-16 columns)
 * and a fingerprint that survives edits elsewhere in the file (see fingerprint.ts).
 * Unreadable files and unusable settings become tool execution notifications. Which
 * template and .rfcrc.json each file was checked against: in each artifact's properties,
 * and grouped in the run's properties (`rfcLint.checkedAgainst`; null: built-in, none).
 */
export const formatSarif: Formatter = function* (report, { version }) {
  const rules = sarifRules();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const driver = { name: 'rfc-lint', version, semanticVersion: version, informationUri: PROJECT_HOME, rules };
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
    const fingerprints = fingerprintsOf(uri, file.findings, file.lineKeys);
    for (const [i, finding] of file.findings.entries()) {
      yield `${first ? '' : ','}\n        ${nested(result(finding, uri, ruleIndex.get(finding.ruleId), fingerprints[i]), 4)}`;
      first = false;
    }
  }
  yield `${first ? '' : '\n      '}]\n    }\n  ]\n}\n`;
};

function result(finding: Finding, uri: string, ruleIndex: number | undefined, fingerprint: string) {
  const { start, end } = finding.range;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
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
