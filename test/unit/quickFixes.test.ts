import * as assert from 'node:assert/strict';
import { analyzeDocument, insertAllMissingSections, quickFixesFor, type Finding, type FixContext } from '../../server/src/engine';
import { applyEdits } from '../support/applyEdits';
import { defaultTemplate } from '../support/engine';
import { random } from '../support/random';

const template = defaultTemplate();
const context: FixContext = { today: '2026-11-26', nextNumber: '2026-008' };
const cut = (text: string, from: string, to: string) => text.slice(0, text.indexOf(from)) + text.slice(text.indexOf(to));

function fixes(text: string, match: (f: Finding) => boolean) {
  const analysis = analyzeDocument(text, template);
  const finding = analysis.findings.find(match);
  assert.ok(finding, 'the finding to fix');
  return quickFixesFor(analysis, finding, context);
}

describe('quick fixes', () => {
  it('missing-section: inserts the section at its template place, and offers to insert all', () => {
    const text = cut(cut(template.text, '## Security Considerations', '## Performance Impact'), '### Why Now?', '### Goals');
    const offered = fixes(text, (f) => f.ruleId === 'missing-section' && f.message.includes("'Security Considerations'"));
    assert.deepEqual(offered.map((f) => f.title), [
      "Insert section 'Security Considerations'",
      'Insert all missing sections',
      'Disable missing-section for this line',
    ]);
    assert.equal(applyEdits(text, offered[1].edits), template.text, 'insert all restores the template');
    assert.equal(applyEdits(text, offered[0].edits), cut(template.text, '### Why Now?', '### Goals'));
  });

  it('insert all joins sections due at the same place in template order, with single blank lines', () => {
    const text = cut(template.text, '## Security Considerations', '## Migration Strategy');
    const all = insertAllMissingSections(analyzeDocument(text, template));
    assert.ok(all);
    assert.equal(all.edits.length, 1);
    assert.equal(applyEdits(text, all.edits), template.text);
  });

  it('metadata: sets the status to an allowed value, the date to today and the number to the next free one', () => {
    const text = template.text.replace('[YYYY-XXX]', '26-7').replace('[Draft/Under Review/Approved/Implemented]', 'WIP').replace('**Last Updated**: [Date]', '**Last Updated**: 2026-02-30');
    const status = fixes(text, (f) => f.ruleId === 'metadata' && f.message.startsWith('Status'));
    assert.deepEqual(status.map((f) => f.title), ['Set Status to Draft', 'Set Status to Under Review', 'Set Status to Approved', 'Set Status to Implemented', 'Disable metadata for this line']);
    assert.equal(applyEdits(text, status[1].edits).split('\n')[3], '**Status**: Under Review  ');
    const date = fixes(text, (f) => f.ruleId === 'metadata' && f.message.startsWith('Last Updated'));
    assert.equal(date[0].title, 'Set Last Updated to today (2026-11-26)');
    assert.equal(applyEdits(text, date[0].edits).split('\n')[4], '**Last Updated**: 2026-11-26  ');
    const number = fixes(text, (f) => f.ruleId === 'metadata' && f.message.startsWith('RFC Number'));
    assert.equal(number[0].title, 'Use next free number 2026-008');
    assert.equal(applyEdits(text, number[0].edits).split('\n')[2], '**RFC Number**: 2026-008  ');
  });

  it('placeholder on a metadata line: offers the same values as the metadata rule', () => {
    const offered = fixes(template.text, (f) => f.ruleId === 'placeholder' && f.range.start.line === 3);
    assert.equal(offered[0].title, 'Set Status to Draft');
    assert.equal(applyEdits(template.text, offered[0].edits).split('\n')[3], '**Status**: Draft  ');
  });

  it('empty-section: marks the section not applicable, with room for the reason', () => {
    const text = template.text.replace('### Why Now?\n[Urgency and timing considerations]\n', '### Why Now?\n');
    const offered = fixes(text, (f) => f.ruleId === 'empty-section');
    assert.equal(offered[0].title, 'Mark as not applicable');
    const fixed = applyEdits(text, offered[0].edits);
    assert.ok(fixed.includes('### Why Now?\n\nN/A: explain why this does not apply.\n\n### Goals\n'), fixed.slice(fixed.indexOf('### Why Now?'), fixed.indexOf('### Goals') + 10));
    assert.deepEqual(analyzeDocument(fixed, template).findings.filter((f) => f.ruleId === 'empty-section'), []);
  });

  it('disable for this line: a comment line above a block start, an end-of-line comment inside a list or table', () => {
    const summary = fixes(template.text, (f) => f.ruleId === 'placeholder' && f.range.start.line === 10);
    const above = applyEdits(template.text, summary[summary.length - 1].edits);
    assert.equal(above.split('\n')[10], '<!-- rfc-disable-next-line placeholder -->');
    assert.ok(!analyzeDocument(above, template).findings.some((f) => f.ruleId === 'placeholder' && f.range.start.line === 11));
    const goal = fixes(template.text, (f) => f.ruleId === 'placeholder' && f.range.start.line === 22);
    const inList = applyEdits(template.text, goal[goal.length - 1].edits);
    assert.equal(inList.split('\n')[22], '- [Secondary goal] <!-- rfc-disable-line placeholder -->');
    assert.ok(!analyzeDocument(inList, template).findings.some((f) => f.ruleId === 'placeholder' && f.range.start.line === 22));
    assert.equal(analyzeDocument(inList, template).findings.filter((f) => f.ruleId === 'placeholder').length, 103);
  });

  it('keeps every other character of the document for every fix offered (property test over random documents)', () => {
    const next = random(4242);
    let checked = 0;
    for (let round = 0; round < 40; round++) {
      // A random mix: sections deleted, placeholders filled, values broken, sections emptied.
      let text = template.text;
      const headings = [...text.matchAll(/^#{2,4} .*$/gm)].map((m) => m[0]);
      for (let k = 0; k < 3; k++) {
        const h = headings[Math.floor(next() * headings.length)];
        const at = text.indexOf(h);
        if (at >= 0) text = text.slice(0, at) + text.slice(text.indexOf('\n##', at + 1) + 1 || text.length);
      }
      text = text.replace(/\[[^\]\n]*[a-z][^\]\n]*\]/g, (m) => (next() < 0.5 ? 'done' : m));
      if (next() < 0.5) text = text.replace(/\*\*Status\*\*: [^\n]*/, '**Status**: Parked');
      const analysis = analyzeDocument(text, template);
      for (const finding of analysis.findings) {
        for (const fix of quickFixesFor(analysis, finding, context)) {
          const result = applyEdits(text, fix.edits);
          assert.equal(result.length, text.length + fix.edits.reduce((n, e) => n + e.newText.length - (offsetOf(text, e.range.end) - offsetOf(text, e.range.start)), 0));
          for (const edit of fix.edits) {
            const start = offsetOf(text, edit.range.start);
            const end = offsetOf(text, edit.range.end);
            const alone = applyEdits(text, [edit]);
            // Everything before and after the edited span is the original, character for character.
            assert.equal(alone.slice(0, start), text.slice(0, start), fix.title);
            assert.equal(alone.slice(start + edit.newText.length), text.slice(end), fix.title);
            // A replacement only ever covers the flagged line's span.
            if (end > start) assert.equal(edit.range.start.line, finding.range.start.line, `${fix.title} replaces only on the flagged line`);
          }
          checked++;
        }
      }
    }
    assert.ok(checked > 500, `${checked} fixes checked`);
  });
});

function offsetOf(text: string, p: { line: number; character: number }): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + p.character;
}
