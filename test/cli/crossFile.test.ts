import * as assert from 'node:assert/strict';
import { PROJECT, rfc, rfcLint, Scratch } from './run';

/** `path:line:column severity rule` of each finding line, without the messages. */
function findings(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => /^\S+:\d+:\d+ /.test(l))
    .map((l) => l.split(' ').slice(0, 3).join(' '));
}

describe('rfc-lint: cross-file rules', () => {
  const scratch = new Scratch();
  after(() => scratch.remove());

  it('compares a file named alone with every RFC of the files globs, without checking them', () => {
    const folder = scratch.folder(PROJECT);
    const run = rfcLint(['rfcs/2026-003-limits.md'], folder);
    assert.deepEqual(findings(run.stdout), [
      'rfcs/2026-003-limits.md:3:17 error duplicate-number',
      'rfcs/2026-003-limits.md:3:17 warning number-mismatch',
      'rfcs/2026-003-limits.md:6:1 warning missing-section',
    ]);
    assert.match(run.stdout, /\n1 file checked: /);
    const queues = rfcLint(['rfcs/2026-001-queues.md'], folder);
    assert.equal(queues.code, 0, 'RFC 2026-002 exists though it is not checked');
    const outside = rfcLint(['docs/x.md'], scratch.folder({ ...PROJECT, 'docs/x.md': rfc('2026-020', 'X', 'Approved', 'Follows RFC 2026-001 and RFC 2026-030.') }));
    assert.deepEqual(findings(outside.stdout), ['docs/x.md:10:26 warning unknown-reference']);
  });

  it('compares with RFCs outside the files globs that look like RFCs, as the editor does', () => {
    const folder = scratch.folder({
      ...PROJECT,
      'docs/2026-001-copy.md': rfc('2026-001', 'Copy', 'Approved'),
      'docs/README.md': '# Docs\n\nAbout RFC 2026-001.\n',
      '.hidden/2026-001-old.md': rfc('2026-001', 'Old', 'Approved'),
      'node_modules/x/2026-001-dep.md': rfc('2026-001', 'Dep', 'Approved'),
    });
    const run = rfcLint(['rfcs/2026-001-queues.md'], folder);
    assert.equal(
      run.stdout.split('\n')[0],
      'rfcs/2026-001-queues.md:3:17 error duplicate-number RFC number 2026-001 is also used by 2026-001-copy.md: give one of them a new number.',
    );
    assert.deepEqual(findings(run.stdout), ['rfcs/2026-001-queues.md:3:17 error duplicate-number']);
  });

  it('follows suppression comments and the rules settings of .rfcrc.json', () => {
    const folder = scratch.folder({
      ...PROJECT,
      '.rfcrc.json': JSON.stringify({ rules: { 'duplicate-number': 'warning', 'number-mismatch': 'off' } }),
      'rfcs/2026-002-retries.md': PROJECT['rfcs/2026-002-retries.md'].replace('## Design\n', '## Design\n<!-- rfc-disable-next-line unknown-reference -->\n'),
    });
    const run = rfcLint([], folder);
    assert.equal(run.stderr, '');
    assert.deepEqual(findings(run.stdout), [
      'rfcs/2026-002-retries.md:3:17 warning duplicate-number',
      'rfcs/2026-002-retries.md:7:1 info placeholder',
      'rfcs/2026-003-limits.md:3:17 warning duplicate-number',
      'rfcs/2026-003-limits.md:6:1 warning missing-section',
    ]);
  });

  it('standard input takes part as the RFC it names', () => {
    const folder = scratch.folder(PROJECT);
    const run = rfcLint(['--stdin-filename', 'rfcs/2026-005-new.md', '-'], folder, { input: rfc('2026-005', 'New', 'Approved', 'After RFC 2026-001, before RFC 2026-077.') });
    assert.deepEqual(findings(run.stdout), ['rfcs/2026-005-new.md:10:28 warning unknown-reference']);
  });
});
