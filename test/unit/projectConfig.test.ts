import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseProjectConfig } from '../../server/src/project/config';
import type { DocumentSettings } from '../../server/src/project/documentSettings';
import { defaultSettings, mergeSettings, type RfcSettings } from '../../server/src/project/settings';
import { configuredTemplate, discoveryCandidates, templateFromBytes, templateFromText } from '../../server/src/project/templates';
import { repoRoot } from '../support/paths';

const settings = (over: Partial<RfcSettings>): RfcSettings => ({ ...defaultSettings, ...over });

describe('.rfcrc.json', () => {
  it('keeps the keys the file sets, sanitised like VS Code settings', () => {
    const { config, error } = parseProjectConfig(
      '\uFEFF{ "rules": { "placeholder": "off", "nosuch": "off", "metadata": "loud" }, "template": " team.md ", "templates": { "adr/**": "adr.md", "x": 3 }, "other": 1, ' +
        '"aliases": { "Summary": ["Overview", 3, " Abstract "], "Empty": [] }, "statuses": { "Active": "approved", "Parked": "someday" } }',
    );
    assert.equal(error, undefined);
    assert.deepEqual(config, {
      rules: { placeholder: 'off' },
      template: 'team.md',
      templates: { 'adr/**': 'adr.md' },
      aliases: { Summary: ['Overview', 'Abstract'] },
      statuses: { Active: 'approved' },
    });
  });

  it('explains a file that is not a JSON object', () => {
    assert.match(parseProjectConfig('{ "rules": ').error ?? '', /^it is not valid JSON/);
    assert.equal(parseProjectConfig('[1]').error, 'it is not a JSON object');
  });

  it('lets VS Code values win unless they equal the default; rules merge per rule id', () => {
    const file = (): Partial<RfcSettings> => ({
      files: ['docs/*.md'],
      rules: { placeholder: 'off', metadata: 'error' },
      template: 'a.md',
      templates: { 'x/**': 'x.md' },
      directory: 'adr',
    });
    assert.deepEqual(mergeSettings(defaultSettings, file()), {
      files: ['docs/*.md'],
      rules: { placeholder: 'off', metadata: 'error' },
      directory: 'adr',
      template: 'a.md',
      templates: { 'x/**': 'x.md' },
      aliases: {},
      statuses: {},
    });
    const editor = settings({ rules: { metadata: 'hint' }, template: 'b.md', templates: { 'y/**': 'y.md' }, directory: 'decisions' });
    assert.deepEqual(mergeSettings(editor, file()), {
      files: ['docs/*.md'],
      rules: { placeholder: 'off', metadata: 'hint' },
      directory: 'decisions',
      template: 'b.md',
      templates: { 'y/**': 'y.md' },
      aliases: {},
      statuses: {},
    });
  });

  it('has a JSON schema that matches the contributed settings', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'rfcrc.schema.json'), 'utf8'));
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.rfcrc.json', url: './schemas/rfcrc.schema.json' }]);
    const keys = Object.keys(defaultSettings);
    assert.deepEqual(Object.keys(schema.properties).filter((k) => k !== '$schema').sort(), [...keys].sort());
    for (const key of keys) {
      const { scope: _scope, markdownDescription: _md, ...setting } = manifest.contributes.configuration.properties[`rfc.${key}`];
      const { description, examples: _examples, ...property } = schema.properties[key];
      assert.deepEqual(property, setting, `schemas/rfcrc.schema.json '${key}' differs from the rfc.${key} setting`);
      assert.ok(typeof description === 'string' && description.length > 0);
    }
  });
});

describe('template choice', () => {
  const folder = 'file:///ws';
  /** Settings made at the workspace folder (or, for `config`, at its sub-folder `team`). */
  const at = (over: Partial<RfcSettings>, base = folder): DocumentSettings => ({
    values: settings(over),
    bases: { files: base, template: base, templates: base, directory: base },
    folder,
  });

  it('takes the first matching rfc.templates glob, then rfc.template', () => {
    const s = at({ template: 'team.md', templates: { 'rfcs/**': 'rfc.md', '**/*.md': 'any.md', 'adr/**': 'adr.md' } });
    assert.deepEqual(configuredTemplate(`${folder}/rfcs/a.md`, s), { uri: `${folder}/rfc.md`, source: "rfc.templates 'rfcs/**'" });
    assert.deepEqual(configuredTemplate(`${folder}/adr/a.md`, s), { uri: `${folder}/any.md`, source: "rfc.templates '**/*.md'" });
    assert.deepEqual(configuredTemplate(`${folder}/notes.txt`, s), { uri: `${folder}/team.md`, source: 'rfc.template' });
    assert.deepEqual(configuredTemplate(undefined, s)?.source, 'rfc.template', 'untitled: no globs');
    assert.equal(configuredTemplate(`${folder}/a.md`, at({})), undefined);
  });

  it("reads paths and globs relative to the folder of the .rfcrc.json that sets them", () => {
    const s = at({ template: '../common/rfc.md', templates: { 'adr/**': 'adr.md' } }, `${folder}/team`);
    assert.deepEqual(configuredTemplate(`${folder}/team/adr/a.md`, s), { uri: `${folder}/team/adr.md`, source: "rfc.templates 'adr/**'" });
    assert.deepEqual(configuredTemplate(`${folder}/adr/a.md`, s), { uri: `${folder}/common/rfc.md`, source: 'rfc.template' }, 'outside team/: no glob matches');
  });

  it('discovers .rfc/template.md, then <directory>/0000-template.md (a directory inside the folder only)', () => {
    assert.deepEqual(
      discoveryCandidates(at({ directory: 'adr' })).map((c) => c.uri),
      [`${folder}/.rfc/template.md`, `${folder}/adr/0000-template.md`],
    );
    assert.equal(discoveryCandidates(at({ directory: '../x' })).length, 1);
  });

  it('refuses binary files and files without headings', async () => {
    const pause = () => Promise.resolve();
    assert.deepEqual(await templateFromBytes(new Uint8Array([0x23, 0x20, 0x00]), pause), { error: 'it is not a text file' });
    assert.deepEqual(await templateFromText('Only prose.\n', pause), { error: 'it has no headings, so it defines no sections' });
    const model = await templateFromBytes(new TextEncoder().encode('\uFEFF## Context\n[Forces]\n'), pause);
    assert.ok(!('error' in model) && model.sections[0].name === 'Context');
  });
});
