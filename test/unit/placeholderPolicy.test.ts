import * as assert from 'node:assert/strict';
import { analyzeDocument, buildTemplateModel } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

/** The placeholder texts a document of `template` is reported for, as `line:text`. */
function placeholders(template: string, doc: string): string[] {
  const lines = doc.split('\n');
  return analyzeDocument(doc, buildTemplateModel(template))
    .findings.filter((f) => f.ruleId === 'placeholder')
    .map((f) => `${f.range.start.line + 1}:${lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`);
}

const SQUARE = ['# Proposal: [Name]', '', '**Owner**: [Team]', '', '## Plan', '', '- [First step]', '', '| Step | When |', '|---|---|', '| [Step] | [Date] |', ''].join('\n');

describe('placeholders: what the template calls placeholders', () => {
  it('learns the syntaxes the template writes its placeholders in', () => {
    assert.deepEqual([...defaultTemplate().placeholderPolicy.syntaxes], ['square']);
    const curly = buildTemplateModel('---\nstatus: {proposed | accepted}\n---\n# {short title}\n\n## Context\n\n{Describe the context}\n');
    assert.deepEqual([...curly.placeholderPolicy.syntaxes].sort(), ['curly']);
    const angle = buildTemplateModel('# <Proposal title>\n\n## Summary\n\n> One paragraph.\n');
    assert.deepEqual([...angle.placeholderPolicy.syntaxes], ['angle']);
    const paren = buildTemplateModel("- Start Date: (fill me in with today's date)\n\n## Summary\n\nOne paragraph.\n");
    assert.deepEqual([...paren.placeholderPolicy.syntaxes], ['paren']);
    const marker = buildTemplateModel('# Title\n\n## Summary\n\nTODO: explain the change.\n');
    assert.deepEqual([...marker.placeholderPolicy.syntaxes], ['marker']);
    const prose = buildTemplateModel('# Title\n\n## Summary\n\nExplain the change in one paragraph.\n\n[guide]: https://example.com/guide\n\nSee the [guide] first.\n');
    assert.deepEqual([...prose.placeholderPolicy.syntaxes], []);
  });

  it('reports a candidate alone in its slot, in the template syntax: item, value, cell, heading end, paragraph', () => {
    const doc = [
      '# Proposal: Faster builds',
      '',
      '**Owner**: [Build team lead]',
      '',
      '## Plan',
      '',
      '- [Measure the cache hit rate]',
      '- **Risk**: [To be assessed]',
      '',
      '### Phase 2: [Name of the phase]',
      '',
      '[Write the rollout here]',
      '',
      '| Step | When |',
      '|---|---|',
      '| Warm the cache | [Week] |',
      '',
    ].join('\n');
    assert.deepEqual(placeholders(SQUARE, doc), [
      '3:[Build team lead]',
      '7:[Measure the cache hit rate]',
      '8:[To be assessed]',
      '10:[Name of the phase]',
      '12:[Write the rollout here]',
      '16:[Week]',
    ]);
  });

  it('reports the template\'s own placeholder texts wherever they stand, in any case and spacing', () => {
    const doc = ['# Proposal: Faster builds', '', '**Owner**: Build team', '', '## Plan', '', 'We start on [ date ] and ask [TEAM] to help.', ''].join('\n');
    assert.deepEqual(placeholders(SQUARE, doc), ['7:[ date ]', '7:[TEAM]']);
  });

  it('leaves bracketed words in sentences, citations, alerts, URLs, code-like text, task marks and annotations alone', () => {
    const doc = [
      '# Proposal: Faster builds',
      '',
      '**Owner**: Build team',
      '',
      '## Plan',
      '',
      'Ship it in [Phase 2] as [RFC 7231] says [Smith 2020], "it [the cache] warms" [sic].',
      '',
      '> [!NOTE]',
      '> Caches are per branch.',
      '',
      'Details in [https://example.com/cache] and in map[key] or [verb=UPDATE, code=400] or [workspace.dependencies].',
      '',
      '[x] I understand the cache may be flushed at any time.',
      '',
      '- [Optional] Retention period: two days',
      '',
      'Read the design notes in',
      '[Cache design notes]',
      '(https://example.com/notes) before changing it.',
      '',
      '**[Phase 3]** Remote caching follows.',
      '',
    ].join('\n');
    assert.deepEqual(placeholders(SQUARE, doc), []);
  });

  it('does not take a long bracketed sentence alone in its slot for a placeholder', () => {
    const doc = ['# Proposal: Faster builds', '', '**Owner**: Build team', '', '## Plan', '', '- [The cache is flushed whenever the compiler version changes in any of the workspace crates]', ''].join('\n');
    assert.deepEqual(placeholders(SQUARE, doc), []);
  });

  it('finds nothing bracketed in documents of a template without bracket placeholders', () => {
    const template = '# Title\n\n## Summary\n\nExplain the change in one paragraph.\n';
    assert.deepEqual(placeholders(template, '# Faster builds\n\n## Summary\n\n- [Primary goal]\n\n[Write the summary]\n'), []);
  });

  it('reads curly, angle, parenthesised and marker placeholders the way their templates write them', () => {
    const curly = '# {short title}\n\n## Context\n\n{Describe the context}\n\n* {driver 1}\n';
    assert.deepEqual(placeholders(curly, '# Cache keys\n\n## Context\n\nKeys are {tenant}/{id}.\n\n* {driver 1}\n* {add the numbers}\n'), ['7:{driver 1}', '8:{add the numbers}']);
    const angle = '# <Proposal title>\n\n## Summary\n\nOne paragraph.\n';
    assert.deepEqual(placeholders(angle, '# <Proposal title>\n\n## Summary\n\nPress <kbd>Ctrl</kbd>, see <details>.\n'), ['1:<Proposal title>']);
    const paren = "- Start Date: (fill me in with today's date)\n\n## Summary\n\nOne paragraph.\n";
    assert.deepEqual(
      placeholders(paren, "- Start Date: (fill me in with today's date)\n\n## Summary\n\nIt is fast (about twice as fast).\n"),
      ["1:(fill me in with today's date)"],
    );
    const marker = '# Title\n\n## Summary\n\nTODO: explain the change.\n';
    assert.deepEqual(placeholders(marker, '# Builds\n\n## Summary\n\nTBD\n\nThe TODO list is short.\n'), ['5:TBD']);
  });
});
