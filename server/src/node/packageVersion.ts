import * as path from 'node:path';
import { readBoundedSync } from './nodeFilesSync';

/**
 * The version of the rfc-assistant package the running script belongs to (dist/cli.js,
 * dist/server.js, in the repository or installed from npm): from the first package.json
 * above the script that is ours. Undefined when there is none.
 */
export function findPackageVersion(): string | undefined {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const read = readBoundedSync(path.join(dir, 'package.json'), 1024 * 1024);
      if ('error' in read) continue;
      const manifest = JSON.parse(Buffer.from(read.bytes).toString('utf8')) as { name?: string; version?: string };
      if (manifest.name === 'rfc-assistant' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here (or not ours): look further up.
    }
  }
  return undefined;
}
