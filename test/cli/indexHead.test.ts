import * as assert from 'node:assert/strict';
import { rfc, rfcLint, Scratch, TEMPLATE } from './run';

/**
 * rfc-lint compares the RFCs it checks with the heads of the others (their text before
 * the first `##` section). A `##` line that markdown does not read as a heading, such as
 * one in an instructions comment above the metadata, does not end the head.
 */
describe('rfc-lint: the other RFCs read up to their first section', () => {
  const scratch = new Scratch();
  after(() => scratch.remove());

  it('reads the number below a comment holding a ## line, so a duplicate is found', () => {
    const instructions = '<!--\n## How to fill this in\nReplace every bracket.\n-->\n\n';
    const folder = scratch.folder({
      '.rfc/template.md': TEMPLATE,
      'rfcs/2026-001-queues.md': rfc('2026-001', 'Queues', 'Approved'),
      'rfcs/2026-002-cache.md': rfc('2026-001', 'Cache', 'Draft').replace('**RFC Number**', `${instructions}**RFC Number**`),
    });
    const run = rfcLint(['rfcs/2026-001-queues.md'], folder);
    assert.match(run.stdout, /^rfcs\/2026-001-queues\.md:3:17 error duplicate-number RFC number 2026-001 is also used by 2026-002-cache\.md/m, run.stdout + run.stderr);
  });
});
