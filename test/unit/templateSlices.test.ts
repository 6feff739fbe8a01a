import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildTemplateModel, buildTemplateModelInSlices } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';
import { teamTemplates } from '../support/teamTemplates';

describe('template model built in slices', () => {
  it('is the model built at once, for the built-in template and every team template, pausing between chunks', async () => {
    const texts = [defaultTemplate().text, ...teamTemplates().map((file) => readFileSync(file, 'utf8'))];
    assert.ok(texts.length >= 4, `templates found: ${texts.length}`);
    for (const text of texts) {
      let pauses = 0;
      const sliced = await buildTemplateModelInSlices(text, async () => {
        pauses++;
      });
      assert.deepEqual(sliced, buildTemplateModel(text));
      assert.ok(pauses >= sliced.roots.length, `a pause per chunk at least (${pauses} for ${sliced.roots.length} top-level sections)`);
    }
  });

  it('reads comments of a section whose heading ends one chunk and whose comment starts the next', async () => {
    const text = '# RFC: [Title]\n\n## Summary\n\n<!-- rfc: optional -->\n<!-- One paragraph. -->\n\n## Design <!-- rfc: aliases Approach -->\n\n<!-- guidance: Say how. -->\n[How]\n';
    const model = await buildTemplateModelInSlices(text, () => Promise.resolve());
    const [summary, design] = model.sections;
    assert.deepEqual([summary.optional, summary.guidance], [true, ['One paragraph.']]);
    assert.deepEqual([design.aliases, design.guidance], [['Approach'], ['Say how.', 'How']]);
  });
});
