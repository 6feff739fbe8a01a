import * as assert from 'node:assert/strict';
import { analyzeDocument, buildTemplateModel, type AnalysisOptions, type TemplateModel } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

/** The template sections each heading of `doc` stands for: `heading → section[, section]` (and `·` for none). */
function matched(template: TemplateModel, doc: string, options: AnalysisOptions = {}): string[] {
  return analyzeDocument(doc, template, options)
    .headings.filter((h) => !h.isTitle)
    .map((h) => `${h.text} → ${h.section ? [h.section, ...h.also].map((s) => s.name).join(', ') : '·'}`);
}

function missing(template: TemplateModel, doc: string, options: AnalysisOptions = {}): string[] {
  return analyzeDocument(doc, template, options)
    .findings.filter((f) => f.ruleId === 'missing-section')
    .map((f) => /'([^']+)'/.exec(f.message)![1]);
}

const PROSE = buildTemplateModel(
  [
    '## Summary',
    'One paragraph explaining the change.',
    '## Motivation',
    'Why are we doing this?',
    '## Guide-level explanation',
    'Explain it as if it had shipped.',
    '## Reference-level explanation',
    'The technical detail.',
    '## Drawbacks',
    'Why should we not do this?',
    '## Rationale and alternatives',
    'Why this design?',
    '## Prior art',
    'What others did.',
    '## Unresolved questions',
    'What is still open?',
    '',
  ].join('\n\n'),
);

describe('section matching as a reviewer reads headings', () => {
  it('takes renamed headings in their expected place for the template section', () => {
    const doc = [
      '# RFC: Hourly usage',
      '**RFC Number**: 2026-001',
      '## Executive Summary',
      'Text.',
      '## Context & Motivation',
      'Text.',
      '### Why Now?',
      'Text.',
      '## Design',
      'Text.',
      '### 4.4 Error codes',
      'Text.',
      '## Alternative Approaches Considered',
      'Text.',
      '',
    ].join('\n\n');
    assert.deepEqual(matched(defaultTemplate(), doc), [
      'Executive Summary → Summary',
      'Context & Motivation → Motivation',
      'Why Now? → Why Now?',
      'Design → Detailed Design',
      '4.4 Error codes → Error Handling',
      'Alternative Approaches Considered → Alternatives Considered',
    ]);
  });

  it('does not take a heading that merely shares a common word, or names the section among many other words', () => {
    const doc = [
      '# RFC: Hourly usage',
      '**RFC Number**: 2026-001',
      '## Summary',
      'Text.',
      '## Implementation Plan',
      'Text.',
      '### Risk 4: Flaky Dependencies Upstream',
      'Text.',
      '',
    ].join('\n\n');
    assert.deepEqual(matched(defaultTemplate(), doc), ['Summary → Summary', 'Implementation Plan → ·', 'Risk 4: Flaky Dependencies Upstream → ·']);
    const gone = missing(defaultTemplate(), doc);
    assert.ok(gone.includes('Documentation Plan') && gone.includes('Dependencies'), gone.join(', '));
  });

  it('lets one heading stand for several sections: a shared word, or one part each', () => {
    const doc = ['## Summary', 'Text.', '## Motivation', 'Text.', '## Explanation', 'Text.', '## Downsides and alternatives', 'Text.', '## Unresolved questions', 'Text.', ''].join('\n\n');
    assert.deepEqual(matched(PROSE, doc), [
      'Summary → Summary',
      'Motivation → Motivation',
      'Explanation → Guide-level explanation, Reference-level explanation',
      'Downsides and alternatives → Drawbacks, Rationale and alternatives',
      'Unresolved questions → Unresolved questions',
    ]);
    assert.deepEqual(missing(PROSE, doc), ['Prior art']);
  });

  it('takes aliases the template declares and the team configures', () => {
    const template = buildTemplateModel('# Title\n\n## Summary\n<!-- rfc: aliases Overview, Abstract -->\n\nOne paragraph.\n\n## Design\n\nHow it works.\n');
    assert.deepEqual(matched(template, '# Caching\n\n## Abstract\n\nText.\n\n## Architecture\n\nText.\n', { aliases: { Design: ['Architecture'] } }), [
      'Abstract → Summary',
      'Architecture → Design',
    ]);
    assert.equal(template.sections[0].skeleton.includes('aliases'), false, 'Insert Section leaves the marker out');
    const beside = buildTemplateModel('# Title\n\n## Summary <!-- rfc: aliases Overview -->\n\nOne paragraph.\n');
    assert.deepEqual(beside.sections.map((s) => [s.name, s.aliases, s.skeleton.split('\n')[0]]), [['Summary', ['Overview'], '## Summary']]);
  });

  it('matches a heading up to two levels off, and reports the level', () => {
    const template = buildTemplateModel('# Title\n\n## Design\n\nHow it works.\n\n### Unit tests\n\nWhich tests.\n');
    const analysis = analyzeDocument('# Caching\n\n## Design\n\nA cache.\n\n##### Unit tests\n\nAll of them.\n', template);
    assert.deepEqual(
      analysis.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`),
      ['7 heading-level'],
    );
  });

  it('counts a bold question answered in a list or paragraph as that section', () => {
    const template = buildTemplateModel(
      [
        '# Title',
        '## Operations',
        '### Rollout',
        '###### How can the feature be turned off in a running cluster?',
        '<!-- Explain. -->',
        '###### Does turning it on change any default behavior?',
        '<!-- Explain. -->',
        '###### What breaks if the database is down?',
        '<!-- Explain. -->',
        '',
      ].join('\n\n'),
    );
    const doc = [
      '# Caching',
      '## Operations',
      '### Rollout',
      '* **How can the feature be turned off in a running cluster?**\n  With the `cache` flag.',
      '* **Does turning it on change any default behavior?**',
      'No: reads stay the same.',
      '**What breaks if the database is down?**',
      '',
    ].join('\n\n');
    const analysis = analyzeDocument(doc, template);
    assert.deepEqual(
      analysis.findings.map((f) => `${f.ruleId}: ${f.message}`),
      ["empty-section: Section 'What breaks if the database is down?' is empty: write its content, or write \"N/A\" and why it does not apply."],
    );
    assert.deepEqual(
      analysis.headings.filter((h) => h.bold).map((h) => `${h.line + 1} ${h.section!.name}`),
      ['7 How can the feature be turned off in a running cluster?', '10 Does turning it on change any default behavior?', '14 What breaks if the database is down?'],
    );
  });

  it('turns renamed-section on only when asked, as a hint naming the template section', () => {
    const doc = '# RFC: Usage\n\n**RFC Number**: 2026-001\n\n## Executive Summary\n\nText.\n';
    const off = analyzeDocument(doc, defaultTemplate()).findings.filter((f) => f.ruleId === 'renamed-section');
    assert.deepEqual(off, []);
    const on = analyzeDocument(doc, defaultTemplate(), { rules: { 'renamed-section': 'hint' } }).findings.filter((f) => f.ruleId === 'renamed-section');
    assert.deepEqual(
      on.map((f) => [f.severity, f.message]),
      [['hint', "'Executive Summary' stands for the template's 'Summary': use the template's name, or declare it an alias."]],
    );
  });
});
