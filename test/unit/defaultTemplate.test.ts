import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../server/src/engine';
import { defaultTemplate, defaultTemplateText } from '../support/engine';
import { repoRoot } from '../support/paths';

describe('built-in template', () => {
  it("is the user's template, byte for byte", () => {
    // The SHA-256 of the user's template (../shared/seed/rfc-template.md) when it was copied
    // here: a test may not read ../shared, which a fresh clone does not have.
    const digest = createHash('sha256').update(readFileSync(path.join(repoRoot, 'server', 'templates', 'default.md'))).digest('hex');
    assert.equal(digest, 'ae5ff365e5aeaa5e25a603e79263f65a8e75add31e6d78e6899b3cc85b236ee4');
    assert.equal(defaultTemplateText(), readFileSync(path.join(repoRoot, 'server', 'templates', 'default.md'), 'utf8'));
  });

  it('flags every bracketed placeholder of the untouched template and nothing missing', () => {
    const template = defaultTemplate();
    const analysis = analyzeDocument(template.text, template);
    const placeholders = analysis.findings.filter((f) => f.ruleId === 'placeholder');
    // Every [..] with a letter in the template, except the five task checkboxes ("[ ]").
    const lines = template.text.split('\n');
    const expected: string[] = [];
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/\[[^\]]*\]/g)) if (m[0] !== '[ ]') expected.push(`${i + 1}:${m.index! + 1}-${m.index! + 1 + m[0].length}`);
    });
    const actual = placeholders.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1}`);
    assert.deepEqual(actual, expected);
    assert.equal(expected.length, 104);
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'missing-section'), []);
    assert.ok(analysis.looksLikeRfc);
  });
});
