// Bundles the extension's three entry points with esbuild. `--minify` for the package.
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

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
const plainMarkdownItFields = {
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

const minify = process.argv.includes('--minify');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify,
  loader: { '.md': 'text' },
  logLevel: 'warning',
  plugins: [plainMarkdownItFields],
};

try {
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ['server/src/lsp/server.ts'],
      outfile: 'dist/server.js',
      // The npm package's `rfc-language-server` bin; the extension starts it as a module.
      banner: { js: '#!/usr/bin/env node' },
    }),
    esbuild.build({
      ...common,
      entryPoints: ['server/src/cli/main.ts'],
      outfile: 'dist/cli.js',
      banner: { js: '#!/usr/bin/env node' },
    }),
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  ]);
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
