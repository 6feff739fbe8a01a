import * as assert from 'node:assert/strict';
import { analyzeDocument, type Analysis, type BuildStats } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';
import { random } from '../support/random';

/** Everything an analysis shows a user, in comparable form. */
function visible(a: Analysis): unknown {
  return {
    findings: a.findings,
    completeness: a.completeness,
    headings: a.headings.map((h) => [h.line, h.level, h.text, h.section?.id, h.placeholderCount, h.hasContent]),
    metadata: a.metadata,
  };
}

// Pieces that move section boundaries or change how later text parses.
const SNIPPETS = [
  '## New Section\n',
  '### Goals\n',
  '```\n',
  '~~~json\n',
  '[Name]',
  '\n',
  '---\n',
  '===\n',
  '**Status**: Draft\n',
  '<!-- rfc-disable placeholder -->\n',
  '<!--\n',
  '-->\n',
  'plain words ',
  '# RFC: Title\n',
  '> quoted\n',
  '- item [x]\n',
  '| a | b |\n|---|---|\n| [Case 1] | [How handled] | [What user sees] |\n',
  '[ref]: https://example.com\n',
  '    indented code [ASCII or mermaid diagram showing system architecture]\n',
  'N/A\n',
  '\r\n',
  '<div>\n',
];

describe('incremental analysis', () => {
  const template = defaultTemplate();

  it('gives exactly the result of a fresh analysis after every one of 600 random edits', () => {
    const next = random(20261126);
    let text = template.text;
    let previous = analyzeDocument(text, template);
    let incrementalSteps = 0;
    for (let step = 0; step < 600; step++) {
      const at = Math.floor(next() * (text.length + 1));
      const kind = next();
      if (kind < 0.45) {
        text = text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
      } else if (kind < 0.8) {
        text = text.slice(0, at) + text.slice(at + Math.floor(next() * 120));
      } else {
        const word = String.fromCharCode(97 + Math.floor(next() * 26));
        text = text.slice(0, at) + word + text.slice(at + 1);
      }
      const stats: BuildStats = { chunksParsed: 0, chunksReused: 0, incremental: false };
      const incremental = analyzeDocument(text, template, {}, previous, stats);
      if (stats.incremental) incrementalSteps++;
      const fresh = analyzeDocument(text, template);
      assert.deepEqual(visible(incremental), visible(fresh), `step ${step}`);
      previous = incremental;
    }
    // The comparison above is only meaningful if most edits took the incremental path.
    assert.ok(incrementalSteps > 400, `only ${incrementalSteps} of 600 edits were incremental`);
  });

  it('re-parses only the top-level section a keystroke touches', () => {
    const text = template.text;
    const first = analyzeDocument(text, template);
    const at = text.indexOf('[Urgency and timing considerations]');
    const edited = text.slice(0, at) + 'Because ' + text.slice(at);
    const stats: BuildStats = { chunksParsed: 0, chunksReused: 0, incremental: false };
    analyzeDocument(edited, template, {}, first, stats);
    assert.equal(stats.incremental, true);
    assert.equal(stats.chunksParsed, 1, 'only the edited section is parsed again');
    assert.equal(stats.chunksReused, first.model.chunks.length - 1);
  });

  it('re-parses the section above too when an edit touches a heading line', () => {
    const text = template.text;
    const first = analyzeDocument(text, template);
    const at = text.indexOf('## Dependencies');
    // A name sharing no word with any template section: Dependencies is then missing.
    const edited = text.slice(0, at) + '## Suppliers' + text.slice(at + '## Dependencies'.length);
    const stats: BuildStats = { chunksParsed: 0, chunksReused: 0, incremental: false };
    const result = analyzeDocument(edited, template, {}, first, stats);
    assert.equal(stats.incremental, true);
    assert.equal(stats.chunksParsed, 1, 'the previous section is re-parsed but its text is unchanged, so its parse is reused');
    assert.ok(result.findings.some((f) => f.ruleId === 'missing-section' && f.message.includes("'Dependencies'")));
  });
});
