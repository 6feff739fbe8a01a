import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { PROJECT, rfc, rfcLint, Scratch, TEMPLATE } from './run';

const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** One RFC under review with one placeholder (a warning) and nothing else. */
const ONE_WARNING = {
  '.rfc/template.md': TEMPLATE,
  'rfcs/2026-001-queues.md': '# RFC: Queues\n\n**RFC Number**: 2026-001\n**Status**: Under Review\n\n## Summary\nQueues.\n\n## Design\n[How it works]\n',
  'rfcs/2026-002-retries.md': rfc('2026-002', 'Retries', 'Approved'),
};

describe('rfc-lint options and exit codes', () => {
  const scratch = new Scratch();
  after(() => scratch.remove());

  it('exits 0 when nothing is over the thresholds, infos and hints included', () => {
    const folder = scratch.folder({
      '.rfc/template.md': TEMPLATE,
      'rfcs/2026-001-queues.md': '# RFC: Queues\n\n**RFC Number**: 2026-001\n**Status**: Draft\n\n## Summary\nQueues.\n\n## Design\n[How it works]\n',
    });
    const run = rfcLint([], folder);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /\n1 file checked: 0 errors, 0 warnings, 1 info, 0 hints\nChecked against template \.rfc\/template\.md, config none\n$/);
  });

  it('--max-warnings: warnings fail by default and past the number given; errors always fail', () => {
    const folder = scratch.folder(ONE_WARNING);
    const byDefault = rfcLint([], folder);
    assert.equal(byDefault.code, 1);
    assert.equal(byDefault.stderr, '');
    assert.equal(rfcLint(['--max-warnings', '1'], folder).code, 0);
    const over = rfcLint(['--max-warnings=0'], folder);
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'rfc-lint: 1 warning, more than --max-warnings 0 allows\n');
    const errors = scratch.folder({ ...ONE_WARNING, '.rfcrc.json': JSON.stringify({ rules: { placeholder: 'error' } }) });
    const withErrors = rfcLint(['--max-warnings', '100'], errors);
    assert.equal(withErrors.code, 1);
    assert.match(withErrors.stdout, /\n2 files checked: 1 error, 0 warnings, 0 infos, 0 hints\nChecked against template \.rfc\/template\.md, config \.rfcrc\.json\n$/);
  });

  it('--min-completeness: fails for each RFC below it, naming it', () => {
    const folder = scratch.folder(ONE_WARNING);
    const run = rfcLint(['--min-completeness', '90', '--max-warnings', '9'], folder);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, 'rfc-lint: rfcs/2026-001-queues.md: 80% complete, below --min-completeness 90%\n');
    assert.equal(rfcLint(['--min-completeness', '80%', '--max-warnings', '9'], folder).code, 0);
    assert.equal(rfcLint(['--min-completeness', '0', '--max-warnings', '9'], folder).code, 0);
  });

  it('--output: writes the report to the file and nothing to standard output', () => {
    const folder = scratch.folder(ONE_WARNING);
    const run = rfcLint(['--format', 'json', '--output', 'out/report.json'], folder);
    assert.equal(run.code, 2, 'the folder out/ does not exist');
    assert.match(run.stderr, /^rfc-lint: cannot write 'out\/report\.json': its folder does not exist\n$/);
    mkdirSync(path.join(folder, 'out'));
    const onFolder = rfcLint(['--format', 'json', '--output', 'out'], folder);
    assert.deepEqual([onFolder.code, onFolder.stderr], [2, "rfc-lint: cannot write 'out': it is a folder\n"]);
    const underFile = rfcLint(['--format', 'json', '--output', 'rfcs/2026-001-queues.md/report.json'], folder);
    assert.deepEqual([underFile.code, underFile.stderr], [2, "rfc-lint: cannot write 'rfcs/2026-001-queues.md/report.json': a part of its path is a file, not a folder\n"]);
    const ok = rfcLint(['--format', 'json', '-o', 'out/report.json'], folder);
    assert.equal(ok.code, 1);
    assert.equal(ok.stdout, '');
    assert.equal(ok.stderr, '');
    const report = JSON.parse(readFileSync(path.join(folder, 'out', 'report.json'), 'utf8'));
    assert.equal(report.files.length, 2);
    const text = rfcLint(['-o', 'report.txt'], folder, { env: { FORCE_COLOR: '1' } });
    assert.equal(text.stdout, '');
    assert.equal(readFileSync(path.join(folder, 'report.txt'), 'utf8'), rfcLint([], folder).stdout, 'never coloured in a file');
  });

  it('never writes a file without --output', () => {
    const folder = scratch.folder(ONE_WARNING);
    const files = () => readdirSync(folder, { recursive: true }).map(String).sort();
    const before = files();
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const run = rfcLint(['--format', format, ...(format === 'sarif' ? [] : ['--report'])], folder);
      assert.equal(run.code, 1, format);
    }
    assert.deepEqual(files(), before);
  });

  it('-: reads standard input, named <stdin> or --stdin-filename, with that name\'s template', () => {
    const folder = scratch.folder({
      ...PROJECT,
      '.rfcrc.json': JSON.stringify({ templates: { 'adr/**': 'adr-template.md' } }),
      'adr-template.md': '# ADR: [Decision]\n\n## Context\n[Forces]\n\n## Decision\n[What]\n',
    });
    const text = '# ADR: Postgres\n\n## Context\nA database.\n';
    const plain = rfcLint(['-'], folder, { input: text });
    assert.equal(plain.code, 1);
    assert.equal(
      plain.stdout,
      [
        "<stdin>:1:1 warning metadata Metadata line '**RFC Number**:' is missing: add it under the title.",
        "<stdin>:1:1 warning metadata Metadata line '**Status**:' is missing: add it under the title.",
        "<stdin>:1:1 warning missing-section Missing section 'Summary' of the RFC: add '## Summary' after the metadata.",
        "<stdin>:1:1 warning missing-section Missing section 'Design' of the RFC: add '## Design' after the metadata.",
        '',
        '<stdin>: 20% complete, 4 problems',
        '1 file checked: 0 errors, 4 warnings, 0 infos, 0 hints',
        'Checked against template .rfc/template.md, config .rfcrc.json',
        '',
      ].join('\n'),
      'the discovered template, as for an untitled document',
    );
    const named = rfcLint(['--stdin-filename', 'adr/0001-postgres.md', '-'], folder, { input: text });
    assert.equal(named.code, 1);
    assert.equal(
      named.stdout,
      "adr/0001-postgres.md:3:1 warning missing-section Missing section 'Decision' of the RFC: add '## Decision' after 'Context'.\n\nadr/0001-postgres.md: 66% complete, 1 problem\n1 file checked: 0 errors, 1 warning, 0 infos, 0 hints\nChecked against template adr-template.md, config .rfcrc.json\n",
    );
    const withFiles = rfcLint(['rfcs/2026-001-queues.md', '-'], folder, { input: rfc('2026-001', 'Copy', 'Approved') });
    assert.match(withFiles.stdout, /^<stdin>:3:17 error duplicate-number RFC number 2026-001 is also used by 2026-001-queues\.md/m);
  });

  it('paths, folders and globs: files always, folders only their RFCs, globs every match; none: the files globs', () => {
    const folder = scratch.folder({
      ...PROJECT,
      'docs/2026-010-notes.md': rfc('2026-010', 'Docs', 'Approved'),
      'docs/readme.md': '# Readme\n',
      'node_modules/x/rfcs/2026-099-dep.md': rfc('2026-099', 'Dep', 'Approved'),
    });
    const checked = (args: string[]) => (JSON.parse(rfcLint(['--format', 'json', ...args], folder).stdout).files as { path: string }[]).map((f) => f.path);
    assert.deepEqual(checked([]), ['rfcs/2026-001-queues.md', 'rfcs/2026-002-retries.md', 'rfcs/2026-003-limits.md']);
    assert.deepEqual(checked(['docs']), ['docs/2026-010-notes.md']);
    assert.deepEqual(checked(['docs/*.md']), ['docs/2026-010-notes.md', 'docs/notes.md', 'docs/readme.md']);
    assert.deepEqual(checked(['docs/readme.md', 'rfcs/*-q*.md', 'docs/readme.md']), ['docs/readme.md', 'rfcs/2026-001-queues.md']);
    assert.deepEqual(checked(['./rfcs/../rfcs/2026-001-queues.md']), ['rfcs/2026-001-queues.md']);
    assert.deepEqual(checked(['**/2026-0[19]*.md']), ['docs/2026-010-notes.md'], 'globs skip node_modules');
  });

  it('exits 2 naming a path that does not exist or a glob that matches nothing', () => {
    const folder = scratch.folder(PROJECT);
    const missing = rfcLint(['rfcs/2026-001-queues.md', 'rfcs/nope.md'], folder);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, "rfc-lint: cannot read 'rfcs/nope.md': it does not exist\n");
    const glob = rfcLint(['adr/**/*.md'], folder);
    assert.equal(glob.code, 2);
    assert.equal(glob.stderr, "rfc-lint: no files match 'adr/**/*.md'\n");
  });

  it('exits 2 for a file it cannot read, still checking the others', () => {
    const folder = scratch.folder({ ...ONE_WARNING, 'rfcs/2026-003-binary.md': 'RFC\u0000' });
    const run = rfcLint(['--max-warnings', '1'], folder);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, "rfc-lint: 'rfcs/2026-003-binary.md' is not a text file; not checked\n");
    assert.match(run.stdout, /\n2 files checked: 0 errors, 1 warning, /);
  });

  it('usage errors: exit 2 with the reason and a pointer to --help', () => {
    const folder = scratch.folder(PROJECT);
    const cases: [string[], string][] = [
      [['--frobnicate'], "unknown option '--frobnicate'"],
      [['--format', 'xml'], "--format must be one of text, json, sarif, github (got 'xml')"],
      [['--format'], '--format needs a value'],
      [['--max-warnings', '-1'], "--max-warnings needs a whole number, 0 or more (got '-1')"],
      [['--max-warnings', 'many'], "--max-warnings needs a whole number, 0 or more (got 'many')"],
      [['--min-completeness', '101'], "--min-completeness needs a percentage from 0 to 100 (got '101')"],
      [['--changed-since', '--output=x'], "--changed-since refuses '--output=x': a git ref cannot start with '-'"],
      [['--changed-since='], '--changed-since needs a git ref, e.g. origin/main'],
      [['--report=yes'], '--report takes no value'],
      [['--report', '--report'], '--report is given more than once'],
      [['--stdin-filename', 'a.md'], "--stdin-filename names standard input: add '-' to the paths"],
      [['-', '-'], "'-' (standard input) is given more than once"],
      [['--format', 'sarif', '--report'], '--report has no place in SARIF: use --format json or text for the table'],
    ];
    for (const [args, message] of cases) {
      const run = rfcLint(args, folder);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '', args.join(' '));
      assert.equal(run.stderr, `rfc-lint: ${message}\nRun 'rfc-lint --help' for usage.\n`, args.join(' '));
    }
  });

  it('-- ends the options: a file named like an option is a path', () => {
    const folder = scratch.folder({ ...ONE_WARNING, '--report': rfc('2026-005', 'Odd', 'Approved') });
    const run = rfcLint(['--', '--report'], folder);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '\n--report: 100% complete, 0 problems\n1 file checked: 0 errors, 0 warnings, 0 infos, 0 hints\nChecked against template .rfc/template.md, config none\n');
  });

  it('--help and --version', () => {
    const folder = scratch.folder({});
    const help = rfcLint(['--help'], folder);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: rfc-lint \[options\] \[path \| folder \| glob \| -\]\.\.\.\n/);
    for (const flag of ['--format', '--max-warnings', '--min-completeness', '--changed-since', '--report', '--output', '--stdin-filename', '--help', '--version']) {
      assert.ok(help.stdout.includes(flag), `--help lists ${flag}`);
    }
    assert.equal(rfcLint(['-h'], folder).stdout, help.stdout);
    assert.deepEqual(rfcLint(['--version'], folder), { code: 0, stdout: `${version}\n`, stderr: '' });
    assert.equal(rfcLint(['-v'], folder).stdout, `${version}\n`);
  });
});
