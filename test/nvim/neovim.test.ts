/**
 * The built language server (`node dist/server.js --stdio`) in a real editor that is not
 * VS Code: a headless Neovim runs test/nvim/driver.lua, which starts the server with
 * `vim.lsp.start_client`, opens an RFC written from the built-in template, and records
 * the diagnostics, a code action applied, completion on the Status line and the
 * diagnostics after settings are pushed with `workspace/didChangeConfiguration`. This
 * test compares that record, exactly, with what the template says it must be.
 *
 * Neovim comes from Debian's `neovim` package (test/nvim/setup.sh). Without it the test
 * fails, saying how to install it; it is never skipped.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { scanPlaceholders, templateText } from '../support/lspDocuments';
import { repoRoot, serverBundle } from '../support/paths';

const driver = path.join(repoRoot, 'test', 'nvim', 'driver.lua');
/** The bound of each wait inside the driver; the whole run is bounded by RUN_LIMIT_MS. */
const WAIT_MS = 20_000;
const RUN_LIMIT_MS = 90_000;

/** What driver.lua writes (see its comments for how each part is taken). */
interface DriverResult {
  nvim: string;
  uri: string;
  advertisedConfiguration: boolean;
  timeouts: string[];
  error?: string;
  first: { codes: Record<string, number>; sources: string[]; inVimDiagnostic: number };
  codeAction: {
    line: number;
    diagnosticsAtLine: number;
    before: string;
    titles: string[];
    applied: string;
    after: string[];
    lineCount: { before: number; after: number };
    codesAfter: Record<string, number>;
  };
  completion: { line: number; character: number; text: string; labels: string[] };
  pushes: Record<string, { codes: Record<string, number>; severities: Record<string, number>; inVimDiagnostic: number }>;
  configurationBeforePush: number;
  configuration: { items: { section: string; scopeUri: string }[]; answer: unknown[] }[];
}

function nvimVersion(): string {
  const run = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error('Neovim (nvim) is not installed: run `bash test/nvim/setup.sh` (as root it installs Debian\'s neovim package), or `apt-get install -y neovim`.');
  }
  return run.stdout.split('\n')[0];
}

/** An environment with a scratch HOME and XDG folders, so no user or system configuration is read. */
function scratchEnv(home: string, extra: Record<string, string>): Record<string, string> {
  mkdirSync(home, { recursive: true });
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_CONFIG_DIRS: path.join(home, '.config-dirs'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    RFC_WAIT_MS: String(WAIT_MS),
    ...extra,
  };
}

/** A workspace folder with one RFC written from the built-in template, placeholders left. */
function workspaceWithRfc(root: string): string {
  const doc = path.join(root, 'rfcs', '2026-001-neovim.md');
  mkdirSync(path.dirname(doc), { recursive: true });
  writeFileSync(doc, templateText());
  return doc;
}

function runNvim(args: string[], cwd: string, env: Record<string, string>, resultFile: string): unknown {
  const run = spawnSync('nvim', args, { cwd, env, encoding: 'utf8', timeout: RUN_LIMIT_MS, input: '' });
  assert.equal(run.status, 0, `nvim exited with ${run.status} (signal ${run.signal}); stderr: ${run.stderr}`);
  return JSON.parse(readFileSync(resultFile, 'utf8'));
}

/** Runs driver.lua in a headless Neovim started with no configuration at all. */
function runDriver(scratch: string, advertisePull: boolean): { result: DriverResult; doc: string; root: string } {
  const name = advertisePull ? 'pull' : 'own';
  const root = path.join(scratch, name, 'ws');
  const doc = workspaceWithRfc(root);
  const resultFile = path.join(scratch, name, 'result.json');
  const env = scratchEnv(path.join(scratch, name, 'home'), {
    RFC_NODE: process.execPath,
    RFC_SERVER: serverBundle,
    RFC_ROOT: root,
    RFC_DOC: doc,
    RFC_RESULT: resultFile,
    RFC_DRIVER: driver,
    RFC_ACTION: 'Set Status to Draft',
    RFC_ADVERTISE_PULL: advertisePull ? '1' : '0',
  });
  const args = ['--clean', '--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', 'lua dofile(vim.env.RFC_DRIVER)'];
  return { result: runNvim(args, root, env, resultFile) as DriverResult, doc, root };
}

/** README's Neovim 0.7 configuration: the one lua block in README.md that calls vim.lsp.start_client. */
function readmeNeovim07Config(): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^```lua\n([\s\S]*?)^```$/gm)].map((m) => m[1]).filter((b) => b.includes('vim.lsp.start_client'));
  assert.equal(blocks.length, 1, 'README has one Neovim 0.7 configuration');
  return blocks[0];
}

