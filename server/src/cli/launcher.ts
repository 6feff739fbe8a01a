/**
 * The `rfc-lint` command (dist/cli.js): starts rfc-lint (dist/cli-main.js, see main.ts)
 * from V8's code cache (codeCache.ts). It also runs each analysis worker: pool.ts starts
 * workers from the bundle's __filename, which is this file.
 */
import { join } from 'node:path';
import { debuglog } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { runBundle } from '../node/codeCache';
import { tuneForShortRun } from '../node/shortRunFlags';

// Before anything is compiled: the cache holds the flags it was made under, and V8 takes
// it only under the same ones. V8's flags belong to the process, so the main thread sets
// them before any worker exists; a worker setting them again would change them under the
// isolates and compiler threads already running.
if (isMainThread) tuneForShortRun();
const use = runBundle(join(__dirname, 'cli-main.js'), { filename: __filename, module, require });
// NODE_DEBUG=rfc-lint says whether this thread started from the cache.
debuglog('rfc-lint')('code cache: %s', use);
