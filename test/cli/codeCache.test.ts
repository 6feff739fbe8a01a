/**
 * rfc-lint's code cache (server/src/node/codeCache.ts): the build records one, the
 * launcher and every analysis worker start from it, and a cache that is not the bundle's
 * (stale, damaged) is never used: the report is the same as without one. NODE_DEBUG=rfc-lint
 * makes each thread say what became of the cache.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { codeCacheOf, RECORD_CODE_CACHE } from '../../server/src/node/codeCache';
import { cliBundle, repoRoot } from '../support/paths';
import { rfc, Scratch, TEMPLATE, write } from './run';

const RFC = path.join(repoRoot, 'examples', '2026-003-search-cache-draft.md');

/** Runs a launcher with NODE_DEBUG=rfc-lint; `uses` is what each thread said of the cache. */
function launch(launcher: string, args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', NODE_DEBUG: 'rfc-lint', ...env },
  });
  const uses = [...run.stderr.matchAll(/code cache: (\w+)/g)].map((m) => m[1]);
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, uses };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

describe('rfc-lint code cache', () => {
  const scratch = new Scratch();
  after(() => scratch.remove());
  const bundle = path.join(path.dirname(cliBundle), 'cli-main.js');

  /** A copy of the launcher and the bundle, with `cache` (if any) as the bundle's cache. */
  function copy(cache?: Buffer): string {
    const dir = scratch.folder();
    copyFileSync(cliBundle, path.join(dir, 'cli.js'));
    copyFileSync(bundle, path.join(dir, 'cli-main.js'));
    if (cache) writeFileSync(codeCacheOf(path.join(dir, 'cli-main.js')), cache);
    return path.join(dir, 'cli.js');
  }

  it('is recorded by the build for the bundle beside it, and taken by V8', () => {
    const cache = readFileSync(codeCacheOf(bundle));
    assert.deepEqual(cache.subarray(0, 32), sha256(readFileSync(bundle)), 'the cache starts with the hash of the bundle it was made from');
    const run = launch(cliBundle, ['--version']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.uses, ['used'], run.stderr);
  });

  it('is never used when it is not the bundle’s or is damaged, and the report stays the same', () => {
    const expected = launch(cliBundle, [RFC]);
    assert.equal(expected.code, 1, expected.stderr);
    assert.match(expected.stdout, /1 file checked: /);
    const real = readFileSync(codeCacheOf(bundle));
    const cases: Array<[string, Buffer | undefined, string]> = [
      ['no cache', undefined, 'none'],
      // V8 compares the source only by length: data made from other text must not reach it.
      ['another bundle’s cache', Buffer.concat([sha256(Buffer.from('another bundle')), real.subarray(32)]), 'none'],
      ['a damaged cache', Buffer.concat([real.subarray(0, 32), Buffer.alloc(real.length - 32, 0x5a)]), 'rejected'],
      ['a cut-short cache', real.subarray(0, 40), 'rejected'],
    ];
    for (const [what, cache, use] of cases) {
      const run = launch(copy(cache), [RFC]);
      assert.deepEqual(run.uses, [use], `${what}: ${run.stderr}`);
      assert.equal(run.code, expected.code, `${what}: ${run.stderr}`);
      assert.equal(run.stdout, expected.stdout, what);
    }
  });

  it('is recorded on request and then used, by the main thread and every worker', () => {
    const launcher = copy();
    const record = launch(launcher, [RFC], { [RECORD_CODE_CACHE]: '1' });
    assert.equal(record.code, 1, record.stderr);
    const cache = codeCacheOf(path.join(path.dirname(launcher), 'cli-main.js'));
    assert.ok(existsSync(cache), 'the run wrote the cache');
    assert.deepEqual(readFileSync(cache).subarray(0, 32), sha256(readFileSync(bundle)));

    // 32 RFCs: enough for one worker beside the main thread (pool.ts, MIN_FILES_PER_WORKER).
    const folder = scratch.folder({ 'rfc-template.md': TEMPLATE });
    for (let i = 1; i <= 32; i++) {
      const number = `2026-${String(i).padStart(3, '0')}`;
      write(folder, { [`rfcs/${number}-topic.md`]: rfc(number, `Topic ${i}`, 'Approved') });
    }
    const run = launch(launcher, ['--jobs', '2', '--template', path.join(folder, 'rfc-template.md'), path.join(folder, 'rfcs')]);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    assert.match(run.stdout, /32 files checked: /);
    assert.deepEqual(run.uses, ['used', 'used'], run.stderr);
  });
});
