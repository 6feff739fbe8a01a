import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, type DocHeading } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';
import { repoRoot } from '../support/paths';

/** rfc-lint reads the heads of the RFCs it only compares with without running rules (AnalysisOptions.skipRules). */
describe('an analysis that runs no rule', () => {
  const draft = readFileSync(path.join(repoRoot, 'examples', '2026-003-search-cache-draft.md'), 'utf8');
  const withComment = `<!-- rfc-disable duplicate-number -->\n${draft}`;

  // What the rules count in each heading's section (placeholders, guidance) is left at 0.
  const matched = (headings: readonly DocHeading[]) => headings.map((h) => ({ text: h.text, range: h.range, section: h.section?.id, isTitle: h.isTitle }));

  it('has no findings, and the headings, metadata, lifecycle and suppression comments of a full one', () => {
    const full = analyzeDocument(withComment, defaultTemplate());
    const facts = analyzeDocument(withComment, defaultTemplate(), { skipRules: true });
    assert.ok(full.findings.length > 5, 'the example has findings to leave out');
    assert.deepEqual(facts.findings, []);
    assert.deepEqual(facts.placeholders, []);
    assert.deepEqual(matched(facts.headings), matched(full.headings));
    assert.deepEqual(facts.metadata, full.metadata);
    assert.equal(facts.lifecycle, full.lifecycle);
    assert.equal(facts.looksLikeRfc, true);
    assert.deepEqual(
      facts.model.chunks.flatMap((c) => c.chunk.directives),
      [{ kind: 'disable', rules: ['duplicate-number'], line: 0 }],
    );
  });
});
