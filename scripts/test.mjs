// `npm test` after the build: the engine, fixture, CLI, language-server and Neovim tests
// (mocha, Node 20; Neovim set up by test/nvim/setup.sh), then the real-editor tests
// (code-server, set up by test/e2e/setup.sh), then the web tests (the web build in
// code-server's web worker extension host), then one closing line with the counts of all.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const countsDir = mkdtempSync(join(tmpdir(), 'rfc-test-counts-'));
const parts = [
  // Mocha runs even when Neovim cannot be installed (not root): the other tests still
  // report, and the Neovim test fails saying how to install it.
  { name: 'mocha', command: 'bash', args: ['-c', 'bash test/nvim/setup.sh; npx mocha'] },
  { name: 'real editor', command: 'bash', args: ['-c', 'bash test/e2e/setup.sh && npm run --silent build:e2e && node test/e2e/run.mjs'] },
  // The web build in code-server's web worker extension host (same harness; the suite's
  // bundle is built by test/web/run.mjs).
  { name: 'web', command: 'node', args: ['test/web/run.mjs'] },
];

const total = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;
for (const [i, part] of parts.entries()) {
  const countsFile = join(countsDir, `${i}.json`);
  const run = spawnSync(part.command, part.args, { stdio: 'inherit', env: { ...process.env, RFC_TEST_COUNTS: countsFile } });
  if (run.status !== 0) exitCode = 1;
  try {
    const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
    for (const key of Object.keys(total)) total[key] += counts[key];
  } catch {
    console.error(`${part.name}: ended without reporting its counts (exit code ${run.status})`);
    total.failed++;
    exitCode = 1;
  }
}
rmSync(countsDir, { recursive: true, force: true });
console.log(`\nall tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(exitCode);
