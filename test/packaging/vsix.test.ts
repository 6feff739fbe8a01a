/**
 * What the VSIX ships, checked with the project's own vsce: `vsce ls` (the list .vscodeignore
 * gives) and one real `vsce package`, plain (no allow-flags), whose zip is read back. Both
 * must hold exactly the allowlist below; anything added to or dropped from the package
 * fails until this list says so. Runs on the bundles `npm test` has just built.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { readZip } from './zip';

/** Every file the extension needs at run time or the Marketplace shows, and nothing else. */
const EXPECTED_FILES = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  // The rfc-lint task type runs the bundled CLI (client/src/lintTask.ts): its launcher and
  // the CLI itself, without the code cache (the editor's V8 would turn it down).
  'dist/cli-main.js',
  'dist/cli.js',
  'dist/client.js',
  'dist/server.js',
  // package.json `browser` (vscode.dev, github.dev) and the language server it runs in a Web Worker.
  'dist/web/client.js',
  'dist/web/server.js',
  'images/icon.png',
  'media/rfc-preview.css',
  'package.json',
  'schemas/rfcrc.schema.json',
  'snippets/rfc.code-snippets',
  'syntaxes/rfc-placeholders.tmLanguage.json',
];

/** The same files as vsce stores them in the zip (it renames the docs), with its two manifests. */
const EXPECTED_ENTRIES = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  ...EXPECTED_FILES.map((file) => `extension/${{ 'README.md': 'readme.md', 'CHANGELOG.md': 'changelog.md', LICENSE: 'LICENSE.txt' }[file] ?? file}`),
];

const vsceBin = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { repository: { url: string } };
/** `git+https://github.com/owner/name.git` → `https://github.com/owner/name`, as vsce reads it. */
const repositoryUrl = manifest.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

function vsce(args: string[]): string {
  const run = spawnSync(process.execPath, [vsceBin, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, `vsce ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

describe('VSIX contents', () => {
  let scratch: string;
  before(() => {
    assert.ok(existsSync(path.join(repoRoot, 'dist', 'client.js')), 'dist/ is not built: run npm run build first');
    scratch = mkdtempSync(path.join(tmpdir(), 'rfc-vsix-'));
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('lists exactly the allowed files with vsce ls', () => {
    const listed = vsce(['ls', '--no-dependencies']).split('\n').filter(Boolean).sort();
    assert.deepEqual(listed, [...EXPECTED_FILES].sort());
  });

  describe('a VSIX made by plain vsce package', () => {
    let entries: Map<string, Buffer>;
    before(async function () {
      this.timeout(120_000);
      const vsix = path.join(scratch, 'rfc-assistant.vsix');
      vsce(['package', '--out', vsix]);
      entries = await readZip(vsix);
    });

    it('holds exactly the allowed files', () => {
      assert.deepEqual([...entries.keys()].sort(), [...EXPECTED_ENTRIES].sort());
    });

    it('links README images to files the repository has, over https', () => {
      const readme = entries.get('extension/readme.md')!.toString('utf8');
      const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]+src=["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]!);
      assert.ok(images.length >= 4, `only ${images.length} images in the packaged README`);
      for (const image of images) {
        const prefix = `${repositoryUrl}/raw/HEAD/`;
        assert.ok(image.startsWith(prefix), `${image} is not under ${prefix}`);
        assert.ok(existsSync(path.join(repoRoot, image.slice(prefix.length))), `${image} names no file in the repository`);
      }
    });

    it('rewrites relative README links only to files the repository has', () => {
      const readme = entries.get('extension/readme.md')!.toString('utf8');
      const prefix = `${repositoryUrl}/blob/HEAD/`;
      const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((link) => link.startsWith(prefix));
      for (const link of links) {
        assert.ok(existsSync(path.join(repoRoot, decodeURI(link.slice(prefix.length)))), `${link} names no file in the repository`);
      }
    });

    it('carries the repository, issues and homepage links in its manifest', () => {
      const packaged = JSON.parse(entries.get('extension/package.json')!.toString('utf8')) as Record<string, unknown>;
      assert.deepEqual(packaged.repository, { type: 'git', url: `git+${repositoryUrl}.git` });
      assert.deepEqual(packaged.bugs, { url: `${repositoryUrl}/issues` });
      assert.equal(packaged.homepage, `${repositoryUrl}#readme`);
    });
  });
});
