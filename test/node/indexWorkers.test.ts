import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildTemplateModel } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';
import { IndexWorkers } from '../../server/src/node/indexWorkers';
import { indexRecordOf, type IndexJob } from '../../server/src/project/indexRecord';
import { serverBundle } from '../support/paths';
import { templateText } from '../support/lspDocuments';

/**
 * The language server's index worker: the server's own bundle started as a worker thread
 * (as the server does), given files to index. Its records must be those the main thread
 * makes of the same files; when it fails, what it had is given back to be done in the
 * thread, and it is not used again.
 */
const template = defaultTemplate();
const job = (name: string, text: string, filesMatch = false): IndexJob => ({ uri: `file:///ws/rfcs/${name}`, text, options: {}, filesMatch });

const rfc = templateText().replace('[Feature Name]', 'Queues').replace(/\*\*RFC Number\*\*: .*/, '**RFC Number**: 2026-007');
const JOBS: IndexJob[] = [
  job('2026-007-queues.md', rfc),
  // Over 8 KB: its head is read first, then reused.
  job('2026-008-long.md', rfc + '\n## Appendix\n\n' + 'More text, see RFC 2026-007.\n\n'.repeat(600)),
  job('notes.md', '# Notes\n\nNo RFC here.\n'),
  // No RFC by its text, one by its path (the `files` globs).
  job('2026-009-plain.md', '# Notes\n\nStill an RFC by its name.\n', true),
  job('2026-010-quiet.md', rfc.replace('## Summary', '<!-- rfc-disable duplicate-number -->\n\n## Summary'), false),
  { ...job('2026-011-rules.md', rfc), options: { rules: { placeholder: 'off' } }, rules: { 'duplicate-number': 'warning' } },
];

describe('the language server index worker', () => {
  const workers: IndexWorkers[] = [];
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'rfc-index-worker-'));
  });
  after(() => {
    for (const w of workers) w.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('gives the records the main thread gives, with the built-in and a team template', async () => {
    const logged: string[] = [];
    const workers0 = new IndexWorkers(serverBundle, (m) => logged.push(m), 0);
    workers.push(workers0);
    const team = buildTemplateModel('# RFC: [Title]\n\n**RFC Number**: [YYYY-NNN]\n**Status**: [Draft]\n\n## Summary\n[One paragraph]\n\n## Design\n[How]\n');
    for (const t of [template, team]) {
      const offered = JOBS.map((j) => workers0.offer(j, t));
      assert.ok(offered.every((p) => p !== undefined), 'the worker takes six files at once');
      const records = await Promise.all(offered);
      assert.deepEqual(records, JOBS.map((j) => indexRecordOf(j, t)));
      assert.equal(records.filter((r) => r === undefined).length, 1, 'notes.md is no RFC');
    }
    assert.deepEqual(logged, []);
  });

  it('takes no more than its share at a time: the rest is left to the caller', async () => {
    const workers1 = new IndexWorkers(serverBundle, () => undefined, 0);
    workers.push(workers1);
    const offered = Array.from({ length: 40 }, (_, i) => workers1.offer(job(`2026-${100 + i}-x.md`, rfc), template));
    const taken = offered.filter((p) => p !== undefined);
    assert.ok(taken.length > 0 && taken.length < 40, `${taken.length} taken`);
    await Promise.all(taken);
    assert.notEqual(workers1.offer(JOBS[0], template), undefined, 'answered files free their places');
  });

  it('starts no worker for a scan of fewer files than it starts at, and keeps a started one for any scan', async () => {
    const workers3 = new IndexWorkers(serverBundle, () => undefined, 3);
    workers.push(workers3);
    assert.equal(workers3.offer(JOBS[0], template), undefined, 'before any scan');
    workers3.scanning(2);
    assert.deepEqual([0, 1, 2].map(() => workers3.offer(JOBS[0], template)), [undefined, undefined, undefined]);
    workers3.scanning(3);
    const taken = workers3.offer(JOBS[0], template);
    assert.ok(taken, 'a scan of 3 files starts it');
    await taken;
    workers3.scanning(1);
    const warm = workers3.offer(JOBS[0], template);
    assert.ok(warm, 'once started, it helps a scan of one file too');
    await warm;
  });

  it('does not keep the process alive: a script that used the worker ends by itself', () => {
    const script = [
      `const { IndexWorkers } = require(${JSON.stringify(require.resolve('../../server/src/node/indexWorkers'))});`,
      `const { buildTemplateModel } = require(${JSON.stringify(require.resolve('../../server/src/engine'))});`,
      `const workers = new IndexWorkers(${JSON.stringify(serverBundle)}, () => undefined, 0);`,
      `const job = { uri: 'file:///ws/a.md', text: '# RFC: A\\n', options: {}, filesMatch: true };`,
      `workers.offer(job, buildTemplateModel('# RFC: [Title]\\n\\n## Summary\\n')).then((r) => console.log(r ? 'indexed' : 'none'));`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(run.signal, null, 'it ended on its own, not by the timeout');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), 'indexed');
  });

  it('gives back what it had when the worker fails, says so once, and takes nothing after', async () => {
    const broken = path.join(scratch, 'broken.js');
    writeFileSync(broken, "throw new Error('no worker today');\n");
    const logged: string[] = [];
    const workers2 = new IndexWorkers(broken, (m) => logged.push(m), 0);
    workers.push(workers2);
    const offered = workers2.offer(JOBS[0], template);
    assert.ok(offered);
    await assert.rejects(offered, /index worker/);
    assert.equal(workers2.offer(JOBS[0], template), undefined);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^Indexing continues in the main thread: the index worker failed: no worker today\.$/);
  });
});
