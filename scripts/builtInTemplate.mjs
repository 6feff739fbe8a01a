// The built-in template's model, encoded (server/src/engine/templateCodec.ts) for the bundles
// to start with instead of building it: scripts/bundles.mjs puts it in place of the global
// server/src/defaultTemplate.ts reads. Made here by the engine's own sources, bundled in
// memory and run once, so it is always the model the bundles' engine would build.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';

export const BUILT_IN_TEMPLATE_GLOBAL = 'globalThis.RFC_ASSISTANT_BUILT_IN_TEMPLATE_MODEL';

export async function encodedBuiltInTemplate() {
  const entry = `
    import text from './server/templates/default.md';
    import { buildTemplateModel, encodeTemplateModel } from './server/src/engine';
    module.exports = encodeTemplateModel(buildTemplateModel(text));`;
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, loader: { '.md': 'text' }, logLevel: 'warning',
  });
  const module = { exports: undefined };
  runInThisContext(`(function (module, require) {${result.outputFiles[0].text}\n})`)(module, createRequire(import.meta.url));
  if (typeof module.exports !== 'string') throw new Error('the built-in template model was not encoded');
  return module.exports;
}
