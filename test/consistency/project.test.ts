import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../server/src/engine';
import { repoRoot } from '../support/paths';

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('project consistency', () => {
  it('keeps the engine free of editor, LSP and file-system imports', () => {
    const files = sourceFiles('server/src/engine');
    assert.ok(files.length > 10);
    for (const file of files) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) {
        const allowed = spec.startsWith('.') || spec === 'markdown-it' || spec.startsWith('date-fns/');
        assert.ok(allowed, `${path.relative(repoRoot, file)} imports '${spec}'`);
      }
    }
  });

  it('keeps the client from importing the server or the engine (it talks LSP)', () => {
    for (const file of sourceFiles('client/src')) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /from '(\.\.\/)+server\/src\/(?!protocol)/, path.relative(repoRoot, file));
    }
  });

  it('documents every rule in README.md with a section of its own', () => {
    const readme = read('README.md');
    for (const rule of allRules) assert.ok(readme.includes(`### \`${rule.id}\``), `README has no section for ${rule.id}`);
  });

  it('has one rule file per rule id', () => {
    const files = readdirSync(path.join(repoRoot, 'server/src/engine/rules')).filter((f) => !['rule.ts', 'index.ts'].includes(f));
    assert.deepEqual(files.map((f) => f.replace(/\.ts$/, '')).sort(), allRules.map((r) => r.id).sort());
  });

  it('has an Unreleased section in CHANGELOG.md', () => {
    assert.match(read('CHANGELOG.md'), /^## \[Unreleased\]$/m);
  });

  it('gives .ci/run the exact test command README.md shows', () => {
    const readme = read('README.md');
    const commands = [...readme.matchAll(/```sh\n(.+)\n```/g)].map((m) => m[1]);
    assert.equal(commands[1], 'npm ci && npm test');
    assert.ok(read('.ci/run').split('\n').includes(commands[1]));
  });
});
