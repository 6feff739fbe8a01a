import * as assert from 'node:assert/strict';
import { parseChunk } from '../../server/src/engine/chunk';
import { defaultTemplate } from '../support/engine';

/** A section waived with "N/A": one paragraph, or one block holding nothing but that paragraph (chunkReader.ts). */
describe('a section marked not applicable', () => {
  const template = defaultTemplate();
  const options = { placeholders: template.placeholderPolicy, guidance: template.guidanceTexts };
  const waived = (body: string) => parseChunk(`## Security\n\n${body}\n`, options).headings[0].notApplicable;

  it('is one paragraph, list item or quote saying N/A', () => {
    assert.equal(waived('N/A'), true);
    assert.equal(waived('Not applicable: no data is stored.'), true);
    assert.equal(waived('- N/A'), true);
    assert.equal(waived('> N/A'), true);
  });

  it('is not a block that holds more than that paragraph: a table, code, another item, a second paragraph', () => {
    assert.equal(waived('> N/A\n>\n> | Key | Value |\n> | --- | --- |\n> | a | b |'), false);
    assert.equal(waived('- N/A\n\n  ```\n  code\n  ```'), false);
    assert.equal(waived('- N/A\n- Tokens expire'), false);
    assert.equal(waived('N/A\n\nTokens expire after a day.'), false);
    assert.equal(waived('None of the endpoints are public.'), false);
  });
});
