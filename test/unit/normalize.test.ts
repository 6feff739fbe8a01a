import * as assert from 'node:assert/strict';
import { normalizeHeading, normalizeMetadataKey } from '../../server/src/engine/normalize';

describe('normalizeHeading', () => {
  const cases: [string, string][] = [
    ['Why Now?', 'why now'],
    ['why now', 'why now'],
    ['2. Motivation', 'motivation'],
    ['2.1 Goals', 'goals'],
    ['2.1. Goals:', 'goals'],
    ['A. Appendix', 'appendix'],
    ['IV. Appendix', 'appendix'],
    ['Detailed Design (Revised)', 'detailed design'],
    ['Detailed Design: (draft)', 'detailed design'],
    ['Authentication & Authorization', 'authentication and authorization'],
    ['  Non-Goals  ', 'non-goals'],
    ['Alternative 1: [Name]', 'alternative 1: [name]'],
    ['Résumé\u0301', 'résumé\u0301'.normalize('NFC')],
    ['', ''],
    ['Summary\u200F', 'summary'],
    ['Why\u200B Now?', 'why now'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(normalizeHeading(input), expected));
  }
});

describe('normalizeMetadataKey', () => {
  it('folds plural and (s) forms but keeps the s of Status', () => {
    assert.equal(normalizeMetadataKey('Author(s)'), 'author');
    assert.equal(normalizeMetadataKey('Authors'), 'author');
    assert.equal(normalizeMetadataKey('author'), 'author');
    assert.equal(normalizeMetadataKey('Status'), 'status');
    assert.equal(normalizeMetadataKey('RFC Number:'), 'rfc number');
  });
});
