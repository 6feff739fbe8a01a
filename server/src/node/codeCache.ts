/**
 * Runs a CommonJS bundle through V8's code cache: the bytecode of every function a typical
 * run compiled, saved beside the bundle when it was built (scripts/build.mjs), so a process
 * and each of its worker threads start without parsing and compiling 800 KB of JavaScript
 * again: rfc-lint on one RFC takes about a tenth less time (`npm run bench:cli` measures it).
 *
 * Node 20 has no compile cache of its own (module.enableCompileCache came in 22.1), hence
 * vm.Script's cachedData. V8 checks that the data fits its version and flags and then
 * trusts it; it compares the source only by length. So the cache file starts with a
 * SHA-256 of the bundle it was made from, and data made from any other text is never
 * handed to V8. Data V8 rejects (another Node, other flags) costs only reading and hashing
 * (a few milliseconds): the bundle is compiled as it would be without a cache.
 *
 * The cache is only ever read from the package's own folder, written by its build: a file
 * there is as trusted as the bundle beside it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** Set by the build (scripts/build.mjs) for one run of the launcher: write the cache as the run ends. */
export const RECORD_CODE_CACHE = 'RFC_ASSISTANT_RECORD_CODE_CACHE';
const HASH_BYTES = 32;
/** The cache of a bundle is a little smaller than the bundle; anything far larger is not ours. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** Where the cache of `bundle` lives. */
export function codeCacheOf(bundle: string): string {
  return `${bundle}.v8cache`;
}

/** The launcher's own CommonJS module, which the bundle runs as. */
export interface Host {
  /** The bundle's __filename: the launcher's, so that worker threads it starts from __filename start the launcher too. */
  filename: string;
  module: NodeJS.Module;
  require: NodeJS.Require;
}

/** What became of the cache: V8 took it, turned it down, or there was none for this bundle. */
export type CacheUse = 'used' | 'rejected' | 'none';

/** Runs `bundle` as Node would run it in place of the launcher's module. */
export function runBundle(bundle: string, host: Host): CacheUse {
  const source = readFileSync(bundle, 'utf8');
  const record = process.env[RECORD_CODE_CACHE] === '1' && isMainThread;
  const stored = readCache(codeCacheOf(bundle));
  // Hashed only when there is a cache to check or one to write: where none ships (the
  // VSIX), a start costs what it did before.
  const hash = stored || record ? createHash('sha256').update(source).digest() : undefined;
  const cachedData = stored && hash && stored.subarray(0, HASH_BYTES).equals(hash) ? stored.subarray(HASH_BYTES) : undefined;
  // The wrapper Node's own CommonJS loader puts around a module, on the bundle's first line.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  if (record && hash) {
    // At exit: the data then holds every function the run compiled, not only the top level.
    process.on('exit', () => writeCache(codeCacheOf(bundle), hash, script.createCachedData()));
  }
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;
  run(host.module.exports, host.require, host.module, host.filename, dirname(host.filename));
  return cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'used';
}

/** The cache file, hash and data, when there is one of a plausible size. */
function readCache(file: string): Buffer | undefined {
  try {
    const data = readFileSync(file);
    return data.length <= HASH_BYTES || data.length > MAX_CACHE_BYTES ? undefined : data;
  } catch {
    // No cache (a build without one, a copied bundle): compile as usual.
    return undefined;
  }
}

/** Written beside and renamed into place: a run reading the cache meanwhile sees the old one or the new one, never half of one. */
function writeCache(file: string, hash: Buffer, data: Buffer): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(partial, Buffer.concat([hash, data]));
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    process.stderr.write(`could not write the code cache ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
