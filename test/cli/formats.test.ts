import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { cliBundle, repoRoot } from '../support/paths';
import { PROJECT, PROJECT_FINDINGS, rfcLint, Scratch } from './run';

const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** schemas/rfc-lint-report.schema.json, strictly (draft-07). */
export function reportValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'rfc-lint-report.schema.json'), 'utf8')));
}

/** The summary line of a run over PROJECT: its template, and no .rfcrc.json. */
const CHECKED = 'Checked against template .rfc/template.md, config none';

const FINDING_LINES = [
  "rfcs/2026-002-retries.md:3:17 error duplicate-number RFC number 2026-002 is also used by 2026-003-limits.md: give one of them a new number.",
  "rfcs/2026-002-retries.md:7:1 info placeholder Unfilled placeholder [One paragraph on what and why]: replace it with this RFC's own text.",
  'rfcs/2026-002-retries.md:10:25 warning unknown-reference No RFC in the workspace has the number 2026-009: check the number, or add that RFC to the workspace.',
  'rfcs/2026-003-limits.md:3:17 error duplicate-number RFC number 2026-002 is also used by 2026-002-retries.md: give one of them a new number.',
  'rfcs/2026-003-limits.md:3:17 warning number-mismatch The file name says 2026-003 but the RFC number is 2026-002: rename the file or correct the number.',
  "rfcs/2026-003-limits.md:6:1 warning missing-section Missing section 'Design' of the RFC: add '## Design' after 'Summary'.",
];


