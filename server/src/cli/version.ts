import * as path from 'node:path';
import { readBoundedSync } from '../node/nodeFilesSync';

/** rfc-lint's version: the package's, read from the package.json above the running script. */
export function packageVersion(): string {
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
  return '0.0.0';
}
