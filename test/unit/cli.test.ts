import * as assert from 'node:assert/strict';
import { parseArgs } from '../../server/src/cli/args';
import { UsageError } from '../../server/src/cli/errors';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github';
import { artifactUri } from '../../server/src/cli/formats/sarif';
import { checkedAgainstLine } from '../../server/src/cli/formats/text';
import { DEFAULT_FILES_PER_THREAD, workerCount } from '../../server/src/cli/pool';
import { buildReport } from '../../server/src/cli/report';
import type { LintedFile } from '../../server/src/cli/lint';

describe('rfc-lint arguments', () => {
  it('reads options in both forms, operands in order, and - as standard input', () => {
    assert.deepEqual(parseArgs(['rfcs', '--format', 'json', '--max-warnings=3', '-', '--min-completeness', '75.5%', '-o', 'r.json', '--stdin-filename=a.md', '--report', '--changed-since', 'origin/main', '--', '-x.md']), {
      operands: ['rfcs', '-', '-x.md'],
      format: 'json',
      maxWarnings: 3,
      minCompleteness: 75.5,
      output: 'r.json',
      stdinFilename: 'a.md',
      report: true,
      changedSince: 'origin/main',
      allowEmpty: false,
      help: false,
      version: false,
    });
    assert.deepEqual(parseArgs([]), { operands: [], format: 'text', report: false, allowEmpty: false, help: false, version: false });
    assert.deepEqual(parseArgs(['-c', 'team.json', '--template=t.md', '--allow-empty']), { operands: [], format: 'text', report: false, allowEmpty: true, config: 'team.json', template: 't.md', help: false, version: false });
    assert.equal(parseArgs(['-f', 'github']).format, 'github');
    assert.equal(parseArgs(['-h']).help, true);
    assert.equal(parseArgs(['-v']).version, true);
  });

  it('refuses what it cannot use with a UsageError', () => {
    for (const args of [['-x'], ['--format=yaml'], ['--max-warnings', '1.5'], ['--min-completeness', '-1'], ['--changed-since', '-p'], ['--output'], ['--output=']]) {
      assert.throws(() => parseArgs(args), UsageError, args.join(' '));
    }
  });
});

describe('rfc-lint threads', () => {
  it('by default: one per core, but none beyond the main thread until a thread has 1,000 files to check', () => {
    const cases: [files: number, cores: number, workers: number][] = [
      [1, 2, 0],
      [300, 2, 0],
      [2 * DEFAULT_FILES_PER_THREAD - 1, 2, 0],
      [2 * DEFAULT_FILES_PER_THREAD, 2, 1],
      [10_000, 2, 1],
      [10_000, 1, 0],
      [3 * DEFAULT_FILES_PER_THREAD, 8, 2],
      [10_000, 8, 7],
    ];
    for (const [files, cores, workers] of cases) assert.equal(workerCount(files, undefined, cores), workers, `${files} files, ${cores} cores`);
  });

  it('with --jobs: that many threads, whatever the cores, unless they would get fewer than 16 files each', () => {
    const cases: [files: number, jobs: number, workers: number][] = [
      [100, 3, 2],
      [100, 1, 0],
      [40, 4, 1],
      [20, 2, 0],
      [10_000, 12, 11],
    ];
    for (const [files, jobs, workers] of cases) assert.equal(workerCount(files, jobs, 2), workers, `${files} files, --jobs ${jobs}`);
  });
});

describe('rfc-lint formats', () => {
  it('escapes GitHub workflow command data and properties', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext%3A a%2C b');
  });

  it('leaves the columns out of a GitHub annotation over several lines', () => {
    const file: LintedFile = {
      path: 'rfcs/a.md',
      rfc: { number: null, title: 'A', status: null },
      lifecycle: 'unknown',
      completeness: 50,
      template: null,
      config: null,
      lineKeys: new Uint32Array(0),
      findings: [
        { ruleId: 'placeholder', severity: 'hint', message: 'Two\nlines', range: { start: { line: 1, character: 4 }, end: { line: 2, character: 3 } } },
        { ruleId: 'metadata', severity: 'error', message: 'One line', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 7 } } },
      ],
    };
    const out = [...formatGithub(buildReport([file], [], {}), { version: '1', color: false, table: false })].join('');
    assert.equal(
      out,
      '::notice file=rfcs/a.md,line=2,endLine=3,title=placeholder::Two%0Alines\n' +
        '::error file=rfcs/a.md,line=4,col=1,endLine=4,endColumn=8,title=metadata::One line\n' +
        '1 file checked: 1 error, 0 warnings, 0 infos, 1 hint\n' +
        'Checked against template (built-in), config none\n',
    );
  });

  it('names the templates and configuration files checked against, grouped when they differ', () => {
    const file = (template: string | null, config: string | null): LintedFile => ({
      path: 'a.md',
      rfc: { number: null, title: 'A', status: null },
      lifecycle: 'unknown',
      completeness: 0,
      template,
      config,
      findings: [],
      lineKeys: new Uint32Array(0),
    });
    assert.equal(checkedAgainstLine([file('t.md', '.rfcrc.json'), file('t.md', '.rfcrc.json')]), 'Checked against template t.md, config .rfcrc.json');
    assert.equal(
      checkedAgainstLine([file(null, null), file('adr/t.md', 'adr/.rfcrc.json'), file(null, null)]),
      'Checked against template (built-in), config none (2 files); template adr/t.md, config adr/.rfcrc.json (1 file)',
    );
    assert.equal(checkedAgainstLine([file('t\u001b[31m.md', null)]), 'Checked against template t\\x1b[31m.md, config none', 'no terminal escapes');
  });

  it('gives SARIF relative URIs, percent-encoded, and file: URIs outside the current folder', () => {
    assert.equal(artifactUri('rfcs/2026-001 a#b%.md'), 'rfcs/2026-001%20a%23b%25.md');
    assert.equal(artifactUri('<stdin>'), '%3Cstdin%3E');
    assert.equal(artifactUri('/tmp/x y.md'), 'file:///tmp/x%20y.md');
  });
});
