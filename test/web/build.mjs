// Bundles the web suite (test/web/suite) into dist/web/test/index.js for the web worker
// extension host: a browser bundle in CommonJS, the shape the host loads an
// `extensionTestsPath` module in, with `vscode` from the host. Not part of `npm run build`:
// the product does not ship its tests.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

try {
  await esbuild.build({
    entryPoints: [join(repo, 'test', 'web', 'suite', 'index.ts')],
    outfile: join(repo, 'dist', 'web', 'test', 'index.js'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: true,
    logLevel: 'warning',
  });
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
