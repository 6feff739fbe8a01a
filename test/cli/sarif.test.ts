import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { allRules, PROJECT_HOME } from '../../server/src/engine';
import { repoRoot } from '../support/paths';
import { PROJECT, PROJECT_FINDINGS, rfcLint, Scratch, TEMPLATE } from './run';

const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const schemaDir = path.join(repoRoot, 'test/fixtures/sarif');

/**
 * The SARIF 2.1.0 schema kept in test/fixtures/sarif (its README says where it comes from),
 * compiled by plain ajv with its formats: no network, no schema package at test time.
 */
function sarifValidator() {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(schemaDir, 'sarif-2.1.0.json'), 'utf8')));
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string; enabled?: boolean };
}

function runOf(stdout: string) {
  const log = JSON.parse(stdout) as { runs: { tool: { driver: { rules: SarifRule[] } }; results: SarifResult[] }[] };
  return log.runs[0];
}

const LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

describe('rfc-lint --format sarif', () => {
  const scratch = new Scratch();
  after(() => scratch.remove());

  it('writes SARIF 2.1.0, valid against the SARIF 2.1.0 schema', () => {
    const run = rfcLint(['--format', 'sarif'], scratch.folder(PROJECT));
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    const log = JSON.parse(run.stdout);
    assert.equal(run.stdout, JSON.stringify(log, null, 2) + '\n', 'two-space indents, a final line break');
    const validate = sarifValidator();
    assert.ok(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors));
    // Rules and fingerprints have tests of their own below; the rest is compared whole.
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.rules.length, allRules.length);
    driver.rules = [];
    for (const result of log.runs[0].results) {
      assert.match(result.partialFingerprints['rfcLint/v1'], /^[0-9a-f]{32}:[1-9]\d*$/);
      delete result.partialFingerprints;
    }
    assert.deepEqual(log, {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'rfc-lint', version, semanticVersion: version, informationUri: PROJECT_HOME, rules: [] } },
          invocations: [{ executionSuccessful: true }],
          properties: { 'rfcLint.checkedAgainst': [{ template: '.rfc/template.md', config: null, files: 3 }] },
          artifacts: ['rfcs/2026-001-queues.md', 'rfcs/2026-002-retries.md', 'rfcs/2026-003-limits.md'].map((uri) => ({
            location: { uri },
            properties: { template: '.rfc/template.md', config: null },
          })),
          columnKind: 'utf16CodeUnits',
          results: PROJECT_FINDINGS.map(([uri, ruleId, severity, text, startLine, startColumn, endLine, endColumn]) => ({
            ruleId,
            ruleIndex: allRules.findIndex((r) => r.id === ruleId),
            level: LEVEL[severity],
            message: { text },
            locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine, startColumn, endLine, endColumn } } }],
          })),
        },
      ],
    });
  });

  it("describes every rule: summary, full description, help and its link, default level; each result's ruleIndex names its rule", () => {
    const { tool, results } = runOf(rfcLint(['--format', 'sarif'], scratch.folder(PROJECT)).stdout);
    const rules = tool.driver.rules;
    assert.deepEqual(
      rules.map((r) => r.id),
      allRules.map((r) => r.id),
    );
    for (const [i, rule] of allRules.entries()) {
      const described = rules[i];
      const helpUri = `${PROJECT_HOME}#${rule.id}`;
      assert.deepEqual(Object.keys(described), ['id', 'shortDescription', 'fullDescription', 'helpUri', 'help', 'defaultConfiguration'], rule.id);
      assert.equal(described.shortDescription.text, rule.description);
      assert.ok(described.fullDescription.text.startsWith(`${rule.description} Default severity: ${rule.defaultSeverity}.`), described.fullDescription.text);
      assert.equal(described.helpUri, helpUri);
      assert.equal(described.help.text, `${rule.description} Documentation: ${helpUri}`);
      assert.ok(described.help.markdown.endsWith(`(${helpUri})`), described.help.markdown);
      assert.deepEqual(described.defaultConfiguration, { level: LEVEL[rule.defaultSeverity], ...(rule.offByDefault ? { enabled: false } : {}) });
    }
    const placeholder = rules.find((r) => r.id === 'placeholder');
    assert.equal(
      placeholder?.fullDescription.text,
      `${allRules.find((r) => r.id === 'placeholder')?.description} Default severity: warning. By the RFC's Status (setting auto): Draft: information; Under Review: warning; Approved: error; Implemented: error.`,
    );
    assert.ok(results.length > 0);
    for (const result of results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
  });

  describe('partialFingerprints', () => {
    const body = (summary: string, design: string) =>
      `# RFC: Queues\n\n**RFC Number**: 2026-001\n**Status**: Draft\n\n## Summary\n${summary}\n\n## Design\n${design}\n`;
    const original = body('[One paragraph on what and why]', '[How it works]\n\nMore to come.\n\n[How it works]');

    /** The SARIF results of one RFC: line, rule, message and fingerprint of each. */
    function fingerprints(text: string) {
      const folder = scratch.folder({ '.rfc/template.md': TEMPLATE, 'rfcs/2026-001-queues.md': text });
      const run = rfcLint(['--format', 'sarif'], folder);
      assert.equal(run.stderr, '');
      return runOf(run.stdout).results.map((r) => ({
        line: r.locations[0].physicalLocation.region.startLine,
        what: `${r.ruleId} ${r.message.text}`,
        fingerprint: r.partialFingerprints['rfcLint/v1'],
      }));
    }

    it('stay the same when lines are added above the finding, and tell identical findings apart by order', () => {
      const before = fingerprints(original);
      assert.deepEqual(
        before.map((f) => `${f.line} ${f.what}`),
        [
          "7 placeholder Unfilled placeholder [One paragraph on what and why]: replace it with this RFC's own text.",
          "10 placeholder Unfilled placeholder [How it works]: replace it with this RFC's own text.",
          "14 placeholder Unfilled placeholder [How it works]: replace it with this RFC's own text.",
        ],
      );
      assert.equal(new Set(before.map((f) => f.fingerprint)).size, 3, 'the two [How it works] findings differ');
      assert.equal(before[1].fingerprint.replace(/:1$/, ':2'), before[2].fingerprint, 'one line hash, two occurrences');

      const moved = fingerprints(
        body('Queues carry work between services.\n\nThey buffer bursts.\n\n  [One paragraph on what and why]  ', 'Written later.\n\n[How it works]\n\nMore to come.\n\n[How it works]'),
      );
      assert.deepEqual(
        moved.map((f) => f.line),
        [11, 16, 20],
        'every finding moved down',
      );
      assert.deepEqual(
        moved.map((f) => [f.what, f.fingerprint]),
        before.map((f) => [f.what, f.fingerprint]),
      );
    });

    it('change when the finding changes: its line, its message, or its file', () => {
      const before = fingerprints(original);
      const lineChanged = fingerprints(body('[One paragraph on what and why] and more', '[How it works]\n\nMore to come.\n\n[How it works]'));
      assert.equal(lineChanged[0].what, before[0].what, 'the same message');
      assert.notEqual(lineChanged[0].fingerprint, before[0].fingerprint);
      assert.deepEqual(lineChanged.slice(1), before.slice(1), 'the other findings keep theirs');

      const otherMessage = fingerprints(body('[One paragraph on what and why]', '[How it works]\n\nMore to come.\n\n[One paragraph on what and why]'));
      assert.notEqual(otherMessage[2].what, before[2].what);
      assert.deepEqual(otherMessage.slice(0, 2), before.slice(0, 2));
      assert.ok(!before.some((f) => f.fingerprint === otherMessage[2].fingerprint));

      const folder = scratch.folder({ '.rfc/template.md': TEMPLATE, 'rfcs/2026-001-queues.md': original, 'rfcs/2026-002-queues.md': original.replace('2026-001', '2026-002') });
      const results = runOf(rfcLint(['--format', 'sarif'], folder).stdout).results;
      const [inFirst, inSecond] = ['rfcs/2026-001-queues.md', 'rfcs/2026-002-queues.md'].map((uri) =>
        results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === uri).map((r) => r.partialFingerprints['rfcLint/v1']),
      );
      assert.deepEqual(inFirst, before.map((f) => f.fingerprint));
      assert.equal(inSecond.length, 3);
      assert.equal(inSecond.filter((f) => inFirst.includes(f)).length, 0, 'the same finding in another file is another alert');
    });
  });

  it('paths outside the current folder are file: URIs, odd names are encoded, read errors are notifications', () => {
    const outside = scratch.folder({ '2026-001 a,b#c.md': '# RFC: A\n\n**RFC Number**: 2026-001\n' });
    const folder = scratch.folder({ '.rfc/template.md': PROJECT['.rfc/template.md'], 'rfcs/100% done.md': '# RFC: Done\n', 'rfcs/bin.md': '\u0000' });
    const run = rfcLint(['-f', 'sarif', 'rfcs', path.join(outside, '2026-001 a,b#c.md')], folder);
    assert.equal(run.code, 2);
    const log = JSON.parse(run.stdout);
    const uris = new Set(log.runs[0].results.map((r: SarifResult) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['rfcs/100%25%20done.md', `file://${outside.split(path.sep).map(encodeURIComponent).join('/')}/2026-001%20a,b%23c.md`]);
    assert.deepEqual(log.runs[0].invocations, [
      { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: "'rfcs/bin.md' is not a text file; not checked" } }] },
    ]);
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors));
  });

  it('validates against the schema file its README names, unchanged', () => {
    const readme = readFileSync(path.join(schemaDir, 'README.md'), 'utf8');
    const sha256 = createHash('sha256').update(readFileSync(path.join(schemaDir, 'sarif-2.1.0.json'))).digest('hex');
    assert.match(readme, new RegExp(`SHA-256 \`${sha256}\``));
    const validate = sarifValidator();
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'rfc-lint' } }, results: [{ message: { text: 'x' }, level: 'loud' }] }] }), false, 'the schema rejects a bad level');
  });
});
