import * as assert from 'node:assert/strict';
import { analyzeDocument, type Finding } from '../../server/src/engine';
import { defaultTemplate, defaultTemplateText } from '../support/engine';

function findings(text: string): Finding[] {
  return analyzeDocument(text, defaultTemplate()).findings.filter((f) => f.ruleId === 'timeline-order');
}

function timeline(...rows: string[]): string {
  return ['## Timeline', '', '| Milestone | Date | Description |', '|-----------|------|-------------|', ...rows, ''].join('\n');
}

describe('timeline-order', () => {
  it('reports a date earlier than the previous row, on the date cell', () => {
    const text = timeline('| Code Complete | 2026-04-10 | Ready |', '| Launch | 2026-03-01 | GA |');
    assert.deepEqual(findings(text), [
      {
        ruleId: 'timeline-order',
        severity: 'warning',
        message: "'Launch' on 2026-03-01 comes before 'Code Complete' on 2026-04-10: keep the timeline in date order.",
        range: { start: { line: 5, character: 11 }, end: { line: 5, character: 21 } },
      },
    ]);
  });

  it('accepts ascending and equal dates', () => {
    assert.deepEqual(findings(timeline('| A | 2026-01-01 | x |', '| B | 2026-01-01 | x |', '| C | 2026-12-31 | x |')), []);
  });

  it('reports values that are not dates with the text as written', () => {
    const text = timeline('| Beta | next spring | x |', '| GA | 2026-02-30 | x |', '| Later | 2026-6-1 | x |', '| Q3 |  | x |');
    assert.deepEqual(
      findings(text).map((f) => [f.message, f.range.start.character, f.range.end.character]),
      [
        ["'next spring' is not a date: write it as YYYY-MM-DD.", 9, 20],
        ["'2026-02-30' is not a real date: check the month and day.", 7, 17],
        ["'2026-6-1' is not a date: write it as YYYY-MM-DD.", 10, 18],
        ["'Q3' has no date: write it as YYYY-MM-DD.", 6, 8],
      ],
    );
  });

  it('compares each date with the last real date before it', () => {
    const text = timeline('| A | 2026-05-01 | x |', '| B | TBD | x |', '| C | [Date] | x |', '| D | 2026-04-01 | x |', '| E | 2026-04-15 | x |');
    assert.deepEqual(
      findings(text).map((f) => f.message),
      ["'TBD' is not a date: write it as YYYY-MM-DD.", "'D' on 2026-04-01 comes before 'A' on 2026-05-01: keep the timeline in date order."],
    );
  });

  it('leaves placeholder cells to the placeholder rule and missing cells to table-shape', () => {
    const text = timeline('| A | [Date] | x |', '| B |', '| C | 2026-01-01 |');
    const all = analyzeDocument(text, defaultTemplate()).findings.filter((f) => ['placeholder', 'table-shape', 'timeline-order'].includes(f.ruleId));
    assert.deepEqual(
      all.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.ruleId}`),
      ['4:6 placeholder', '5:0 table-shape', '6:0 table-shape'],
    );
  });

  it('reads the visible text of a cell and finds the Date column by name', () => {
    const text = ['## 11. Timeline', '', '| **Date** | Milestone |', '|---|---|', '| **2026-02-01** | A |', '| `2026-01-01` | B |', ''].join('\n');
    assert.deepEqual(
      findings(text).map((f) => [f.message, f.range.start.line, f.range.start.character, f.range.end.character]),
      [["'B' on 2026-01-01 comes before 'A' on 2026-02-01: keep the timeline in date order.", 5, 2, 14]],
    );
  });

  it('checks only the Timeline section, and only tables with a Date column', () => {
    const elsewhere = ['## Migration Strategy', '', '| Phase | Date |', '|---|---|', '| B | 2026-02-01 |', '| A | 2026-01-01 |', ''].join('\n');
    assert.deepEqual(findings(elsewhere), []);
    const noDate = ['## Timeline', '', '| Phase | When |', '|---|---|', '| B | later |', ''].join('\n');
    assert.deepEqual(findings(noDate), []);
    const sub = ['## Timeline', '', '### By team', '', '| Date | Team |', '|---|---|', '| 2026-02-01 | A |', '| 2026-01-01 | B |', ''].join('\n');
    assert.equal(findings(sub).length, 1);
  });

  it('does not report the untouched template', () => {
    assert.deepEqual(findings(defaultTemplateText()), []);
  });
});
