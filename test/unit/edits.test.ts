import * as assert from 'node:assert/strict';
import { analyzeDocument, insertSectionEdit, type TextEditLike } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

/** Applies one edit to a text (positions are line/character). */
function apply(text: string, edit: TextEditLike): string {
  const lines = text.split('\n');
  const offset = (line: number, ch: number) => lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + ch;
  return text.slice(0, offset(edit.range.start.line, edit.range.start.character)) + edit.newText + text.slice(offset(edit.range.end.line, edit.range.end.character));
}

describe('insert section edit', () => {
  const template = defaultTemplate();
  const remove = (text: string, from: string, to: string) => text.slice(0, text.indexOf(from)) + text.slice(text.indexOf(to));

  it('puts a missing top-level section back where template order puts it, restoring the template exactly', () => {
    const text = remove(template.text, '## Security Considerations', '## Performance Impact');
    const analysis = analyzeDocument(text, template);
    const edit = insertSectionEdit(analysis, 'security considerations');
    assert.ok(edit);
    assert.equal(apply(text, edit), template.text);
  });

  it('inserts a missing subsection after its preceding sibling, restoring the template exactly', () => {
    const text = remove(template.text, '### Why Now?', '### Goals');
    const edit = insertSectionEdit(analyzeDocument(text, template), 'motivation/why now');
    assert.ok(edit);
    assert.equal(edit.range.start.line, text.split('\n').indexOf('### Goals'));
    assert.equal(apply(text, edit), template.text);
  });

  it('inserts a first subsection before the following sibling when none precedes it', () => {
    const text = remove(template.text, '### Problem Statement', '### Why Now?');
    const edit = insertSectionEdit(analyzeDocument(text, template), 'motivation/problem statement');
    assert.ok(edit);
    assert.equal(apply(text, edit), template.text);
  });

  it('brings a missing parent along with a missing subsection', () => {
    const text = remove(template.text, '## Motivation', '## Detailed Design');
    const edit = insertSectionEdit(analyzeDocument(text, template), 'motivation/goals');
    assert.ok(edit);
    assert.match(edit.newText, /^## Motivation\n\n### Problem Statement\n/);
    assert.equal(apply(text, edit), template.text);
  });

  it('appends at the end with blank lines, whether or not the document ends with a line break', () => {
    const base = '# RFC: X\n\n**RFC Number**: 2026-001\n\n## Summary\n\nText.';
    for (const text of [base, base + '\n']) {
      const edit = insertSectionEdit(analyzeDocument(text, template), 'appendix');
      assert.ok(edit);
      const result = apply(text, edit);
      assert.ok(result.startsWith(base + '\n\n## Appendix\n\n### References\n'), JSON.stringify(result.slice(0, 80)));
      assert.ok(result.endsWith('- **Term 2**: [Definition]\n'));
    }
  });

  it('keeps every character of the document and offers nothing for a present or unknown section', () => {
    const text = remove(template.text, '## Timeline', '## Open Questions');
    const analysis = analyzeDocument(text, template);
    const edit = insertSectionEdit(analysis, 'timeline')!;
    const result = apply(text, edit);
    assert.equal(result.slice(0, edit.range.start.character + offsetOfLine(text, edit.range.start.line)), text.slice(0, offsetOfLine(text, edit.range.start.line)));
    assert.equal(result.replace(edit.newText, ''), text);
    assert.equal(insertSectionEdit(analysis, 'summary'), undefined);
    assert.equal(insertSectionEdit(analysis, 'no such section'), undefined);
  });
});

function offsetOfLine(text: string, line: number): number {
  return text.split('\n').slice(0, line).reduce((n, l) => n + l.length + 1, 0);
}
