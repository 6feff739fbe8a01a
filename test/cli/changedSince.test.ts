import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT, rfc, rfcLint, Scratch, write } from './run';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

describe('rfc-lint --changed-since', () => {
  const scratch = new Scratch();
  let repo: string;
  before(() => {
    repo = scratch.folder({ ...PROJECT, 'rfcs/2026-004 cache é.md': rfc('2026-004', 'Cache', 'Approved') });
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'RFCs');
  });
  after(() => scratch.remove());

  it('checks only the RFCs changed since the ref, against all the others', () => {
    writeFileSync(path.join(repo, 'rfcs', '2026-002-retries.md'), PROJECT['rfcs/2026-002-retries.md'].replace('Retry with backoff', 'Retry with Backoff'));
    const run = rfcLint(['--changed-since', 'HEAD'], repo);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      [
        'rfcs/2026-002-retries.md:3:17 error duplicate-number RFC number 2026-002 is also used by 2026-003-limits.md: give one of them a new number.',
        "rfcs/2026-002-retries.md:7:1 info placeholder Unfilled placeholder [One paragraph on what and why]: replace it with this RFC's own text.",
        'rfcs/2026-002-retries.md:10:25 warning unknown-reference No RFC in the workspace has the number 2026-009: check the number, or add that RFC to the workspace.',
        '',
        'rfcs/2026-002-retries.md: 80% complete, 3 problems',
        '1 file checked: 1 error, 1 warning, 1 info, 0 hints',
        'Checked against template .rfc/template.md, config none',
        '',
      ].join('\n'),
    );
    git(repo, 'commit', '-q', '-am', 'Backoff');
    assert.equal(rfcLint(['--changed-since=HEAD~1'], repo).stdout, run.stdout, 'a committed change');
    assert.equal(rfcLint(['--changed-since', 'HEAD~1', 'rfcs'], repo).stdout, run.stdout, 'a folder narrowed to what changed');
    assert.equal(rfcLint(['--changed-since', 'HEAD~1', 'rfcs/2026-001-queues.md'], repo).stdout, '0 files checked: 0 errors, 0 warnings, 0 infos, 0 hints\n');
  });

  it('checks nothing when nothing changed, and skips deleted files', () => {
    const clean = rfcLint(['--changed-since', 'HEAD'], repo);
    assert.deepEqual(clean, { code: 0, stdout: '0 files checked: 0 errors, 0 warnings, 0 infos, 0 hints\n', stderr: 'rfc-lint: no RFC changed since HEAD\n' });
    rmSync(path.join(repo, 'rfcs', '2026-003-limits.md'));
    const deleted = rfcLint(['--changed-since', 'HEAD'], repo);
    assert.deepEqual(deleted, clean);
    git(repo, 'checkout', '-q', '--', '.');
  });

  it('finds changed files with spaces and accents in their names', () => {
    write(repo, { 'rfcs/2026-004 cache é.md': rfc('2026-004', 'Cache', 'Approved', 'See RFC 2026-001.') });
    const run = rfcLint(['--changed-since', 'HEAD', '--report'], repo);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.equal(
      run.stdout,
      '\nRFC       Title  Status    Complete  Problems  File\n2026-004  Cache  Approved      100%         0  rfcs/2026-004 cache é.md\n1 file checked: 0 errors, 0 warnings, 0 infos, 0 hints\nChecked against template .rfc/template.md, config none\n',
    );
    git(repo, 'checkout', '-q', '--', '.');
  });

  it('exits 2 with git\'s reason for an unknown ref or a folder outside git', () => {
    const bad = rfcLint(['--changed-since', 'no-such-ref'], repo);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    // git's own words vary between versions ("bad revision", "ambiguous argument").
    assert.match(bad.stderr, /^rfc-lint: --changed-since no-such-ref: git diff failed: fatal: [^\n]*'no-such-ref'[^\n]*\n$/);
    const outside = rfcLint(['--changed-since', 'HEAD'], scratch.folder(PROJECT));
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /^rfc-lint: --changed-since HEAD: git diff failed: (fatal: not a git repository|warning: Not a git repository)/);
  });
});
