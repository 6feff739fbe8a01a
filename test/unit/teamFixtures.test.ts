import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, buildTemplateModel, type TemplateModel } from '../../server/src/engine';
import { parseProjectConfig } from '../../server/src/project/config';
import { analysisOptionsOf, defaultSettings, mergeSettings } from '../../server/src/project/settings';
import { defaultTemplate } from '../support/engine';
import { EXPECTED_SUFFIX, formatFinding, readExpected, readRaw as read } from '../support/fixtures';
import { fixturesDir } from '../support/paths';

/**
 * Fixtures of other teams' templates: each folder of test/fixtures/teams holds a team's
 * `template.md` (none: the built-in template), optionally its `.rfcrc.json`, and RFCs
 * written from it, each NAME.md with its NAME.expected.txt in the format of
 * fixtures.test.ts (`LINE:COLUMN RULE-ID` lines; `#` comments and blank lines ignored).
 * Every `untouched-copy.md` (the template copied unchanged) must come out at most 20 %
 * complete: it is a template, not an RFC.
 */

const teamsDir = path.join(fixturesDir, 'teams');
const UNTOUCHED_MAX_PERCENT = 20;

const folders = readdirSync(teamsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('team-template fixtures', () => {
  it('has a folder per template style', () => {
    assert.ok(folders.length >= 5, folders.join(', '));
  });

  for (const folder of folders) {
    describe(folder, () => {
      const dir = path.join(teamsDir, folder);
      const templateFile = path.join(dir, 'template.md');
      const template: TemplateModel = existsSync(templateFile) ? buildTemplateModel(read(templateFile)) : defaultTemplate();
      const configFile = path.join(dir, '.rfcrc.json');
      const { config, error } = existsSync(configFile) ? parseProjectConfig(read(configFile)) : { config: {}, error: undefined };
      const options = analysisOptionsOf(mergeSettings(defaultSettings, config));
      const documents = readdirSync(dir)
        .filter((name) => name.endsWith('.md') && name !== 'template.md')
        .sort();

      it('has a usable .rfcrc.json, if any', () => {
        assert.equal(error, undefined);
      });

      for (const name of documents) {
        it(name, () => {
          const expectedFile = path.join(dir, name.slice(0, -'.md'.length) + EXPECTED_SUFFIX);
          if (!existsSync(expectedFile)) assert.fail(`${folder}/${name} has no ${path.basename(expectedFile)}`);
          const analysis = analyzeDocument(read(path.join(dir, name)), template, options);
          assert.deepEqual(analysis.findings.map(formatFinding), readExpected(expectedFile));
          if (name === 'untouched-copy.md') {
            assert.ok(analysis.completeness.percent <= UNTOUCHED_MAX_PERCENT, `the untouched template is ${analysis.completeness.percent}% complete`);
          }
        });
      }
    });
  }
});
