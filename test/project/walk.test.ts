import * as assert from 'node:assert/strict';
import { MemoryFiles } from '../../server/src/project/memoryFiles';
import { walkMarkdown } from '../../server/src/project/indexScan';
import { Walk } from '../../server/src/project/walk';

/** The project's one walk (the workspace index's and rfc-lint's) on an in-memory workspace. */

const WS = 'file:///ws';
const markdown = { enter: () => true, want: (uri: string) => uri.endsWith('.md') };

describe('project walk', () => {
  it('follows no folder link, follows file links inside, lists each real file once, in name order', async () => {
    const files = new MemoryFiles()
      .write(`${WS}/rfcs/2026/2026-002-b.md`, 'B')
      .write(`${WS}/rfcs/2026/2026-001-a.md`, 'A')
      .write('file:///outside/secret.md', 'S')
      .link(`${WS}/rfcs/current`, `${WS}/rfcs/2026`)
      .link(`${WS}/rfcs/latest.md`, `${WS}/rfcs/2026/2026-002-b.md`)
      .link(`${WS}/rfcs/alias.md`, `${WS}/docs/guide.md`)
      .write(`${WS}/docs/guide.md`, 'G')
      .link(`${WS}/rfcs/passwd.md`, 'file:///outside/secret.md')
      .link(`${WS}/rfcs/broken.md`, `${WS}/nowhere.md`);
    const walk = new Walk(files, { linkRoots: [WS] });
    const found = await walk.list(`${WS}/rfcs`, markdown);
    assert.deepEqual(
      found.map((f) => [f.uri.slice(WS.length), f.file.slice(WS.length)]),
      [
        ['/rfcs/2026/2026-001-a.md', '/rfcs/2026/2026-001-a.md'],
        ['/rfcs/2026/2026-002-b.md', '/rfcs/2026/2026-002-b.md'],
        // Inside the workspace (a link root), outside the folder walked: followed.
        ['/rfcs/alias.md', '/docs/guide.md'],
      ],
    );
    assert.deepEqual(walk.linkedOutside, [`${WS}/rfcs/passwd.md`]);
    assert.deepEqual(walk.unreadable, []);
    // The same walk lists a real file once, whichever path reaches it later.
    assert.deepEqual(await walk.list(`${WS}/rfcs/2026`, markdown), []);
  });

  it('says which folders it could not list, and lists the rest', async () => {
    const files = new MemoryFiles().write(`${WS}/rfcs/a.md`, 'A').write(`${WS}/rfcs/locked/b.md`, 'B').lock(`${WS}/rfcs/locked`);
    const walk = new Walk(files);
    assert.deepEqual((await walk.list(`${WS}/rfcs`, markdown)).map((f) => f.file), [`${WS}/rfcs/a.md`]);
    assert.deepEqual(walk.unreadable, [{ uri: `${WS}/rfcs/locked`, reason: 'permission denied' }]);
  });

  it('the workspace index walks the same way: logs folders it cannot list, stops at its limit', async () => {
    const files = new MemoryFiles()
      .write(`${WS}/rfcs/2026-001-a.md`, 'A')
      .write(`${WS}/rfcs/2026-002-b.md`, 'B')
      .write(`${WS}/.git/x.md`, 'hidden')
      .write(`${WS}/private/c.md`, 'C')
      .lock(`${WS}/private`)
      .link(`${WS}/mirror`, `${WS}/rfcs`);
    const log: string[] = [];
    const scan = await walkMarkdown(files, [WS, 'file:///gone'], 10, (m) => log.push(m));
    assert.deepEqual(scan.files, [`${WS}/rfcs/2026-001-a.md`, `${WS}/rfcs/2026-002-b.md`]);
    assert.deepEqual([...scan.listed], [WS]);
    assert.deepEqual(log, [
      'The folder /ws/private is not indexed: permission denied.',
      'The folder /gone is not indexed: it does not exist.',
    ]);
    const limited: string[] = [];
    assert.deepEqual((await walkMarkdown(files, [WS], 1, (m) => limited.push(m))).files, [`${WS}/rfcs/2026-001-a.md`]);
    assert.match(limited.join('\n'), /more than 1 markdown files/);
  });
});
