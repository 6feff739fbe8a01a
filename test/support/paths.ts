import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above this file (source or compiled) with the server's template. */
function findRepoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'server', 'templates', 'default.md')) && existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`No repository root above ${__dirname}`);
}

export const repoRoot = findRepoRoot();
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const serverBundle = path.join(repoRoot, 'dist', 'server.js');
export const cliBundle = path.join(repoRoot, 'dist', 'cli.js');
export const defaultTemplatePath = path.join(repoRoot, 'server', 'templates', 'default.md');
