import * as path from 'node:path';

/** The repository root, from compiled tests in out/test/... or sources in test/... */
export const repoRoot = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');

export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
export const serverBundle = path.join(repoRoot, 'dist', 'server.js');
export const cliBundle = path.join(repoRoot, 'dist', 'cli.js');
export const defaultTemplatePath = path.join(repoRoot, 'server', 'templates', 'default.md');
