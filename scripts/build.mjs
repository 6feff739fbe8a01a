// Bundles the extension's entry points with esbuild (scripts/bundles.mjs). `--minify` for the package.
import * as esbuild from 'esbuild';
import { bundles } from './bundles.mjs';

try {
  await Promise.all(Object.values(bundles({ minify: process.argv.includes('--minify') })).map((options) => esbuild.build(options)));
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
