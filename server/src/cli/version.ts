import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** rfc-lint's version: the package's, read from the package.json above the running script. */
export function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'rfc-assistant' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here (or not ours): look further up.
    }
  }
  return '0.0.0';
}