describe('Neovim (headless) drives the language server', function () {
  this.timeout(2 * RUN_LIMIT_MS + 10_000);
  let scratch: string;
  let version: string;

  before(() => {
    version = nvimVersion();
    scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'rfc-nvim-')));
  });
  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const template = templateText();
  const lines = template.split('\n');
  const statusLine = lines.findIndex((l) => l.startsWith('**Status**:'));
  const placeholders = scanPlaceholders(template).length;
  // Neovim's buffer has no line after the file's final newline.
  const bufferLines = template.endsWith('\n') ? lines.length - 1 : lines.length;

  for (const advertisePull of [false, true]) {
    const how = advertisePull
      ? 'advertising workspace/configuration (as newer Neovim does) with empty config.settings, so the server asks and gets null'
      : "with Neovim's own client capabilities";
    it(`diagnostics, a code action, Status completion, and pushed settings obeyed: ${how}`, () => {
      const { result, doc, root } = runDriver(scratch, advertisePull);
      console.log(`      ${version}: ${JSON.stringify({ first: result.first, applied: result.codeAction.applied, completion: result.completion.labels, pushes: result.pushes, configurationRequests: result.configuration.length })}`);
      assert.equal(result.error, undefined);
      assert.deepEqual(result.timeouts, []);
      assert.equal(`NVIM v${result.nvim}`, version);
      assert.equal(result.uri, pathToFileURL(doc).href);

      assert.ok(placeholders > 50, `the template has many placeholders (${placeholders})`);
      assert.deepEqual(result.first, { codes: { placeholder: placeholders }, sources: ['rfc'], inVimDiagnostic: placeholders });

      assert.deepEqual(result.codeAction, {
        line: statusLine,
        diagnosticsAtLine: 1,
        before: lines[statusLine],
        titles: ['Set Status to Draft', 'Set Status to Under Review', 'Set Status to Approved', 'Set Status to Implemented', 'Disable placeholder for this line'],
        applied: 'Set Status to Draft',
        after: [lines[statusLine - 1], lines[statusLine].replace('[Draft/Under Review/Approved/Implemented]', 'Draft'), lines[statusLine + 1]],
        lineCount: { before: bufferLines, after: bufferLines },
        codesAfter: { placeholder: placeholders - 1 },
      });

      assert.deepEqual(result.completion, {
        line: statusLine,
        character: '**Status**: '.length,
        text: lines[statusLine].replace('[Draft/Under Review/Approved/Implemented]', 'Draft'),
        labels: ['Draft', 'Under Review', 'Approved', 'Implemented'],
      });

      const left = placeholders - 1;
      assert.deepEqual(result.pushes, {
        'placeholder=error': { codes: { placeholder: left }, severities: { 'placeholder:1': left }, inVimDiagnostic: left },
        'placeholder=off': { codes: {}, severities: {}, inVimDiagnostic: 0 },
      });

      // The push path: the settings reached the server only as didChangeConfiguration.
      // Asked or not, Neovim never had an rfc section to answer with.
      if (advertisePull) assert.equal(result.advertisedConfiguration, true);
      // Asked for the workspace folder (root_dir) the document is in, as settings differ per folder.
      const asked = { items: [{ section: 'rfc', scopeUri: pathToFileURL(root).href }], answer: [null] };
      if (result.advertisedConfiguration) {
        // Once at open, once again after each push (the server forgets its answers on a change).
        assert.equal(result.configurationBeforePush, 1);
        assert.deepEqual(result.configuration, [asked, asked, asked]);
      } else {
        assert.equal(result.configurationBeforePush, 0);
        assert.deepEqual(result.configuration, []);
      }
    });
  }

  it("starts from README's Neovim 0.7 configuration as init.lua, with its setting obeyed", () => {
    const root = path.join(scratch, 'readme', 'ws');
    const doc = workspaceWithRfc(root);
    const home = path.join(scratch, 'readme', 'home');
    const resultFile = path.join(scratch, 'readme', 'result.json');
    const env = scratchEnv(home, {
      RFC_NODE: process.execPath,
      RFC_SERVER: serverBundle,
      RFC_DOC: doc,
      RFC_RESULT: resultFile,
      RFC_CHECK: path.join(repoRoot, 'test', 'nvim', 'readmeConfig.lua'),
    });
    // `rfc-language-server` on PATH, as the npm package's bin puts it there.
    const bin = path.join(scratch, 'readme', 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, 'rfc-language-server'), '#!/bin/sh\nexec "$RFC_NODE" "$RFC_SERVER" "$@"\n', { mode: 0o755 });
    env.PATH = `${bin}${path.delimiter}${env.PATH}`;
    mkdirSync(path.join(env.XDG_CONFIG_HOME, 'nvim'), { recursive: true });
    writeFileSync(path.join(env.XDG_CONFIG_HOME, 'nvim', 'init.lua'), readmeNeovim07Config());

    const result = runNvim(['--headless', '-i', 'NONE', '-n', '-c', 'lua dofile(vim.env.RFC_CHECK)'], root, env, resultFile);
    console.log(`      ${version}: ${JSON.stringify(result)}`);
    assert.deepEqual(result, {
      timeouts: [],
      filetype: 'markdown',
      clients: ['rfc'],
      diagnostics: { 'rfc:placeholder:ERROR': placeholders },
    });
  });
});
