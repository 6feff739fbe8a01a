import * as assert from 'node:assert/strict';
import { headBeforeFirstSection } from '../../server/src/engine/head';

describe('the head of an RFC (before its first ## section)', () => {
  it('ends where the first ## heading starts', () => {
    const text = '# RFC: A\n\n**RFC Number**: 2026-001\n\n## Summary\n\nText.\n\n## Motivation\n';
    assert.equal(headBeforeFirstSection(text), '# RFC: A\n\n**RFC Number**: 2026-001\n\n');
    assert.equal(headBeforeFirstSection('  ## Indented\n'), '');
    assert.equal(headBeforeFirstSection('# A\r\n\r\n**Status**: Draft\r\n\r\n## Summary\r\n'), '# A\r\n\r\n**Status**: Draft\r\n\r\n');
  });

  it('is the whole text without a ## heading (### and #### are no section starts here)', () => {
    for (const text of ['', '# RFC: A\n', '# A\n\n### Deep\n\n#### Deeper\n', '##NoSpace\n', 'Title\n-----\n']) {
      assert.equal(headBeforeFirstSection(text), text);
    }
  });

  it('looks past ## lines that markdown does not read as headings: code, quotes, lists, HTML, front matter', () => {
    const after = '**RFC Number**: 2026-005\n\n## Summary\n';
    const cases = [
      '```yaml\n## a comment in a code block\n```\n\n',
      '    ## an indented code block\n\n',
      '> ## a heading in a quote\n\n',
      '- item\n\n  ## a heading in a list item\n\n',
      '<div>\n## in an HTML block\n</div>\n\n',
      '```\n## a fence never closed\n',
    ];
    for (const before of cases.slice(0, 5)) {
      const text = `# RFC: A\n\n${before}${after}`;
      assert.equal(headBeforeFirstSection(text), `# RFC: A\n\n${before}**RFC Number**: 2026-005\n\n`, JSON.stringify(before));
    }
    // Everything after an unclosed fence is code: no section starts.
    const unclosed = `# RFC: A\n\n${cases[5]}${after}`;
    assert.equal(headBeforeFirstSection(unclosed), unclosed);
    const frontMatter = '---\ntitle: |\n  ## not a heading\n---\n# RFC: A\n\n## Summary\n';
    assert.equal(headBeforeFirstSection(frontMatter), '---\ntitle: |\n  ## not a heading\n---\n# RFC: A\n\n');
  });

  it('gives up after a few false candidates and takes the whole text (bounded work)', () => {
    const text = '# A\n\n```\n' + '## x\n'.repeat(50) + '```\n\n## Summary\n';
    assert.equal(headBeforeFirstSection(text), text);
  });
});
