import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/engine';
import { repoRoot } from '../support/paths';

const serverSrc = path.join(repoRoot, 'server/src');

/**
 * The layers of server/src and what each may import: engine ← project ← lsp / cli, with
 * node/ (the Node file system behind the project's interface) beside lsp and cli. A
 * relative import names the layer of its target; a package import must be listed. web/ is
 * the Web Worker entry beside the Node one (lsp/server.ts).
 */
const LAYERS: Record<string, { layers: string[]; packages: RegExp }> = {
  engine: { layers: ['engine'], packages: /^(markdown-it|yaml)$/ },
  // Runs in a Web Worker too: no Node built-ins, no LSP.
  project: { layers: ['engine', 'project'], packages: /^(vscode-uri|picomatch\/posix)$/ },
  // node/ also runs project code in worker threads (the index worker), with the engine's types.
  node: { layers: ['engine', 'project', 'node'], packages: /^(node:.+|vscode-uri)$/ },
  // The CLI bundle carries no LSP code: no protocol.ts, no lsp/.
  cli: { layers: ['engine', 'project', 'node', 'cli', 'defaultTemplate'], packages: /^(node:.+|picomatch|vscode-uri)$/ },
  // Only lsp/server.ts, the Node entry, uses node/ and vscode-languageserver/node (webBundle.test.ts checks the rest).
  lsp: { layers: ['engine', 'project', 'node', 'lsp', 'protocol', 'defaultTemplate'], packages: /^vscode-languageserver(\/node|-textdocument)?$/ },
  // The Web Worker entry: the shared wiring of lsp/ on a browser connection.
  web: { layers: ['lsp'], packages: /^vscode-languageserver\/browser$/ },
  protocol: { layers: ['engine', 'project'], packages: /^vscode-languageserver-protocol$/ },
  defaultTemplate: { layers: ['engine', 'templates'], packages: /^$/ },
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The layer of a file under server/: its first folder under src/, or its name at src/'s top. */
function layerOf(file: string): string {
  const rel = path.relative(serverSrc, file).split(path.sep);
  if (rel[0] === '..') return path.relative(path.join(repoRoot, 'server'), file).split(path.sep)[0];
  return rel.length === 1 ? rel[0].replace(/\.(ts|md)$/, '') : rel[0];
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]);
}

describe('layers of server/src', () => {
  it('points every import inward: engine ← project ← lsp / cli', () => {
    const files = tsFiles(serverSrc);
    assert.ok(files.length > 50);
    const wrong: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      const allowed = LAYERS[layer];
      assert.ok(allowed, `${path.relative(repoRoot, file)} is in no known layer`);
      for (const spec of importsOf(file)) {
        const ok = spec.startsWith('.') ? allowed.layers.includes(layerOf(path.resolve(path.dirname(file), spec))) : allowed.packages.test(spec);
        if (!ok) wrong.push(`${path.relative(repoRoot, file)} (${layer}) imports '${spec}'`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('keeps source files under 300 lines, or says why in their opening comment', () => {
    const long: string[] = [];
    for (const file of [...tsFiles(serverSrc), ...tsFiles(path.join(repoRoot, 'client/src'))]) {
      const lines = readFileSync(file, 'utf8').split('\n');
      if (lines.length <= 300) continue;
      const opening = lines.slice(0, 40).join('\n');
      if (!/Why one file of more than 300 lines:/.test(opening)) long.push(`${path.relative(repoRoot, file)} (${lines.length} lines)`);
    }
    assert.deepEqual(long, []);
  });

  it('switches on no rule id outside the rule files: behaviour comes from the declarations', () => {
    const ids = new Set(allRules.map((r) => r.id));
    const rulesDir = path.join(serverSrc, 'engine/rules');
    const found: string[] = [];
    for (const file of [...tsFiles(serverSrc), ...tsFiles(path.join(repoRoot, 'client/src'))]) {
      if (file.startsWith(rulesDir + path.sep)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/'([a-z]+(?:-[a-z]+)*)'/g)) {
        if (ids.has(m[1])) found.push(`${path.relative(repoRoot, file)}: '${m[1]}'`);
      }
    }
    assert.deepEqual(found, []);
  });

  it('gives every rule a documentation anchor README.md has', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const anchors = new Set([...readme.matchAll(/^#+ (.+)$/gm)].map((m) => `#${m[1].toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-')}`));
    for (const rule of allRules) assert.ok(anchors.has(rule.docs), `${rule.id}: README has no heading for ${rule.docs}`);
  });
});
