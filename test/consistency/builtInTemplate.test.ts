/**
 * The bundles start with the built-in template's model the build encoded
 * (scripts/builtInTemplate.mjs): it is the model the engine builds from the template, and
 * esbuild put it in place of the global defaultTemplate.ts reads, in every bundle that
 * analyses. If the global were left in place, the bundles would quietly build the model at
 * every start again.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { buildTemplateModel, decodeTemplateModel } from '../../server/src/engine';
import { defaultTemplateText } from '../support/engine';
import { repoRoot } from '../support/paths';

interface BuildScripts {
  encodedBuiltInTemplate(): Promise<string>;
  BUILT_IN_TEMPLATE_GLOBAL: string;
  bundles(options: { builtInTemplate?: string }): Record<string, esbuild.BuildOptions>;
}

async function buildScripts(): Promise<BuildScripts> {
  const script = (name: string) => import(pathToFileURL(path.join(repoRoot, 'scripts', name)).href);
  return { ...(await script('builtInTemplate.mjs')), ...(await script('bundles.mjs')) } as BuildScripts;
}

describe('built-in template in the bundles', function () {
  this.timeout(60_000);
  let scripts: BuildScripts;
  // The build's encoding, made once (an esbuild build of the engine) for every test here.
  let encoded: string;
  before(async () => {
    scripts = await buildScripts();
    encoded = await scripts.encodedBuiltInTemplate();
  });

  it('is encoded from the model the engine builds of the template', () => {
    assert.deepEqual(decodeTemplateModel(encoded), buildTemplateModel(defaultTemplateText()));
  });

  for (const name of ['cliMain', 'server', 'webServer']) {
    it(`is in the ${name} bundle in place of the global`, async () => {
      const { bundles, BUILT_IN_TEMPLATE_GLOBAL } = scripts;
      const result = await esbuild.build({ ...bundles({ builtInTemplate: encoded })[name], absWorkingDir: repoRoot, write: false, sourcemap: false, logLevel: 'silent' });
      const [bundle] = result.outputFiles.map((file) => file.text);
      const global = BUILT_IN_TEMPLATE_GLOBAL.replace('globalThis.', '');
      assert.ok(!bundle.includes(global), `${name} still reads ${BUILT_IN_TEMPLATE_GLOBAL}`);
      // esbuild writes the string in its own quotes: its start, up to the first escape, is as it was.
      const firstEscape = encoded.indexOf('\\');
      const start = encoded.slice(0, Math.min(80, firstEscape < 0 ? 80 : firstEscape));
      assert.ok(start.length >= 20 && bundle.includes(start), `${name} carries the encoded model (${start})`);
    });
  }
});
