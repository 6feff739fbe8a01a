import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';
import { EXPECTED_SUFFIX, formatFinding, readExpected, readRaw } from '../support/fixtures';
import { fixturesDir } from '../support/paths';

/**
 * Fixture documents with their expected findings, markdownlint style: every
 * test/fixtures/NAME.md is analysed with the default template and its findings, as
 * `LINE:COLUMN RULE-ID` lines (1-based position of the range start, in the engine's
 * order), must equal the lines of test/fixtures/NAME.expected.txt. Blank lines and `#`
 * comment lines of an expected file are ignored.
 */

const entries = readdirSync(fixturesDir).sort();
const documents = entries.filter((name) => name.endsWith('.md'));
const expectations = entries.filter((name) => name.endsWith(EXPECTED_SUFFIX));

describe('fixtures', () => {
  it('has fixture documents', () => {
    assert.ok(documents.length > 0, `no *.md files in ${fixturesDir}`);
  });

  it('pairs every document with an expected file and every expected file with a document', () => {
    const withoutExpected = documents.filter((name) => !existsSync(path.join(fixturesDir, name.slice(0, -'.md'.length) + EXPECTED_SUFFIX)));
    const withoutDocument = expectations.filter((name) => !existsSync(path.join(fixturesDir, name.slice(0, -EXPECTED_SUFFIX.length) + '.md')));
    assert.deepEqual({ withoutExpected, withoutDocument }, { withoutExpected: [], withoutDocument: [] });
  });

  for (const name of documents) {
    it(name, function () {
      const expectedFile = path.join(fixturesDir, name.slice(0, -'.md'.length) + EXPECTED_SUFFIX);
      if (!existsSync(expectedFile)) assert.fail(`${name} has no ${path.basename(expectedFile)}`);
      const analysis = analyzeDocument(readRaw(path.join(fixturesDir, name)), defaultTemplate());
      assert.deepEqual(analysis.findings.map(formatFinding), readExpected(expectedFile));
    });
  }

  describe('documents read as stored', () => {
    it('crlf-line-endings.md has CRLF line ends and no bare LF', () => {
      const text = readRaw(path.join(fixturesDir, 'crlf-line-endings.md'));
      assert.ok(text.includes('\r\n'));
      assert.ok(!/[^\r]\n/.test(text));
    });

    it('utf8-bom.md starts with a byte-order mark', () => {
      assert.equal(readRaw(path.join(fixturesDir, 'utf8-bom.md')).charCodeAt(0), 0xfeff);
    });
  });

  describe('not an RFC', () => {
    it('not-an-rfc-readme.md does not look like an RFC', () => {
      const analysis = analyzeDocument(readRaw(path.join(fixturesDir, 'not-an-rfc-readme.md')), defaultTemplate());
      assert.equal(analysis.looksLikeRfc, false);
    });

    it('complete-rfc.md does look like an RFC', () => {
      const analysis = analyzeDocument(readRaw(path.join(fixturesDir, 'complete-rfc.md')), defaultTemplate());
      assert.equal(analysis.looksLikeRfc, true);
      assert.equal(analysis.completeness.percent, 100);
    });
  });
});
