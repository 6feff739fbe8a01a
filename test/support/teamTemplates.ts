import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

/** Every template among the team fixtures (any markdown file named like one). */
export function teamTemplates(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/template/i.test(name) && name.endsWith('.md')) found.push(file);
    }
  };
  walk(path.join(repoRoot, 'test', 'fixtures', 'teams'));
  return found;
}
