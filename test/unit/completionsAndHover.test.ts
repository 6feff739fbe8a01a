import * as assert from 'node:assert/strict';
import { analyzeDocument, completionsAt, hoverAt } from '../../server/src/engine';
import { applyEdits } from '../support/applyEdits';
import { defaultTemplate } from '../support/engine';

const template = defaultTemplate();
const context = { today: '2026-11-26', nextNumber: '2026-008' };
const lines = template.text.split('\n');

describe('completion', () => {
  it('offers the status values on the Status line, replacing the whole value', () => {
    const items = completionsAt(analyzeDocument(template.text, template), { line: 3, character: 14 }, context);
    assert.deepEqual(items.map((i) => i.label), ['Draft', 'Under Review', 'Approved', 'Implemented']);
    assert.equal(applyEdits(template.text, [items[1].edit]).split('\n')[3], '**Status**: Under Review  ');
  });

  it('offers today on the Last Updated line and the next free number on the RFC Number line', () => {
    const analysis = analyzeDocument(template.text, template);
    assert.deepEqual(completionsAt(analysis, { line: 4, character: 20 }, context).map((i) => [i.label, i.detail]), [['2026-11-26', 'Today']]);
    assert.deepEqual(completionsAt(analysis, { line: 2, character: 17 }, context).map((i) => i.label), ['2026-008']);
    assert.deepEqual(completionsAt(analysis, { line: 2, character: 3 }, context), [], 'not on the key');
    assert.deepEqual(completionsAt(analysis, { line: 10, character: 3 }, context), [], 'not in prose');
  });

  it('after "## " offers the missing top-level sections, the one that belongs here first, each also with its template', () => {
    const without = template.text.slice(0, template.text.indexOf("## Security Considerations")) + template.text.slice(template.text.indexOf("## Performance Impact"));
    const text = without.slice(0, without.indexOf('## Testing Strategy')) + '## \n\n' + without.slice(without.indexOf('## Testing Strategy'));
    const cut = text.replace(/## Dependencies\n[\s\S]*?(?=## \n)/, '');
    const line = cut.split('\n').indexOf('## ');
    const items = completionsAt(analyzeDocument(cut, template), { line, character: 3 }, context);
    assert.deepEqual(items.map((i) => i.label), [
      'Dependencies',
      'Dependencies (with template)',
      'Security Considerations',
      'Security Considerations (with template)',
    ]);
    assert.equal(applyEdits(cut, [items[0].edit]).split('\n')[line], '## Dependencies');
    const withTemplate = applyEdits(cut, [items[1].edit]);
    assert.ok(withTemplate.includes('## Dependencies\n\n### Internal Dependencies\n- [Service A]: [What we need from it]'));
    assert.deepEqual(completionsAt(analyzeDocument(cut, template), { line, character: 2 }, context), [], 'not before the space');
  });

  it('after "### " offers the missing subsections of that level', () => {
    const text = template.text.replace('### Why Now?\n[Urgency and timing considerations]\n\n', '').replace('### Goals\n', '### \n\n### Goals\n');
    const line = text.split('\n').indexOf('### ');
    const items = completionsAt(analyzeDocument(text, template), { line, character: 4 }, context);
    assert.deepEqual(items.slice(0, 2).map((i) => i.label), ['Why Now?', 'Why Now? (with template)']);
  });
});

describe('hover', () => {
  const analysis = analyzeDocument(template.text, template);

  it('on a section heading: what the template asks for, the state and what is missing', () => {
    const motivation = lines.indexOf('### Problem Statement');
    const info = hoverAt(analysis, { line: motivation, character: 6 });
    assert.equal(
      info?.markdown,
      "**Problem Statement**: a template section in *Motivation*.\n\nThe template asks for:\n- Detailed description of the problem this RFC addresses\n\nState: 1 placeholder left.",
    );
    const cut = template.text.replace('### Goals\n- [Primary goal]\n- [Secondary goal]\n- [Success criteria]\n\n', '');
    const parent = hoverAt(analyzeDocument(cut, template), { line: lines.indexOf('## Motivation'), character: 4 });
    assert.match(parent?.markdown ?? '', /Still missing here: \*Goals\*\.$/);
  });

  it('on a placeholder: its guidance; on a metadata value: the accepted forms', () => {
    const summary = hoverAt(analysis, { line: 10, character: 5 });
    assert.equal(summary?.markdown, "**Unfilled placeholder** (the template's *Summary* section): replace it with One paragraph executive summary of the proposal.");
    assert.deepEqual(summary?.range, { start: { line: 10, character: 0 }, end: { line: 10, character: 49 } });
    const filled = analyzeDocument(template.text.replace('[Draft/Under Review/Approved/Implemented]', 'Draft'), template);
    assert.equal(hoverAt(filled, { line: 3, character: 14 })?.markdown, '**Status**: one of `Draft`, `Under Review`, `Approved`, `Implemented`.');
    assert.equal(hoverAt(analysis, { line: 11, character: 0 }), undefined, 'nothing on a blank line');
  });
});
