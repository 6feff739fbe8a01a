import * as assert from 'node:assert/strict';
import { analyzeDocument, lifecycleOfStatus } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

const template = defaultTemplate();

/** The template with a status, one placeholder left in Summary, Timeline deleted, Why Now? empty. */
function rfc(status: string, extra = ''): string {
  let text = template.text
    .replace('[YYYY-XXX]', '2026-001')
    .replace('[Draft/Under Review/Approved/Implemented]', status)
    .replace('**Last Updated**: [Date]', '**Last Updated**: 2026-03-01')
    .replace(/\[(?!One paragraph)[^\]\n]*[A-Za-z][^\]\n]*\]/g, 'filled');
  text = text.slice(0, text.indexOf('## Timeline')) + text.slice(text.indexOf('## Open Questions'));
  text = text.replace('### Why Now?\nfilled\n', '### Why Now?\n');
  return text + extra;
}

function severities(status: string, rules?: Record<string, string>): Record<string, string> {
  const analysis = analyzeDocument(rfc(status), template, { rules: rules as never });
  const out: Record<string, string> = {};
  for (const f of analysis.findings) out[f.ruleId] = f.severity;
  return out;
}

describe('lifecycle-aware severity', () => {
  it('reads the lifecycle from the status by meaning', () => {
    assert.equal(lifecycleOfStatus('Draft'), 'draft');
    assert.equal(lifecycleOfStatus('Under Review'), 'review');
    assert.equal(lifecycleOfStatus('Approved'), 'approved');
    assert.equal(lifecycleOfStatus('Implemented'), 'implemented');
    assert.equal(lifecycleOfStatus('Draft (pending security review)'), 'review', 'the most advanced word wins');
    assert.equal(lifecycleOfStatus('Parked'), 'unknown');
  });

  it('follows the lifecycle table under auto (the default)', () => {
    assert.deepEqual(severities('Draft'), {
      placeholder: 'information',
      'missing-section': 'warning',
      'empty-section': 'information',
      'template-example': 'information',
    });
    assert.deepEqual(severities('Under Review'), {
      placeholder: 'warning',
      'missing-section': 'warning',
      'empty-section': 'warning',
      'template-example': 'information',
      'open-questions': 'information',
    });
    assert.deepEqual(severities('Approved'), {
      placeholder: 'error',
      'missing-section': 'error',
      'empty-section': 'error',
      'template-example': 'warning',
    });
  });

  it('lets rfc.rules replace or silence a rule, and auto keep the lifecycle', () => {
    assert.deepEqual(severities('Approved', { placeholder: 'hint', 'empty-section': 'off', 'missing-section': 'auto' }), {
      placeholder: 'hint',
      'missing-section': 'error',
      'template-example': 'warning',
    });
  });

  it('reports a stage-bound rule at every stage once rfc.rules gives it a severity', () => {
    // open-questions and unchecked-task are off outside their stage only under `auto`.
    assert.equal(severities('Draft', { 'open-questions': 'warning' })['open-questions'], 'warning');
    assert.equal(severities('Draft')['open-questions'], undefined);
    assert.equal(severities('Approved', { 'unchecked-task': 'information' })['unchecked-task'], 'information');
    assert.equal(severities('Approved')['unchecked-task'], undefined);
    const noStatus = analyzeDocument(rfc('Draft').replace(/^(\*\*Status\*\*:).*$/m, '$1 Parked'), template);
    assert.equal(noStatus.lifecycle, 'unknown');
    assert.ok(!noStatus.findings.some((f) => f.ruleId === 'open-questions' || f.ruleId === 'unchecked-task'));
  });

  it('makes missing subsections information in a draft and errors once approved', () => {
    const text = (status: string) => rfc(status).replace('### Goals\n', '### Aims\n');
    const missing = (status: string) => analyzeDocument(text(status), template).findings.find((f) => f.message.includes("'Goals'"))?.severity;
    assert.equal(missing('Draft'), 'information');
    assert.equal(missing('Under Review'), 'warning');
    assert.equal(missing('Approved'), 'error');
  });

  it('requires every Documentation Plan item ticked once Implemented', () => {
    const text = rfc('Implemented');
    const findings = analyzeDocument(text, template).findings.filter((f) => f.ruleId === 'unchecked-task');
    const lines = text.split('\n');
    assert.deepEqual(
      findings.map((f) => [lines[f.range.start.line].slice(f.range.start.character, f.range.end.character), f.severity]),
      ['[ ] API documentation', '[ ] Architecture documentation', '[ ] Runbook for operations', '[ ] Migration guide', '[ ] Developer guide'].map((t) => [t, 'error']),
    );
    assert.match(findings[0].message, /^'API documentation' is not ticked in 'Documentation Plan'/);
    assert.deepEqual(analyzeDocument(text.replace(/- \[ \]/g, '- [x]'), template).findings.filter((f) => f.ruleId === 'unchecked-task'), []);
    assert.deepEqual(analyzeDocument(rfc('Approved'), template).findings.filter((f) => f.ruleId === 'unchecked-task'), []);
  });
});
