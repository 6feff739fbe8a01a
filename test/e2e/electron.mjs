#!/usr/bin/env node
// The same real-editor suite in a desktop VS Code downloaded by @vscode/test-electron, for
// machines that can reach Microsoft's update server (not these machines, so not in CI):
//   npm run test:e2e:electron            (or: node24 test/e2e/electron.mjs [VS Code version])
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareWorkspace } from './harness/workspace.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
// Installed with the harness tools (it needs Node 22+): run this script with test/e2e/node24's Node.
const { runTests } = createRequire(join(here, 'tools', 'package.json'))('@vscode/test-electron');
const runDir = mkdtempSync(join(tmpdir(), 'rfc-e2e-electron-'));
const results = join(runDir, 'results.json');
try {
  const code = await runTests({
    version: process.argv[2] ?? 'stable',
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(repo, 'out', 'test', 'e2e', 'suite', 'index.js'),
    extensionTestsEnv: { RFC_E2E_RESULTS: results },
    launchArgs: [prepareWorkspace(runDir), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  const tests = JSON.parse(readFileSync(results, 'utf8'));
  const failed = tests.filter((t) => t.state !== 'passed').length;
  console.log(`\nreal editor (electron): ${tests.length - failed} passed, ${failed} failed`);
  process.exit(code);
} catch (error) {
  console.error(`Could not run VS Code: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
