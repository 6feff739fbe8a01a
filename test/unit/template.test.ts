import * as assert from 'node:assert/strict';
import { analyzeDocument, buildTemplateModel } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

describe('template model', () => {
  const template = defaultTemplate();

  it('derives the heading tree with order and parents', () => {
    assert.equal(template.title?.text, 'RFC: [Feature Name]');
    assert.deepEqual(
      template.roots.map((s) => s.name),
      [
        'Summary',
        'Motivation',
        'Detailed Design',
        'Alternatives Considered',
        'Security Considerations',
        'Performance Impact',
        'Migration Strategy',
        'Dependencies',
        'Testing Strategy',
        'Documentation Plan',
        'Timeline',
        'Open Questions',
        'Appendix',
      ],
    );
    const motivation = template.roots[1];
    assert.deepEqual(
      motivation.children.map((s) => [s.name, s.level, s.id]),
      [
        ['Problem Statement', 3, 'motivation/problem statement'],
        ['Why Now?', 3, 'motivation/why now'],
        ['Goals', 3, 'motivation/goals'],
        ['Non-Goals', 3, 'motivation/non-goals'],
      ],
    );
    const orders = template.sections.map((s) => s.order);
    assert.deepEqual(orders, [...orders].sort((a, b) => a - b));
  });

  it('recognises repeatable kinds from placeholders and sequence markers, collapsing siblings', () => {
    const repeatable = template.sections.filter((s) => s.repeatable).map((s) => [s.name, s.prefix, s.parent?.name]);
    assert.deepEqual(repeatable, [
      ['Component A', 'component', 'Component Design'],
      ['Endpoint: [Method] /api/v1/[resource]', 'endpoint', 'API Design'],
      ['Alternative 1: [Name]', 'alternative', 'Alternatives Considered'],
    ]);
    assert.ok(!template.sections.some((s) => s.name === 'Component B' || s.name.startsWith('Alternative 2')));
  });

  it('reads metadata fields and their expected forms from the placeholders', () => {
    assert.deepEqual(
      template.metadata.map((f) => [f.key, f.kind]),
      [
        ['RFC Number', { type: 'number', mask: 'YYYY-XXX', pattern: '^\\d{4}\\-\\d{3,9}$' }],
        ['Status', { type: 'enum', values: ['Draft', 'Under Review', 'Approved', 'Implemented'] }],
        ['Last Updated', { type: 'date' }],
        ['Author(s)', { type: 'text' }],
        ['Reviewer(s)', { type: 'text' }],
      ],
    );
  });

  it('attaches placeholders to their section with their text as guidance', () => {
    const problem = template.sections.find((s) => s.id === 'motivation/problem statement');
    assert.deepEqual(problem?.placeholders.map((p) => p.guidance), ['Detailed description of the problem this RFC addresses']);
    assert.deepEqual([...template.codePlaceholders], ['[ASCII or mermaid diagram showing system architecture]']);
  });

  it('collects the example code blocks without placeholders', () => {
    assert.deepEqual(
      template.exampleCode.map((e) => e.info),
      ['json', 'json', 'json', 'sql', 'json'],
    );
  });

  it('works the same for another team\'s template, without code changes', () => {
    const adr = buildTemplateModel(
      [
        '# ADR: [Decision title]',
        '',
        '**ADR Id**: [NNNN]',
        '**State**: [Proposed/Accepted/Superseded]',
        '**Decided On**: [Date]',
        '',
        '## Context',
        '[What forces are at play]',
        '',
        '## Options',
        '### Option 1: [Name]',
        '[Description]',
        '### Option 2: [Name]',
        '[Description]',
        '',
        '## Decision',
        '[What we decided]',
        '',
      ].join('\n'),
    );
    assert.deepEqual(adr.metadata.map((f) => f.kind.type), ['number', 'enum', 'date']);
    assert.deepEqual(adr.sections.map((s) => [s.name, s.repeatable]), [
      ['Context', false],
      ['Options', false],
      ['Option 1: [Name]', true],
      ['Decision', false],
    ]);
    const doc = [
      '# ADR: Use PostgreSQL',
      '',
      '**ADR Id**: 7',
      '**State**: Accepted',
      '**Decided On**: 2026-13-01',
      '',
      '## Context',
      'We need a database.',
      '## Options',
      '### Option A: PostgreSQL',
      'Relational.',
      '### Option B: DynamoDB',
      'Managed.',
      '',
    ].join('\n');
    const analysis = analyzeDocument(doc, adr);
    assert.ok(analysis.looksLikeRfc);
    assert.deepEqual(
      analysis.findings.map((f) => `${f.range.start.line + 1} ${f.ruleId}`),
      // The id is not of the form NNNN, the date does not exist, Decision is missing after Options.
      ['3 metadata', '5 metadata', '9 missing-section'],
    );
  });
});
