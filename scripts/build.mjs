// Bundles the extension's entry points with esbuild (scripts/bundles.mjs). `--minify` for the package.
// Then records rfc-lint's code cache (server/src/node/codeCache.ts): one run of the new
// bundle over examples/, which writes the bytecode it compiled beside it.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { encodedBuiltInTemplate } from './builtInTemplate.mjs';
import { bundles } from './bundles.mjs';

const cache = 'dist/cli-main.js.v8cache';
rmSync(cache, { force: true });
try {
  const builtInTemplate = await encodedBuiltInTemplate();
  await Promise.all(Object.values(bundles({ minify: process.argv.includes('--minify'), builtInTemplate })).map((options) => esbuild.build(options)));
} catch {
  // esbuild has already printed the errors.
  process.exit(1);
}
// Exit 1 is expected: the examples have findings.
const record = spawnSync(process.execPath, ['dist/cli.js', '--jobs', '1', 'examples'], {
  env: { ...process.env, RFC_ASSISTANT_RECORD_CODE_CACHE: '1' },
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
if (record.status !== 0 && record.status !== 1) {
  console.error(`build: rfc-lint failed on examples/ (exit ${record.status ?? record.signal}):\n${record.stderr}`);
  process.exit(1);
}
if (!existsSync(cache)) console.warn(`build: no ${cache} was written; rfc-lint works without it, only starts slower`);
