// Bundles the extension's three entry points with esbuild. `--minify` for the package.
import * as esbuild from 'esbuild';

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
};

try {
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' }),
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
