import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cliBundle, repoRoot } from '../support/paths';
import { rfcLint as run } from './run';

const rfcLint = (args: string[], cwd = repoRoot) => run(args, cwd);

describe('rfc-lint', () => {
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'rfc-lint-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('passes a complete RFC with exit code 0 and reports 100%', () => {
    // The example links RFC 2025-031 at ../rfcs/: in a project that has it, nothing is left to report.
    const project = path.join(scratch, 'complete');
    mkdirSync(path.join(project, 'examples'), { recursive: true });
    mkdirSync(path.join(project, 'rfcs'));
    copyFileSync(path.join(repoRoot, 'examples', '2026-002-rate-limiting.md'), path.join(project, 'examples', '2026-002-rate-limiting.md'));
    writeFileSync(path.join(project, 'rfcs', '2025-031-gateway-upgrade.md'), '# RFC: Gateway upgrade\n\n**RFC Number**: 2025-031\n');
    const run = rfcLint(['examples/2026-002-rate-limiting.md'], project);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(
      run.stdout,
      '\nexamples/2026-002-rate-limiting.md: 100% complete, 0 problems\n1 file checked: 0 errors, 0 warnings, 0 infos, 0 hints\nChecked against template (built-in), config none\n',
    );
  });

  it('prints path:line:column severity rule message and exits 1 on warnings', () => {
    const run = rfcLint(['examples/2026-003-search-cache-draft.md']);
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n');
    assert.ok(
      lines.includes(
        "examples/2026-003-search-cache-draft.md:3:17 warning metadata RFC Number '2026-3' is not of the form YYYY-XXX: write it as digits, e.g. 2026-001.",
      ),
      run.stdout,
    );
    assert.ok(
      lines.includes(
        "examples/2026-003-search-cache-draft.md:195:1 info missing-section Missing section 'Chaos Engineering' in 'Testing Strategy': add '### Chaos Engineering' after 'Performance Tests'.",
      ),
    );
    assert.ok(lines.includes('examples/2026-003-search-cache-draft.md: 15% complete, 89 problems'), run.stdout);
    for (const line of lines.filter((l) => l.startsWith('examples/') && !l.includes('% complete'))) {
      assert.match(line, /^examples\/[^:]+:\d+:\d+ (error|warning|info|hint) [a-z-]+ \S.*$/);
    }
  });

  it('checks the RFCs of a folder and skips other markdown in it', () => {
    const folder = path.join(scratch, 'docs');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'README.md'), '# Docs\n\nNot an RFC.\n');
    writeFileSync(path.join(folder, 'a.md'), '# RFC: A\n\n**RFC Number**: 2026-001\n');
    const run = rfcLint([folder]);
    assert.equal(run.code, 1);
    assert.ok(run.stdout.includes(`${path.join(folder, 'a.md')}: `));
    assert.ok(!run.stdout.includes('README.md'));
    assert.match(run.stdout, /\n1 file checked: /);
  });

  it('checks the rest of a folder it cannot wholly read, and exits 2 naming what it skipped', () => {
    // A folder nested past PATH_MAX cannot be listed by its path, even by root (unlike a
    // folder without permissions); bash creates it one relative step at a time.
    const project = path.join(scratch, 'deep');
    mkdirSync(path.join(project, 'rfcs'), { recursive: true });
    writeFileSync(path.join(project, 'rfcs', '2026-001-a.md'), '# RFC: A\n\n**RFC Number**: 2026-001\n');
    const made = spawnSync('bash', ['-c', `cd rfcs && for i in $(seq 45); do mkdir ${'d'.repeat(100)} && cd ${'d'.repeat(100)} || exit 1; done; echo '# RFC: Deep' > 2026-002-deep.md`], { cwd: project });
    assert.equal(made.status, 0, String(made.stderr));
    try {
      for (const args of [['rfcs'], ['rfcs/**/*.md'], []]) {
        const run = rfcLint(args, project);
        assert.equal(run.code, 2, args.join(' '));
        assert.match(run.stdout, /^rfcs\/2026-001-a\.md: \d+% complete/m, 'the readable RFC is still checked');
        assert.match(run.stdout, /^1 file checked: /m);
        assert.match(run.stderr, /^rfc-lint: folder 'rfcs\/d{100}\/d{100}\/.*' was not checked: its path is too long\n$/, `${args.join(' ')}: ${run.stderr.slice(0, 300)}`);
      }
    } finally {
      // GNU rm removes trees deeper than PATH_MAX; Node's rmSync does not.
      spawnSync('rm', ['-rf', project]);
    }
  });

  it('refuses an .rfcrc.json and a template that are FIFOs or devices, and says the built-in template and defaults were used', () => {
    const project = path.join(scratch, 'special-settings');
    mkdirSync(path.join(project, 'rfcs'), { recursive: true });
    mkdirSync(path.join(project, '.rfc'));
    writeFileSync(path.join(project, 'rfcs', '2026-001-a.md'), '# RFC: A\n\n**RFC Number**: 2026-001\n');
    assert.equal(spawnSync('mkfifo', [path.join(project, '.rfcrc.json'), path.join(project, '.rfc', 'template.md')]).status, 0);
    const run = rfcLint([], project);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      `rfc-lint: ignoring ${path.join(project, '.rfcrc.json')}: it is not a file.\n` +
        `rfc-lint: Cannot use the template ${path.join(project, '.rfc', 'template.md')} (discovered): it is not a file. Using the built-in template instead.\n`,
    );
    assert.match(run.stdout, /\nChecked against template \(built-in\), config none\n$/);

    rmSync(path.join(project, '.rfcrc.json'));
    writeFileSync(path.join(project, '.rfcrc.json'), JSON.stringify({ template: '/dev/zero' }));
    const device = rfcLint([], project);
    assert.equal(device.code, 2);
    assert.match(device.stderr, /Cannot use the template \/dev\/zero \(rfc\.template\): it is not a file\. Using the built-in template instead\./);
    assert.match(device.stdout, /\nChecked against template \(built-in\), config \.rfcrc\.json\n$/);
  });

  it('follows no folder link and no link out of the tree: each RFC is checked once, outside files never', () => {
    const project = path.join(scratch, 'links');
    mkdirSync(path.join(project, 'rfcs', '2026'), { recursive: true });
    mkdirSync(path.join(project, 'elsewhere'));
    writeFileSync(path.join(project, 'rfcs', '2026', '2026-001-a.md'), '# RFC: A\n\n**RFC Number**: 2026-001\n');
    writeFileSync(path.join(project, 'elsewhere', 'secret.md'), '# RFC: Secret\n\n**RFC Number**: SECRET-TEXT\n');
    // The "current year" link is a common layout; following it checks each RFC twice.
    symlinkSync('2026', path.join(project, 'rfcs', 'current'));
    const outside = mkdtempSync(path.join(tmpdir(), 'rfc-outside-'));
    writeFileSync(path.join(outside, 'passwd.md'), 'root:x:0:0:OUTSIDE-TEXT\n');
    symlinkSync(path.join(outside, 'passwd.md'), path.join(project, 'rfcs', 'passwd.md'));
    try {
      for (const args of [[], ['rfcs'], ['rfcs/**/*.md']]) {
        const run = rfcLint(args, project);
        const label = `rfc-lint ${args.join(' ')}`;
        assert.equal(run.code, 1, label); // the filled-in-nothing RFC has errors; no duplicate-number among them
        assert.match(run.stdout, /^1 file checked: /m, label);
        assert.doesNotMatch(run.stdout, /duplicate-number|OUTSIDE-TEXT/, label);
        assert.equal(run.stderr, "rfc-lint: 'rfcs/passwd.md' links outside the folders being checked; not checked\n", label);
      }
      // A link named on the command line is checked as its target: once, with no duplicate of itself.
      const named = rfcLint(['rfcs/current/2026-001-a.md', 'rfcs/2026/2026-001-a.md'], project);
      assert.match(named.stdout, /^1 file checked: /m);
      assert.doesNotMatch(named.stdout, /duplicate-number/);
      // Globs cannot leave the current folder, however they are written.
      for (const glob of ['../*/secret.md', 'rfcs/../../*/passwd.md', `${outside}/*.md`]) {
        const run = rfcLint([glob], path.join(project, 'rfcs'));
        assert.equal(run.code, 2, glob);
        assert.match(run.stderr, /^rfc-lint: the glob '.*' reaches outside the current folder; nothing there is checked\n/, glob);
        assert.doesNotMatch(run.stdout, /SECRET-TEXT|OUTSIDE-TEXT/, glob);
        assert.match(run.stdout, /^0 files checked: /m, glob);
      }
      writeFileSync(path.join(project, '.rfcrc.json'), JSON.stringify({ files: ['../**/*.md', '/etc/host*'] }));
      const configured = rfcLint([], project);
      assert.match(configured.stderr, /the glob '\.\.\/\*\*\/\*\.md' reaches outside/);
      assert.match(configured.stderr, /the glob '\/etc\/host\*' reaches outside/);
      assert.match(configured.stdout, /^0 files checked: /m);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('exits 2 with a clear message for a path that does not exist', () => {
    const run = rfcLint(['no/such/rfc.md']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, "rfc-lint: cannot read 'no/such/rfc.md': it does not exist\n");
  });

  it('exits 2 for an unknown option, with usage help; without paths checks the files globs (none here)', () => {
    const unknown = rfcLint(['--frobnicate', 'examples']);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, "rfc-lint: unknown option '--frobnicate'\nRun 'rfc-lint --help' for usage.\n");
    const empty = path.join(scratch, 'empty');
    mkdirSync(empty);
    // A run that checks nothing fails, unless that is expected.
    const none = rfcLint([], empty);
    assert.equal(none.code, 2);
    assert.equal(none.stdout, '0 files checked: 0 errors, 0 warnings, 0 infos, 0 hints\n');
    assert.match(none.stderr, /^rfc-lint: no RFC to check: nothing here matches the "files" globs \(\*\*\/rfcs\/\*\*\/\*\.md, \*\*\/rfc\/\*\*\/\*\.md\); name files or folders, or pass --allow-empty\n$/);
    const allowed = rfcLint(['--allow-empty'], empty);
    assert.deepEqual([allowed.code, allowed.stderr], [0, '']);
    const help = rfcLint(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: rfc-lint/);
  });

  it('refuses a binary file with a message and exit code 2, and escapes control characters in paths', () => {
    const binary = path.join(scratch, 'bin\u0007ary.md');
    writeFileSync(binary, Buffer.from([0x23, 0x20, 0x00, 0xff, 0xfe, 0x00, 0x01]));
    const run = rfcLint([binary]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /bin\\x07ary\.md' is not a text file; not checked/);
  });

  it('reads standard input no further than its limit: `- < /dev/zero` ends with a message', () => {
    const run = spawnSync('bash', ['-c', `exec "${process.execPath}" "${cliBundle}" - < /dev/zero`], { cwd: scratch, encoding: 'utf8', timeout: 60_000 });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^rfc-lint: '<stdin>' is larger than 32 MB; not checked$/m);
  });

  it('refuses a named file over 32 MB with a message and exit code 2, reading none of it', () => {
    const big = path.join(scratch, 'huge.md');
    // Sparse: 33 MB long, no disk used.
    writeFileSync(big, '# RFC: Huge\n');
    truncateSync(big, 33 * 1024 * 1024);
    const run = rfcLint([big]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^rfc-lint: '.*huge\.md' is larger than 32 MB; not checked$/m);
  });

  it('never reads a FIFO or a device: each is refused at once, the other RFCs are checked, exit 2', () => {
    const project = path.join(scratch, 'special');
    mkdirSync(path.join(project, 'rfcs'), { recursive: true });
    writeFileSync(path.join(project, 'rfcs', '2026-001-a.md'), '# RFC: A\n\n**RFC Number**: 2026-001\n');
    // A writer-less FIFO blocks a blocking open forever; /dev/zero never ends.
    assert.equal(spawnSync('mkfifo', [path.join(project, 'rfcs', '2026-002-fifo.md')]).status, 0);
    symlinkSync('/dev/zero', path.join(project, 'rfcs', '2026-003-zero.md'));
    const run = rfcLint(['rfcs/2026-002-fifo.md', 'rfcs/2026-003-zero.md', 'rfcs'], project);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      "rfc-lint: 'rfcs/2026-002-fifo.md' is not a regular file; not checked\nrfc-lint: 'rfcs/2026-003-zero.md' is not a regular file; not checked\n",
    );
    assert.match(run.stdout, /^rfcs\/2026-001-a\.md: \d+% complete/m);
    assert.match(run.stdout, /^1 file checked: /m);
  });

  it('gives the same report on one thread and on worker threads (--jobs), standard input included', () => {
    const project = path.join(scratch, 'many');
    mkdirSync(path.join(project, 'rfcs'), { recursive: true });
    mkdirSync(path.join(project, '.rfc'));
    writeFileSync(path.join(project, '.rfc', 'template.md'), '# RFC: [Title]\n\n**RFC Number**: [YYYY-NNN]\n**Status**: [Draft]\n\n## Summary\n[What]\n\n## Design\n[How]\n');
    for (let i = 1; i <= 60; i++) {
      const number = `2026-${String(i % 50 || 50).padStart(3, '0')}`; // ten numbers used twice: duplicate-number across workers
      const body = i % 3 === 0 ? '## Summary\nDone.\n' : `## Summary\n[What]\n\n## Design\nSee RFC 2026-${String(i + 100)}.\n`;
      writeFileSync(path.join(project, 'rfcs', `${number}-topic-${i}.md`), `# RFC: Topic ${i}\n\n**RFC Number**: ${number}\n**Status**: Draft\n\n${body}`);
    }
    const args = ['--format', 'json', 'rfcs', '-', '--stdin-filename', 'rfcs/2026-099-stdin.md'];
    const input = '# RFC: From stdin\n\n**RFC Number**: 2026-007\n**Status**: Draft\n\n## Summary\nText.\n';
    const one = run([...args, '--jobs', '1'], project, { input });
    const many = run([...args, '--jobs', '3'], project, { input });
    assert.equal(one.code, 1);
    assert.deepEqual([many.code, many.stderr], [one.code, one.stderr]);
    assert.equal(many.stdout, one.stdout);
    const report = JSON.parse(one.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    assert.equal(report.files.length, 61);
    assert.ok(report.files.some((f) => f.findings.some((x) => x.ruleId === 'duplicate-number')));
    assert.equal(report.files[report.files.length - 1].path, 'rfcs/2026-099-stdin.md');

    const bad = rfcLint(['--jobs', '0', 'rfcs'], project);
    assert.deepEqual([bad.code, bad.stderr.split('\n')[0]], [2, "rfc-lint: --jobs needs a whole number from 1 to 999 (got '0')"]);
  });
});
