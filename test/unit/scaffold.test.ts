import * as assert from 'node:assert/strict';
import { analyzeDocument, nextRfcNumber, scaffoldRfc } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

describe('scaffold a new RFC', () => {
  const template = defaultTemplate();

  it('fills title, number, Draft status, date and authors, and leaves every other placeholder', () => {
    const { text, selection } = scaffoldRfc(template, { title: 'Queue *v2* [beta]', number: '2026-007', date: '2026-11-26', authors: 'Ana Costa, Li Wei' });
    const head = text.split('\n').slice(0, 7);
    assert.deepEqual(head, [
      '# RFC: Queue \\*v2\\* \\[beta\\]',
      '',
      '**RFC Number**: 2026-007  ',
      '**Status**: Draft  ',
      '**Last Updated**: 2026-11-26  ',
      '**Author(s)**: Ana Costa, Li Wei  ',
      '**Reviewer(s)**: [Names]',
    ]);
    const analysis = analyzeDocument(text, template);
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'metadata'), []);
    assert.equal(analysis.placeholders.length, 104 - 5, 'five placeholders filled');
    assert.deepEqual(selection, { start: { line: 10, character: 0 }, end: { line: 10, character: 49 } });
    assert.equal(analysis.headings[0].text, 'RFC: Queue *v2* [beta]');
  });

  it('keeps the authors placeholder when no authors are known', () => {
    const { text } = scaffoldRfc(template, { title: 'X', number: '2026-001', date: '2026-01-01', authors: ' ' });
    assert.match(text, /\*\*Author\(s\)\*\*: \[Names\]/);
  });
});

describe('next RFC number', () => {
  const template = defaultTemplate();

  it('is one more than the highest of the year, from file names and metadata lines', () => {
    const existing = [
      { fileName: '2026-001-a.md', head: '# RFC: A\n' },
      { fileName: 'notes.md', head: '# RFC: B\n\n**RFC Number**: 2026-012\n' },
      { fileName: '2025-044-old.md', head: '' },
      { fileName: '2026-003-c.md', head: '**RFC Number**: [YYYY-XXX]\n' },
    ];
    assert.equal(nextRfcNumber(template, existing, 2026), '2026-013');
    assert.equal(nextRfcNumber(template, existing, 2025), '2025-045');
    assert.equal(nextRfcNumber(template, [], 2027), '2027-001');
  });

  it('ignores numbers with more digits than an RFC number has, which a float would round or print as 1e+23', () => {
    const existing = [
      { fileName: '2026-007-a.md', head: '' },
      { fileName: '2026-99999999999999999999999-x.md', head: '' },
      { fileName: '2026-9007199254740993-y.md', head: '**RFC Number**: 2026-9007199254740993\n' },
      { fileName: 'z.md', head: '**RFC Number**: 2026-0000000000123\n' },
    ];
    assert.equal(nextRfcNumber(template, existing, 2026), '2026-008');
    assert.equal(nextRfcNumber(template, [{ fileName: '2026-999999999-max.md', head: '' }], 2026), '2026-1000000000', 'always above the highest');
    const analysis = analyzeDocument(template.text.replace('[YYYY-XXX]', '2026-99999999999999999999999'), template);
    const finding = analysis.findings.find((f) => f.ruleId === 'metadata' && f.message.startsWith('RFC Number'));
    assert.equal(finding?.message, "RFC Number '2026-99999999999999999999999' has more digits than an RFC number can (at most 9 in its last part): write it as 2026-001.");
  });
});
