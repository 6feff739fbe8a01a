// The extension's esbuild bundles, one options object each: scripts/build.mjs builds them, and
// test/consistency/webBundle.test.ts rebuilds the browser ones to read what they contain.
import { readFile } from 'node:fs/promises';
import { BUILT_IN_TEMPLATE_GLOBAL } from './builtInTemplate.mjs';

/*
 * markdown-it 15's build turns its class fields into `_defineProperty(this, "field", value)`
 * calls: one shared helper storing every field of every class, which V8 cannot make fast
 * (a megamorphic store behind toPropertyKey and an `in` check), a fifth of rfc-lint's time
 * and a quarter of a worker thread's. Each call on `this` becomes the assignment it amounts
 * to (`this.field = (value)`: a new own field on an object whose classes have no
 * accessors); the few static ones keep the helper. If a markdown-it release no longer has
 * such calls, the build says so and bundles it unchanged.
 */
const FIELD_CALL = /_defineProperty\(\s*this,\s*(?:\/\*[\s\S]*?\*\/\s*)?"([A-Za-z_$][\w$]*)",/g;
export const plainMarkdownItFields = {
  name: 'plain-markdown-it-fields',
  setup(build) {
    build.onLoad({ filter: /[\\/]markdown-it[\\/]dist[\\/]markdown-it\.(?:mjs|cjs\.js)$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(FIELD_CALL, 'this.$1 = (');
      if (contents === source) {
        console.warn(`build: ${args.path} has no _defineProperty(this, …) calls to simplify; bundled as it is`);
        return undefined;
      }
      return { contents, loader: 'js' };
    });
  },
};

/**
 * Every bundle: the Node ones (server, CLI, client) and the browser ones (dist/web/).
 * `builtInTemplate`: the built-in template's model, encoded (scripts/builtInTemplate.mjs);
 * without it the bundles build the model when they start.
 */
export function bundles({ minify = false, builtInTemplate = undefined } = {}) {
  const common = {
    bundle: true,
    sourcemap: true,
    minify,
    loader: { '.md': 'text' },
    define: builtInTemplate === undefined ? {} : { [BUILT_IN_TEMPLATE_GLOBAL]: JSON.stringify(builtInTemplate) },
    logLevel: 'warning',
    plugins: [plainMarkdownItFields],
  };
  const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };
  // vscode.dev and github.dev: no Node built-ins resolve here, so a stray import fails the build.
  const browser = { ...common, platform: 'browser', target: 'es2022' };
  return {
    server: {
      ...node,
      entryPoints: ['server/src/lsp/server.ts'],
      outfile: 'dist/server.js',
      // The npm package's `rfc-language-server` bin; the extension starts it as a module.
      banner: { js: '#!/usr/bin/env node' },
    },
    // rfc-lint: a small launcher (the package's bin) that runs the CLI from V8's code cache,
    // which scripts/build.mjs records beside it (server/src/node/codeCache.ts).
    cli: { ...node, entryPoints: ['server/src/cli/launcher.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
    cliMain: { ...node, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli-main.js' },
    client: { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
    // package.json `browser`: loaded by the web-worker extension host as CommonJS.
    webClient: { ...browser, format: 'cjs', entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/client.js', external: ['vscode'] },
    // The language server in a Web Worker the web client starts: a plain script.
    webServer: { ...browser, format: 'iife', entryPoints: ['server/src/web/server.ts'], outfile: 'dist/web/server.js' },
  };
}
