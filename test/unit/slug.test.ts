import * as assert from 'node:assert/strict';
import { slugify, validateTitle } from '../../server/src/project/slug';

describe('new RFC file names', () => {
  const cases: [string, string][] = [
    ['Per-Tenant Rate Limiting', 'per-tenant-rate-limiting'],
    ['../../x', 'x'],
    ['a/b', 'a-b'],
    ['a\\b', 'a-b'],
    ['..', 'untitled'],
    ['CON', 'con-rfc'],
    ['lpt1', 'lpt1-rfc'],
    ['🚀 Launch ✨', 'launch'],
    ['🚀', 'untitled'],
    ['Résumé café naïve', 'resume-cafe-naive'],
    ['日本語のタイトル', 'untitled'],
    ['word '.repeat(40), 'word-'.repeat(12).slice(0, -1)],
    ['x'.repeat(500), 'x'.repeat(60)],
  ];
  for (const [title, slug] of cases) {
    it(`${JSON.stringify(title.slice(0, 30))} → ${slug.slice(0, 30)}`, () => {
      assert.equal(slugify(title), slug);
      assert.ok(slug.length <= 60 && !/[\\/]|\.\./.test(slug));
    });
  }

  it('refuses empty titles, control characters and titles over 200 characters, with a reason', () => {
    assert.equal(validateTitle('Rate limiting'), undefined);
    assert.equal(validateTitle('  '), 'Give the RFC a title.');
    assert.equal(validateTitle('a\nb'), 'The title cannot contain control characters or line breaks.');
    assert.equal(validateTitle('a\u0007b'), 'The title cannot contain control characters or line breaks.');
    assert.equal(validateTitle('x'.repeat(500)), 'Keep the title under 200 characters (it has 500).');
    assert.equal(validateTitle('x'.repeat(200)), undefined);
  });
});
