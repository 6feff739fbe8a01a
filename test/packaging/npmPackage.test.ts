/**
 * The npm package as a user gets it: `npm pack` of the repository (the bundles `npm test`
 * has just built), installed offline into an empty folder, then its two commands run from
 * there: `rfc-lint` on an RFC and `rfc-language-server --stdio` answering a real LSP client.
 * The install folder holds no node_modules but the package's own, so this also shows the
 * bundles need no runtime dependency.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { cliBundle, fixturesDir, repoRoot } from '../support/paths';

/** What the tarball holds (package/…); .npmignore says why. */
const EXPECTED_FILES = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/cli-main.js',
  'dist/cli-main.js.v8cache',
  'dist/cli.js',
  'dist/server.js',
  'package.json',
  'schemas/rfc-lint-report.schema.json',
  'schemas/rfcrc.schema.json',
];

const RFC = 'half-filled-rfc.md';

/**
 * The commands run with this Node first on PATH, as `#!/usr/bin/env node` finds it, and
 * without the npm_* variables of an outer `npm test`: the inner npm would take them as its
 * own config (npm_config_local_prefix would install into the repository).
 */
const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1' };
for (const key of Object.keys(env)) if (/^npm_/i.test(key) || key === 'FORCE_COLOR' || key === 'GITHUB_ACTIONS') delete env[key];

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  assert.equal(result.status, 0, `${what} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe('npm package', () => {
  let scratch: string;
  let installed: string;
  let packed: { filename: string; files: { path: string }[]; size: number };
  const bin = (name: string) => path.join(installed, 'node_modules', '.bin', name);

  before(function () {
    this.timeout(180_000);
    assert.ok(existsSync(cliBundle), 'dist/ is not built: run npm run build first');
    scratch = realpathSync(mkdtempSync(path.join(tmpdir(), 'rfc-npm-')));
    // --ignore-scripts: pack the bundles under test rather than rebuilding them (prepack).
    const packOutput = ok(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], repoRoot), 'npm pack');
    packed = (JSON.parse(packOutput) as (typeof packed)[])[0]!;
    installed = path.join(scratch, 'install');
    mkdirSync(installed);
    writeFileSync(path.join(installed, 'package.json'), JSON.stringify({ name: 'rfc-npm-check', private: true }));
    ok(run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(scratch, packed.filename)], installed), 'npm install of the tarball');
  });
  after(async () => {
    await disposeAllClients();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('packs exactly the allowed files', () => {
    assert.deepEqual(packed.files.map((f) => f.path).sort(), [...EXPECTED_FILES].sort());
  });

  it('installs with no dependency of its own', () => {
    const modules = readdirSync(path.join(installed, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(modules, ['rfc-assistant']);
    for (const name of ['rfc-lint', 'rfc-language-server']) assert.ok(statSync(bin(name)).mode & 0o111, `${name} is not executable`);
  });

  it('runs the installed rfc-lint on an RFC, as the repository build does', () => {
    const folder = path.join(scratch, 'rfcs');
    mkdirSync(folder);
    copyFileSync(path.join(fixturesDir, RFC), path.join(folder, RFC));
    const lint = run(bin('rfc-lint'), [RFC], folder);
    assert.equal(lint.status, 1, `exit code (a warning fails the run)\n${lint.stderr}`);
    assert.match(lint.stdout, /^half-filled-rfc\.md:25:1 warning missing-section Missing section 'Alternatives Considered' of the RFC/m);
    const fromRepository = run(process.execPath, [cliBundle, RFC], folder);
    assert.equal(lint.stdout, fromRepository.stdout);
    assert.equal(lint.stderr, '');
  });

  it('prints the package version with rfc-lint --version', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.equal(ok(run(bin('rfc-lint'), ['--version'], scratch), 'rfc-lint --version').trim(), manifest.version);
  });

  it('answers LSP with the installed rfc-language-server --stdio', async () => {
    const folder = path.join(scratch, 'lsp');
    mkdirSync(folder);
    const client = await LspClient.start({ serverCommand: [bin('rfc-language-server')], workspaceFolders: [pathToFileURL(folder).href] });
    assert.equal(client.initializeResult.serverInfo?.name, 'RFC Assistant');
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    assert.equal(client.initializeResult.serverInfo?.version, manifest.version);
    const uri = pathToFileURL(path.join(folder, 'rfcs', RFC)).href;
    client.open(uri, '# RFC: Packaging\n\n**Status**: Draft\n');
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.ok(published.diagnostics.some((d) => d.code === 'missing-section'), JSON.stringify(published.diagnostics.map((d) => d.code)));
    assert.equal(await client.shutdown(), 0, client.context());
  });

  it('says how to start rfc-language-server when no transport is given, with exit code 2', () => {
    const bare = run(bin('rfc-language-server'), [], scratch);
    assert.equal(bare.status, 2, bare.stderr);
    assert.equal(bare.stdout, '');
    assert.match(bare.stderr, /^Usage: rfc-language-server --stdio$/m);
    const help = run(bin('rfc-language-server'), ['--help'], scratch);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: rfc-language-server --stdio$/m);
  });
});
