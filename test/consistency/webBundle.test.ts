/**
 * The browser bundles (vscode.dev, github.dev) carry nothing of Node: esbuild's `browser`
 * platform already fails on a Node built-in it cannot resolve, and this reads what the
 * bundles are made of (esbuild's metafile, built here from scripts/bundles.mjs, the options
 * `npm run build` uses) to say which module brought one in. The Node server's entry is the
 * only one that may reach `vscode-languageserver/node` and node/.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { repoRoot } from '../support/paths';

interface Metafile {
  inputs: Record<string, { imports: { path: string; external?: boolean; original?: string }[] }>;
}

/** Builds one bundle of scripts/bundles.mjs in memory, returning what went into it. */
async function inputsOf(name: 'webClient' | 'webServer'): Promise<Metafile> {
  const { bundles } = (await import(pathToFileURL(path.join(repoRoot, 'scripts/bundles.mjs')).href)) as {
    bundles(): Record<string, esbuild.BuildOptions>;
  };
  const result = await esbuild.build({ ...bundles()[name], absWorkingDir: repoRoot, write: false, metafile: true, logLevel: 'silent' });
  return result.metafile as Metafile;
}

/** Inputs and imports that belong to Node only. */
function nodeOnly(meta: Metafile): string[] {
  const found: string[] = [];
  for (const [input, { imports }] of Object.entries(meta.inputs)) {
    if (/(^|\/)vscode-language(server|client)(-protocol)?\/lib\/node\//.test(input)) found.push(input);
    if (/^server\/src\/(node|cli)\//.test(input) || input === 'server/src/lsp/server.ts') found.push(input);
    for (const imported of imports) {
      if (imported.path.startsWith('node:') || /^(fs|path|os|child_process|net|url|util|crypto)$/.test(imported.path)) {
        found.push(`${input} imports ${imported.path}`);
      }
    }
  }
  return found;
}

describe('web bundles', function () {
  this.timeout(60_000);

  for (const name of ['webServer', 'webClient'] as const) {
    it(`${name}: no Node built-in and no /node entry of the language server libraries`, async () => {
      const meta = await inputsOf(name);
      const inputs = Object.keys(meta.inputs);
      // The bundle is what it says: the shared wiring and the browser connection.
      const expected = name === 'webServer' ? ['server/src/lsp/startServer.ts', 'server/src/lsp/clientFiles.ts'] : ['client/src/activate.ts', 'client/src/fileServer.ts'];
      for (const file of expected) assert.ok(inputs.includes(file), `${file} is not in the ${name} bundle`);
      assert.ok(inputs.some((input) => /vscode-language(server|client)\/lib\/browser\/main\.js$/.test(input)), `${name} has no browser entry of the LSP library`);
      assert.deepEqual(nodeOnly(meta), []);
    });
  }
});
