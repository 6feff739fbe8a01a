import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, findingFilterOf, indexEntryOf, ownString, type RfcIndexEntry } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';
import { settledHeap } from '../support/heap';
import { repoRoot } from '../support/paths';

/**
 * What outlives an analysis must not keep the document's text alive. V8 keeps a slice of a
 * string as a view into it, so one kept title, heading or message that is a slice would keep
 * its whole RFC: the workspace index of 10,000 RFCs once held 26 MB instead of 11 that way.
 * Here 120 RFCs of about 80 KB each (10 MB of text) are analysed; only what the index keeps
 * of them is held, and the heap may grow by a fraction of their text, not by all of it.
 */
const example = readFileSync(path.join(repoRoot, 'examples', '2026-002-rate-limiting.md'), 'utf8');
const filler = 'Each tenant keeps its own bucket, refilled at the rate of its plan; bursts draw it down. '.repeat(800);

/**
 * A filled-in RFC of about 80 KB whose kept parts are long plain text: its title, its status
 * (metadata as a list of `Key: value` items), a suppression comment and a lower-case heading
 * of its own.
 */
function rfc(i: number): string {
  return example
    .replace('# RFC: Per-Tenant Rate Limiting for the Public API', `# RFC: Per-Tenant Rate Limiting, variant number ${i} of many`)
    .replace(/^\*\*(.*)\*\*: (.*?) *$/gm, '- $1: $2')
    .replace('- Status: Approved', '- Status: Under Review by the platform group')
    .replace('## Summary\n', `## Summary\n\n<!-- rfc-disable unknown-reference -->\n\n${filler}\n\n### background of variant ${i}, told at some length\n\n`);
}

describe('what is kept of an analysis', () => {
  it('holds none of the documents’ text: index entries, finding filters and copied messages', () => {
    const template = defaultTemplate();
    // Warm up: the engine's own caches and compiled code are not what is measured.
    for (let i = 0; i < 5; i++) analyzeDocument(rfc(-i), template);
    let textBytes = 0;
    const kept: { entry: RfcIndexEntry; filter: unknown; messages: string[] }[] = [];
    const before = settledHeap();
    for (let i = 0; i < 120; i++) {
      const text = rfc(i);
      textBytes += text.length;
      const analysis = analyzeDocument(text, template);
      const entry = indexEntryOf(`file:///rfcs/2026-${i}.md`, `2026-${i}.md`, analysis);
      kept.push({ entry, filter: findingFilterOf(analysis), messages: analysis.findings.map((f) => ownString(f.message)) });
    }
    const grown = settledHeap() - before;
    assert.ok(kept.every((k) => k.entry.title.startsWith('Per-Tenant Rate Limiting, variant number')), 'the titles were read');
    assert.ok(kept.every((k) => k.entry.status === 'Under Review by the platform group'), 'the statuses were read');
    assert.ok(kept.every((k) => JSON.stringify(k.filter).includes('unknown-reference')), 'the suppression comments were read');
    assert.ok(grown < textBytes / 4, `the heap grew by ${(grown / 1e6).toFixed(1)} MB for ${(textBytes / 1e6).toFixed(1)} MB of text`);
  });

  it('copies a string so that the copy is the same text', () => {
    const long = 'x'.repeat(100) + 'é' + 'y'.repeat(100);
    for (const text of ['', 'short', long, long.slice(50, 150), `${long}${long}`]) assert.equal(ownString(text), text);
  });
});
