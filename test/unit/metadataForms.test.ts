import * as assert from 'node:assert/strict';
import { analyzeDocument, buildTemplateModel, type AnalysisOptions, type TemplateModel } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

function findings(template: TemplateModel, doc: string, options: AnalysisOptions = {}): string[] {
  return analyzeDocument(doc, template, options).findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message}`);
}

const ADR = buildTemplateModel(
  [
    '---',
    '# The decision record\'s metadata.',
    'status: {proposed | rejected | accepted | deprecated | superseded by ADR-0005}',
    'date: {YYYY-MM-DD when the decision was last updated}',
    'release-date: # In format YYYY-MM-DD',
    '---',
    '',
    '# {short title of the decision}',
    '',
    '## Context',
    '',
    '{Describe the context}',
    '',
  ].join('\n'),
);

describe('metadata in the team\'s format', () => {
  it('reads YAML front matter as metadata, never as a heading, with fields, placeholders and choices from the template', () => {
    assert.deepEqual(
      ADR.metadata.map((f) => [f.key, f.kind.type, f.optional]),
      [
        ['status', 'enum', false],
        ['date', 'date', false],
        ['release-date', 'date', true],
      ],
    );
    const doc = ['---', 'status: accepted', 'date: 2026-03-02', '---', '', '# Use one cache per tenant', '', '## Context', '', 'Tenants share one cache today.', ''].join('\n');
    const analysis = analyzeDocument(doc, ADR);
    assert.deepEqual(findings(ADR, doc), []);
    assert.equal(analysis.lifecycle, 'approved');
    assert.deepEqual(analysis.headings.map((h) => h.text), ['Use one cache per tenant', 'Context']);
    assert.equal(analysis.completeness.percent, 100);
  });

  it('reports front-matter placeholders, values off the list and dates that are none', () => {
    const doc = ['---', 'status: parked', 'date: {YYYY-MM-DD when the decision was last updated}', '---', '', '# Use one cache', '', '## Context', '', 'Text.', ''].join('\n');
    assert.deepEqual(findings(ADR, doc), [
      "2:9 metadata: status 'parked' is not one of proposed, rejected, accepted, deprecated, superseded by ADR-0005.",
      '3:7 placeholder: Unfilled placeholder {YYYY-MM-DD when the decision was last updated}: replace it with this RFC\'s own text.',
    ]);
    const superseded = doc.replace('status: parked', 'status: superseded by ADR-0012').replace(/date: .*/, "date: '2026-03-02T10:00:00Z'");
    assert.deepEqual(findings(ADR, superseded), []);
  });

  it('survives hostile front matter: flow collections nested thousands deep, aliases, 500 levels of indentation', () => {
    const deep = `---\nkey: ${'['.repeat(40_000)}${']'.repeat(40_000)}\nstatus: accepted\n---\n# Use one cache\n`;
    assert.deepEqual(analyzeDocument(deep, ADR).metadata.map((m) => m.key), ['key', 'status']);
    const aliases = '---\n' + Array.from({ length: 300 }, (_, i) => `k${i}: &a${i} [*a${Math.max(0, i - 1)}, *a${Math.max(0, i - 1)}]`).join('\n') + '\n---\n# Use one cache\n';
    assert.equal(analyzeDocument(aliases, ADR).metadata.length, 300);
    const indented = '---\nkey:\n' + Array.from({ length: 490 }, (_, i) => ' '.repeat(i + 2) + '- k:').join('\n') + '\n---\n# Use one cache\n';
    assert.deepEqual(analyzeDocument(indented, ADR).metadata.map((m) => m.key), ['key']);
  });

  it('leaves out fields a comment above them calls optional', () => {
    const template = buildTemplateModel('---\n# These are optional elements. Feel free to remove any of them.\nstatus: {proposed | accepted}\ndeciders: {list everyone involved}\n---\n\n# {title}\n\n## Context\n\n{Describe the context}\n');
    assert.deepEqual(template.metadata.map((f) => f.optional), [true, true]);
    const doc = '# Use one cache\n\n## Context\n\nTenants share one cache today.\n';
    assert.deepEqual(findings(template, doc), []);
    assert.equal(analyzeDocument(doc, template).completeness.percent, 100);
    assert.deepEqual(findings(template, '---\nstatus: parked\n---\n' + doc), ["2:9 metadata: status 'parked' is not one of proposed, accepted."]);
  });

  it('takes a `---` line with no closing one, or with lines that are no YAML keys, for markdown', () => {
    const rule = analyzeDocument('---\n\n# RFC: Caching\n\n**RFC Number**: 2026-001\n', defaultTemplate());
    assert.deepEqual(rule.headings.map((h) => h.text), ['RFC: Caching']);
    const prose = analyzeDocument('---\nThis is prose, not YAML.\n---\n\n# RFC: Caching\n', defaultTemplate());
    assert.equal(prose.headings.length, 2, 'the prose line is a setext heading, as markdown reads it');
  });

  it('reads metadata written as a list, as plain lines and as a two-column table', () => {
    const list = buildTemplateModel("- Feature Name: (fill me in with a unique ident)\n- Start Date: (fill me in with today's date, YYYY-MM-DD)\n- Tracking Issue: [org/repo#0000](https://example.com/0000)\n\n## Summary\n\nOne paragraph.\n");
    assert.deepEqual(list.metadata.map((f) => [f.key, f.kind.type, f.form]), [
      ['Feature Name', 'text', 'plain'],
      ['Start Date', 'date', 'plain'],
      ['Tracking Issue', 'text', 'plain'],
    ]);
    const doc = '- Feature Name: `fast_cache`\n- Start Date: 2026-02-30\n- Rust Issue: [org/repo#12](https://example.com/12)\n\n## Summary\n\nA cache.\n';
    assert.deepEqual(findings(list, doc), ["2:15 metadata: Start Date '2026-02-30' is not a real date: check the month and day."]);

    const table = ['# RFC: Caching', '', '| RFC Number | 2026-044 |', '|---|---|', '| Status | Approved |', '| Last Updated | 2026-03-01 |', '| Authors | Ana |', '| Reviewers | Ben |', ''].join('\n');
    assert.deepEqual(
      findings(defaultTemplate(), table).filter((f) => f.includes(' metadata:')),
      [],
    );
  });

  it('takes a synonym of a template key for that field, when the template has only one of them', () => {
    const doc = '# RFC: Caching\n\n**RFC Number**: 2026-001\n**State**: Approved\n**Updated**: 2026-03-04\n**Author**: Ana\n**Reviewers**: Ben\n';
    const metadata = findings(defaultTemplate(), doc).filter((f) => f.includes(' metadata:'));
    assert.deepEqual(metadata, []);
    assert.equal(analyzeDocument(doc, defaultTemplate()).lifecycle, 'approved');
  });

  it('keeps another series\' number apart: an ADR Number is no RFC Number', () => {
    const doc = '# RFC: Caching\n\n**ADR Number**: 2026-001\n**Status**: Draft\n**Last Updated**: 2026-03-04\n**Author(s)**: Ana\n**Reviewer(s)**: Ben\n';
    const analysis = analyzeDocument(doc, defaultTemplate());
    assert.deepEqual(analysis.metadata.map((m) => m.normalizedKey)[0], 'adr number');
    assert.ok(analysis.findings.some((f) => f.ruleId === 'metadata' && f.message.includes('RFC Number')));
  });

  it('accepts the team\'s statuses with their stage, and the metadata rule and lifecycle always agree', () => {
    const doc = (status: string) => `# RFC: Caching\n\n**RFC Number**: 2026-001\n**Status**: ${status}\n**Last Updated**: 2026-03-04\n**Author(s)**: Ana\n**Reviewer(s)**: Ben\n`;
    const statuses = { Active: 'approved', Proposal: 'review' } as const;
    const active = analyzeDocument(doc('Active'), defaultTemplate(), { statuses });
    assert.equal(active.lifecycle, 'approved');
    assert.deepEqual(active.findings.filter((f) => f.ruleId === 'metadata'), []);
    for (const status of ['Active', 'Proposed', 'WIP', 'Done-ish']) {
      const analysis = analyzeDocument(doc(status), defaultTemplate());
      const rejected = analysis.findings.some((f) => f.ruleId === 'metadata' && f.message.includes(`'${status}'`));
      assert.equal(rejected, analysis.lifecycle === 'unknown', `${status}: reported ${rejected}, lifecycle ${analysis.lifecycle}`);
    }
  });
});
