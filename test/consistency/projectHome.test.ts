import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { PROJECT_HOME } from '../../server/src/engine';
import { repoRoot } from '../support/paths';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

/**
 * PROJECT_HOME is where diagnostics and SARIF send users to read about a rule: the README's
 * home, which the manifest names too. A move of the repository changes all of them at once.
 */
describe('the project home that rule links point to', () => {
  it('is the repository README.md tells users to add to pre-commit', () => {
    assert.match(PROJECT_HOME, /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    assert.ok(read('README.md').includes(`- repo: ${PROJECT_HOME}\n`), `README's pre-commit example names ${PROJECT_HOME}`);
  });

  it("is package.json's homepage and repository, where the manifest has them", () => {
    const manifest = JSON.parse(read('package.json')) as { homepage?: string; repository?: string | { url: string } };
    const named: string[] = [];
    if (manifest.homepage !== undefined) named.push(manifest.homepage.replace(/#readme$/, ''));
    if (manifest.repository !== undefined) {
      const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository.url;
      named.push(url.replace(/^git\+/, '').replace(/\.git$/, ''));
    }
    for (const url of named) assert.equal(url, PROJECT_HOME);
  });
});
