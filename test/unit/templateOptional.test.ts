import * as assert from 'node:assert/strict';
import { analyzeDocument, buildTemplateModel, insertSectionEdit } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

const TEAM_TEMPLATE = [
  '# RFC: [Feature Name]',
  '',
  '**RFC Number**: [YYYY-XXX]',
  '',
  '## Summary',
  '<!-- guidance: One paragraph a busy reader can stop after. -->',
  '[What is proposed]',
  '',
  '## Why Now',
  '',
  '<!-- Explain why now and not next quarter. -->',
  '<!-- rfc-disable-next-line placeholder -->',
  '[Urgency]',
  '',
  '## Design',
  '[How it works]',
  '<!-- guidance: Link the prototype if there is one. -->',
  '<!-- A comment after content is not guidance. -->',
  '',
  '### Data Model',
  '[Tables]',
  '',
  '## Rollout (optional)',
  '[Phases]',
  '',
  '### Flags',
  '[Flag names]',
  '',
  '## Appendix',
  '<!-- rfc: optional -->',
  '<!-- guidance: Anything too long for the body. -->',
  '',
  '### Glossary (Optional)',
  '[Terms]',
  '',
  '## Risks',
  '',
  'Text first.',
  '<!-- rfc: optional -->',
  '',
].join('\n');

const byId = (id: string) => {
  const section = buildTemplateModel(TEAM_TEMPLATE).sections.find((s) => s.id === id);
  assert.ok(section, `no section ${id}`);
  return section;
};

describe('template model: optional sections and guidance', () => {
  it('marks sections optional by an (optional) heading suffix or an rfc: optional comment right below the heading', () => {
    const template = buildTemplateModel(TEAM_TEMPLATE);
    assert.deepEqual(
      template.sections.map((s) => [s.id, s.name, s.optional]),
      [
        ['summary', 'Summary', false],
        ['why now', 'Why Now', false],
        ['design', 'Design', false],
        ['design/data model', 'Data Model', false],
        ['rollout', 'Rollout', true],
        ['rollout/flags', 'Flags', false],
        ['appendix', 'Appendix', true],
        ['appendix/glossary', 'Glossary', true],
        // The comment does not follow the heading directly: not a marker.
        ['risks', 'Risks', false],
      ],
    );
  });

  it('collects guidance from comments under the heading, guidance: comments and placeholders', () => {
    assert.deepEqual(byId('summary').guidance, ['One paragraph a busy reader can stop after.', 'What is proposed']);
    assert.deepEqual(byId('why now').guidance, ['Explain why now and not next quarter.', 'Urgency']);
    assert.deepEqual(byId('design').guidance, ['Link the prototype if there is one.', 'How it works']);
    assert.deepEqual(byId('appendix').guidance, ['Anything too long for the body.']);
    assert.deepEqual(byId('risks').guidance, []);
  });

  it('gives the built-in template no optional sections and its placeholders as guidance', () => {
    const template = defaultTemplate();
    assert.ok(template.sections.every((s) => !s.optional));
    const why = template.sections.find((s) => s.id === 'motivation/why now');
    assert.deepEqual(why?.guidance, ['Urgency and timing considerations']);
    const goals = template.sections.find((s) => s.id === 'motivation/goals');
    assert.deepEqual(goals?.guidance, ['Primary goal', 'Secondary goal', 'Success criteria']);
  });

  it('leaves the optional markers out of the skeleton Insert Section writes', () => {
    assert.equal(byId('rollout').skeleton, '## Rollout\n[Phases]\n\n### Flags\n[Flag names]\n');
    assert.equal(byId('appendix').skeleton, '## Appendix\n<!-- guidance: Anything too long for the body. -->\n\n### Glossary\n[Terms]\n');
  });

  it('reads "(optional)" in document headings as part of the name', () => {
    const template = buildTemplateModel(TEAM_TEMPLATE);
    const doc = TEAM_TEMPLATE;
    const analysis = analyzeDocument(doc, template);
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'missing-section'), []);
  });
});

describe('missing-section and completeness with optional sections', () => {
  const template = buildTemplateModel(TEAM_TEMPLATE);
  const complete = [
    '# RFC: Queues',
    '',
    '**RFC Number**: 2026-001',
    '',
    '## Summary',
    'Queues.',
    '',
    '## Why Now',
    'Load.',
    '',
    '## Design',
    'Workers.',
    '',
    '### Data Model',
    'A jobs table.',
    '',
    '## Risks',
    'Few.',
    '',
  ].join('\n');

  it('does not report absent optional sections (nor their subsections)', () => {
    const analysis = analyzeDocument(complete, template);
    assert.deepEqual(analysis.findings.filter((f) => f.ruleId === 'missing-section' || f.ruleId === 'empty-section'), []);
  });

  it('still reports an absent required section, and a required subsection of a present optional one', () => {
    const doc = complete.replace('## Why Now\nLoad.\n\n', '') + '## Rollout\nIn two phases.\n';
    const missing = analyzeDocument(doc, template).findings.filter((f) => f.ruleId === 'missing-section');
    assert.deepEqual(
      missing.map((f) => f.message),
      [
        "Missing section 'Why Now' of the RFC: add '## Why Now' after 'Summary'.",
        "Missing section 'Flags' in 'Rollout': add '### Flags' at the start of 'Rollout'.",
      ],
    );
  });

  it('leaves absent optional sections out of completeness', () => {
    const report = analyzeDocument(complete, template).completeness;
    // Title, RFC Number, Summary, Why Now, Data Model, Risks.
    assert.deepEqual([report.complete, report.total, report.percent], [6, 6, 100]);
    const rollout = report.sections.find((s) => s.id === 'rollout');
    assert.equal(rollout?.state, 'missing');
    assert.equal(rollout?.optional, true);
    const design = report.sections.find((s) => s.id === 'design');
    assert.equal(design?.optional, false);
  });

  it('counts a present optional section like any other', () => {
    const doc = complete + '## Appendix\n\n### Glossary\n[Terms]\n';
    const report = analyzeDocument(doc, template).completeness;
    assert.deepEqual([report.complete, report.total], [6, 7]);
    const appendix = report.sections.find((s) => s.id === 'appendix');
    assert.equal(appendix?.state, 'incomplete');
    assert.equal(appendix?.children[0].state, 'placeholders');
  });

  it('makes a section whose subsections are all absent optional ones a slot of its own', () => {
    const doc = complete + '## Appendix\nSee the wiki.\n';
    const report = analyzeDocument(doc, template).completeness;
    assert.deepEqual([report.complete, report.total], [7, 7]);
    assert.equal(report.sections.find((s) => s.id === 'appendix')?.state, 'complete');
  });

  it('still lets Insert Section add an optional section, without the marker', () => {
    const analysis = analyzeDocument(complete, template);
    const edit = insertSectionEdit(analysis, 'rollout');
    assert.ok(edit);
    assert.match(edit.newText, /^\n?## Rollout\n\[Phases\]/);
  });
});
