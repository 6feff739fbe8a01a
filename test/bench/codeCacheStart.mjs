// rfc-lint on one RFC, as a pre-commit hook runs it: started from the code cache the build
// records (server/src/node/codeCache.ts) against the same launcher and bundle copied to a
// folder without it, in interleaved pairs. Used by cli10k.mjs (`npm run bench:cli`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Median seconds with and without the cache, and the median of the pairs' ratios; undefined when the build wrote no cache. */
export function codeCacheStart(repo, rfcText, pairs = 30) {
  const dist = join(repo, 'dist');
  if (!existsSync(join(dist, 'cli-main.js.v8cache'))) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'rfc-lint-start-'));
  try {
    // A folder of its own: rfc-lint reads the heads of every RFC beside the one it checks.
    mkdirSync(join(root, 'rfcs'));
    writeFileSync(join(root, 'rfcs', 'one.md'), rfcText);
    mkdirSync(join(root, 'uncached'));
    for (const file of ['cli.js', 'cli-main.js']) copyFileSync(join(dist, file), join(root, 'uncached', file));
    const time = (launcher) => {
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, [launcher, 'rfcs/one.md'], { cwd: root, stdio: 'ignore' });
      return Number(process.hrtime.bigint() - start) / 1e9;
    };
    const cached = [];
    const uncached = [];
    for (let i = 0; i < pairs; i++) {
      cached.push(time(join(dist, 'cli.js')));
      uncached.push(time(join(root, 'uncached', 'cli.js')));
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return { cached: median(cached), uncached: median(uncached), ratio: median(cached.map((c, i) => c / uncached[i])), pairs };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