describe('rfc-lint output formats', () => {
  const scratch = new Scratch();
  let project: string;
  before(() => {
    project = scratch.folder(PROJECT);
  });
  after(() => scratch.remove());

  it('text: path:line:col severity rule message, a line per file and the totals', () => {
    const run = rfcLint([], project);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      [
        ...FINDING_LINES,
        '',
        'rfcs/2026-001-queues.md: 100% complete, 0 problems',
        'rfcs/2026-002-retries.md: 80% complete, 3 problems',
        'rfcs/2026-003-limits.md: 80% complete, 3 problems',
        '3 files checked: 2 errors, 3 warnings, 1 info, 0 hints',
        CHECKED,
        '',
      ].join('\n'),
    );
  });

  it('text --report: the table of every RFC in place of the lines per file', () => {
    const run = rfcLint(['--report'], project);
    assert.equal(run.code, 1);
    assert.equal(
      run.stdout,
      [
        ...FINDING_LINES,
        '',
        'RFC       Title    Status        Complete  Problems  File',
        '2026-001  Queues   Approved          100%         0  rfcs/2026-001-queues.md',
        '2026-002  Retries  Draft              80%         3  rfcs/2026-002-retries.md',
        '2026-002  Limits   Under Review       80%         3  rfcs/2026-003-limits.md',
        '3 files checked: 2 errors, 3 warnings, 1 info, 0 hints',
        CHECKED,
        '',
      ].join('\n'),
    );
  });

  it('text: coloured with FORCE_COLOR, plain when NO_COLOR is set too', () => {
    const coloured = rfcLint(['rfcs/2026-003-limits.md', 'rfcs/2026-002-retries.md'], project, { env: { FORCE_COLOR: '1' } });
    const e = (code: number, text: string) => `\u001b[${code}m${text}\u001b[0m`;
    assert.equal(
      coloured.stdout.split('\n').slice(0, 3).join('\n'),
      [
        `rfcs/2026-003-limits.md:3:17 ${e(31, 'error')} ${e(90, 'duplicate-number')} RFC number 2026-002 is also used by 2026-002-retries.md: give one of them a new number.`,
        `rfcs/2026-003-limits.md:3:17 ${e(33, 'warning')} ${e(90, 'number-mismatch')} The file name says 2026-003 but the RFC number is 2026-002: rename the file or correct the number.`,
        `rfcs/2026-003-limits.md:6:1 ${e(33, 'warning')} ${e(90, 'missing-section')} Missing section 'Design' of the RFC: add '## Design' after 'Summary'.`,
      ].join('\n'),
    );
    assert.ok(coloured.stdout.includes(`rfcs/2026-002-retries.md:7:1 ${e(34, 'info')} ${e(90, 'placeholder')} Unfilled`), coloured.stdout);
    assert.ok(coloured.stdout.endsWith(`${e(1, '2 files checked: 2 errors, 3 warnings, 1 info, 0 hints')}\n${CHECKED}\n`), coloured.stdout);
    const plain = rfcLint(['rfcs/2026-003-limits.md'], project, { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    assert.doesNotMatch(plain.stdout, /\u001b/);
    const json = rfcLint(['--format', 'json', 'rfcs/2026-003-limits.md'], project, { env: { FORCE_COLOR: '1' } });
    assert.doesNotMatch(json.stdout, /\u001b/, 'only the text format is coloured');
  });

  it('text: coloured on a terminal, unless NO_COLOR is set', () => {
    // util-linux `script` runs the CLI with a pseudo-terminal as its standard output.
    const onTerminal = (env: Record<string, string>) =>
      spawnSync('script', ['-qec', `'${process.execPath}' '${cliBundle}' rfcs/2026-003-limits.md`, '/dev/null'], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, FORCE_COLOR: '', NO_COLOR: '', ...env },
      });
    const coloured = onTerminal({});
    // `script` is in Debian's essential bsdutils: its absence is a broken machine, not a reason to skip.
    assert.equal(coloured.error, undefined, `util-linux 'script' could not run: ${String(coloured.error)}`);
    assert.match(coloured.stdout, /3:17 \u001b\[31merror\u001b\[0m \u001b\[90mduplicate-number/);
    const plain = onTerminal({ NO_COLOR: '1' });
    assert.match(plain.stdout, /3:17 error duplicate-number/);
    assert.doesNotMatch(plain.stdout, /\u001b\[/);
  });

  it('json: the documented report, valid against schemas/rfc-lint-report.schema.json', () => {
    const run = rfcLint(['--format', 'json'], project);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    const file = (p: string, number: string, title: string, status: string, lifecycle: string, completeness: number) => {
      const findings = PROJECT_FINDINGS.filter((f) => f[0] === p).map(([, ruleId, severity, message, line, column, endLine, endColumn]) => ({
        ruleId,
        severity,
        message,
        line,
        column,
        endLine,
        endColumn,
      }));
      const count = (s: string) => findings.filter((f) => f.severity === s).length;
      return {
        path: p,
        rfc: { number, title, status },
        lifecycle,
        completeness,
        template: '.rfc/template.md',
        config: null,
        counts: { error: count('error'), warning: count('warning'), information: count('information'), hint: count('hint') },
        findings,
      };
    };
    const expected = {
      schemaVersion: 1,
      tool: { name: 'rfc-lint', version },
      files: [
        file('rfcs/2026-001-queues.md', '2026-001', 'Queues', 'Approved', 'approved', 100),
        file('rfcs/2026-002-retries.md', '2026-002', 'Retries', 'Draft', 'draft', 80),
        file('rfcs/2026-003-limits.md', '2026-002', 'Limits', 'Under Review', 'review', 80),
      ],
      totals: { files: 3, error: 2, warning: 3, information: 1, hint: 0 },
      thresholds: { maxWarnings: null, minCompleteness: null },
      failures: [
        { reason: 'errors', message: '2 errors' },
        { reason: 'warnings', message: '3 warnings' },
      ],
      runErrors: [],
      exitCode: 1,
    };
    assert.equal(run.stdout, JSON.stringify(expected, null, 2) + '\n');
    const validate = reportValidator();
    assert.ok(validate(JSON.parse(run.stdout)), JSON.stringify(validate.errors));
  });

  it('json: thresholds, failures and read errors are in the report, which stays valid', () => {
    const folder = scratch.folder({ ...PROJECT, 'rfcs/2026-004-binary.md': '# RFC: \u0000' });
    const run = rfcLint(['--format=json', '--max-warnings', '5', '--min-completeness', '90', '--report'], folder);
    assert.equal(run.code, 2);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.thresholds, { maxWarnings: 5, minCompleteness: 90 });
    assert.deepEqual(report.failures, [
      { reason: 'errors', message: '2 errors' },
      { reason: 'min-completeness', message: '80% complete, below --min-completeness 90%', path: 'rfcs/2026-002-retries.md' },
      { reason: 'min-completeness', message: '80% complete, below --min-completeness 90%', path: 'rfcs/2026-003-limits.md' },
    ]);
    assert.deepEqual(report.runErrors, ["'rfcs/2026-004-binary.md' is not a text file; not checked"]);
    assert.equal(report.exitCode, 2);
    const validate = reportValidator();
    assert.ok(validate(report), JSON.stringify(validate.errors));

    const empty = rfcLint(['--format', 'json', '--allow-empty'], scratch.folder({}));
    assert.equal(empty.code, 0);
    assert.ok(validate(JSON.parse(empty.stdout)), JSON.stringify(validate.errors));
    assert.equal(empty.stdout, JSON.stringify(JSON.parse(empty.stdout), null, 2) + '\n');
  });

  it('hostile names and texts: no format lets a document start a runner command or send a terminal escape', () => {
    const hostileName = 'rfcs/2026-002-\n::error file=INJECTED::x.md';
    const folder = scratch.folder({
      '.rfc/template.md': PROJECT['.rfc/template.md'],
      'rfcs/2026-001-a.md': '# RFC: \u001b]0;owned\u0007Title \u202eevil\n\n**RFC Number**: ::error::PWNED\n**Status**: \u001b[31mRed\n\n## Summary\n::add-mask::secret\n\n## Design\n[\u001b[2J wipe]\n',
      [hostileName]: '# RFC: ::warning::x\n\n**RFC Number**: 2026-002\n',
    });
    const runs = [[], ['--report'], ['--format', 'github'], ['--format', 'github', '--report']].map((args) => ({ args, run: rfcLint(args, folder) }));
    for (const { args, run } of runs) {
      const output = run.stdout + run.stderr;
      assert.doesNotMatch(output, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, `${args.join(' ')}: a control character reached the output`);
      const github = args.includes('github');
      const token = /^::stop-commands::(\S+)$/m.exec(run.stdout)?.[1];
      for (const line of output.split('\n')) {
        if (!/^\s*::/.test(line)) continue;
        // Only rfc-lint's own commands: annotations on the checked files, threshold errors, the stop-commands pair.
        const ours =
          github &&
          (/^::(error|warning|notice) file=rfcs\/2026-00[12]-[^,]*,line=\d+,/.test(line) || line === `::stop-commands::${token}` || line === `::${token}::`);
        assert.ok(ours, `${args.join(' ')}: a line the runner would read as a command: ${line}`);
      }
    }
    assert.match(runs[1].run.stdout, /^\\x3a:error::PWNED /m, 'the hostile number is shown, escaped');
    for (const format of ['json', 'sarif']) {
      const run = rfcLint(['--format', format], folder);
      assert.doesNotThrow(() => JSON.parse(run.stdout), format);
    }
  });

  it('github: workflow annotations with GitHub escaping, then the totals', () => {
    const run = rfcLint(['--format', 'github'], project);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      [
        '::error file=rfcs/2026-002-retries.md,line=3,col=17,endLine=3,endColumn=25,title=duplicate-number::RFC number 2026-002 is also used by 2026-003-limits.md: give one of them a new number.',
        "::notice file=rfcs/2026-002-retries.md,line=7,col=1,endLine=7,endColumn=32,title=placeholder::Unfilled placeholder [One paragraph on what and why]: replace it with this RFC's own text.",
        '::warning file=rfcs/2026-002-retries.md,line=10,col=25,endLine=10,endColumn=37,title=unknown-reference::No RFC in the workspace has the number 2026-009: check the number, or add that RFC to the workspace.',
        '::error file=rfcs/2026-003-limits.md,line=3,col=17,endLine=3,endColumn=25,title=duplicate-number::RFC number 2026-002 is also used by 2026-002-retries.md: give one of them a new number.',
        '::warning file=rfcs/2026-003-limits.md,line=3,col=17,endLine=3,endColumn=25,title=number-mismatch::The file name says 2026-003 but the RFC number is 2026-002: rename the file or correct the number.',
        "::warning file=rfcs/2026-003-limits.md,line=6,col=1,endLine=6,endColumn=11,title=missing-section::Missing section 'Design' of the RFC: add '## Design' after 'Summary'.",
        '3 files checked: 2 errors, 3 warnings, 1 info, 0 hints',
        CHECKED,
        '',
      ].join('\n'),
    );
  });

  it('github: escapes % in messages, and , : % in properties; thresholds become error annotations; --report adds the table', () => {
    const folder = scratch.folder({
      '.rfc/template.md': PROJECT['.rfc/template.md'],
      'rfcs/a,b:c%.md': '# RFC: Odd\n\n**RFC Number**: 2026-001\n**Status**: Under Review\n\n## Summary\n- 100%: [Fill: this, in]\n\n## Design\nDone.\n',
    });
    const run = rfcLint(['--format', 'github', '--min-completeness', '90', '--max-warnings', '0', '--report'], folder);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    // The table is the documents' text: the runner's command processing is stopped around it.
    const token = /^::stop-commands::([0-9a-f-]{36})$/m.exec(run.stdout)?.[1];
    assert.ok(token, run.stdout);
    assert.equal(
      run.stdout,
      [
        "::warning file=rfcs/a%2Cb%3Ac%25.md,line=7,col=9,endLine=7,endColumn=25,title=placeholder::Unfilled placeholder [Fill: this, in]: replace it with this RFC's own text.",
        '::error title=rfc-lint --max-warnings::1 warning, more than --max-warnings 0 allows',
        '::error file=rfcs/a%2Cb%3Ac%25.md,title=rfc-lint --min-completeness::80%25 complete, below --min-completeness 90%25',
        '1 file checked: 0 errors, 1 warning, 0 infos, 0 hints',
        CHECKED,
        `::stop-commands::${token}`,
        'RFC       Title  Status        Complete  Problems  File',
        '2026-001  Odd    Under Review       80%         1  rfcs/a,b:c%.md',
        `::${token}::`,
        '',
      ].join('\n'),
    );
  });
});
