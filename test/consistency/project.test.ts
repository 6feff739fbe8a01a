import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { allRules, buildTemplateModel } from '../../server/src/engine';
import { snippetsFileText } from '../../scripts/generateSnippets';
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
        // Pure libraries that run in a Web Worker as well: markdown-it, yaml.
        const allowed = spec.startsWith('.') || spec === 'markdown-it' || spec === 'yaml';
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

  it('names every rule in the rfc.rules setting and in the .rfcrc.json schema, and no other', () => {
    const manifest = JSON.parse(read('package.json'));
    const schema = JSON.parse(read('schemas/rfcrc.schema.json'));
    const ids = allRules.map((r) => r.id).sort();
    assert.deepEqual([...manifest.contributes.configuration.properties['rfc.rules'].propertyNames.enum].sort(), ids);
    assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), ids);
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

  it('contributes every setting with a type, default, scope and markdownDescription, all documented', () => {
    const manifest = JSON.parse(read('package.json'));
    const readme = read('README.md');
    const settings = Object.entries(manifest.contributes.configuration.properties) as [string, Record<string, unknown>][];
    assert.ok(settings.length >= 5);
    for (const [key, setting] of settings) {
      for (const field of ['type', 'default', 'scope', 'markdownDescription']) assert.ok(field in setting, `${key} has no ${field}`);
      assert.ok(readme.includes(`\`${key}\``), `README does not document ${key}`);
    }
  });

  it('puts every command in the RFC category, documents the user-facing ones, and guards RFC-only ones', () => {
    // Commands that make sense without an RFC open: starting one, and the server's own.
    const EVERYWHERE = new Set(['rfc.newRfc', 'rfc.showOutput', 'rfc.restartServer']);
    const manifest = JSON.parse(read('package.json'));
    const readme = read('README.md');
    const palette = new Map((manifest.contributes.menus.commandPalette as { command: string; when: string }[]).map((m) => [m.command, m.when]));
    for (const command of manifest.contributes.commands as { command: string; title: string; category: string }[]) {
      assert.equal(command.category, 'RFC', command.command);
      if (palette.get(command.command) === 'false') continue;
      assert.ok(readme.includes(`**RFC: ${command.title}**`) || readme.includes(`**${command.title}**`), `README does not document ${command.title}`);
      if (!EVERYWHERE.has(command.command)) assert.equal(palette.get(command.command), 'rfc.isRfcEditor', `${command.command} shows outside RFC editors`);
    }
  });

  it('keeps the snippets generated from the built-in template (npm run snippets)', () => {
    const template = buildTemplateModel(read('server/templates/default.md'));
    assert.equal(read('snippets/rfc.code-snippets'), snippetsFileText(template));
  });

  it('does not ask for a newer VS Code than the real-editor harness runs (1.139)', () => {
    const manifest = JSON.parse(read('package.json'));
    const [major, minor] = String(manifest.engines.vscode).replace(/^\^/, '').split('.').map(Number);
    assert.ok(major === 1 && minor <= 139, manifest.engines.vscode);
    assert.ok(manifest.devDependencies['@types/vscode'].replace(/^\D*/, '') <= manifest.engines.vscode.replace(/^\^/, ''));
  });
});
