import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildTemplateModel, decodeTemplateModel, encodeTemplateModel, type TemplateModel } from '../../server/src/engine';
import { defaultTemplateText } from '../support/engine';
import { teamTemplates } from '../support/teamTemplates';

/** Templates of every shape the tests know, and a few edge cases. */
function templates(): [string, string][] {
  return [
    ['built-in', defaultTemplateText()],
    ...teamTemplates().map((file): [string, string] => [file, readFileSync(file, 'utf8')]),
    ['empty', ''],
    ['one heading', '## Summary\n'],
    ['repeatable, optional, aliased', '# RFC: [Title]\n\n**Status:** Draft | Accepted\n\n## Design <!-- rfc: aliases Approach -->\n\n### Alternative 1: [Name]\n\n[Why]\n\n## Rollout (optional)\n\n- [ ] tests\n'],
  ];
}

/** Every link between sections points into the model's own `sections`: the decoded graph is one graph, not copies. */
function assertOneGraph(model: TemplateModel): void {
  const own = new Set(model.sections);
  for (const root of model.roots) assert.ok(own.has(root), `root '${root.id}' is one of the sections`);
  for (const section of model.sections) {
    if (section.parent) assert.ok(own.has(section.parent) && section.parent.children.includes(section), `parent of '${section.id}'`);
    for (const child of section.children) assert.ok(own.has(child) && child.parent === section, `child '${child.id}' of '${section.id}'`);
  }
}

describe('template model codec', () => {
  it('decodes to the model built from the text, for every fixture template', () => {
    const all = templates();
    assert.ok(all.length >= 8, `templates: ${all.length}`);
    for (const [name, text] of all) {
      const built = buildTemplateModel(text);
      const decoded = decodeTemplateModel(encodeTemplateModel(built));
      assert.deepEqual(decoded, built, name);
      assertOneGraph(decoded);
    }
  });

  it('writes each section once', () => {
    const built = buildTemplateModel(defaultTemplateText());
    const encoded = encodeTemplateModel(built);
    for (const section of built.sections) {
      assert.equal(encoded.split(JSON.stringify(section.skeleton)).length - 1, 1, `skeleton of '${section.id}' written once`);
    }
  });

  it('refuses an encoding of another version', () => {
    const encoded = JSON.parse(encodeTemplateModel(buildTemplateModel('## Summary\n'))) as { version: number };
    encoded.version = 0;
    assert.throws(() => decodeTemplateModel(JSON.stringify(encoded)), /template model encoding 0, not 1/);
  });
});
