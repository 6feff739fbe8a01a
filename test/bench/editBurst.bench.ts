/**
 * Part of `npm run bench`: a burst of edits in a 1 MB RFC, as a paste-heavy or
 * macro-driven session (or a client replaying keystrokes) sends them. 1,000 back-to-back
 * `didChange` notifications, each typing one character, then one request that needs the
 * current analysis (document symbols). The real server over stdio.
 *
 * Reported: the time from the last change to that answer, as a ratio against the same
 * request after a single change in the same run (one re-analysis); and the round trip of a
 * request that needs no analysis (`rfc/validateTitle`) sent right after the burst, which
 * shows whether the server is stuck applying changes.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bigRfc } from './bigRfc';
import { benchServer } from './serverBench';

const BURST = 1000;

benchServer('burst', async (client, root) => {
  const uri = pathToFileURL(path.join(root, '2026-001-big.md')).href;
  const text = bigRfc(1024 * 1024);
  client.open(uri, text);
  await client.documentSymbols(uri, 60_000);
  const at = client.rangeOf(uri, '### Performance Targets').start;

  // One change, then the request: one re-analysis.
  client.edit(uri, { start: at, end: at }, 'x');
  let start = performance.now();
  await client.documentSymbols(uri, 60_000);
  const single = performance.now() - start;

  // The burst: each change types the next character after the last.
  for (let i = 1; i <= BURST; i++) {
    const position = { line: at.line, character: at.character + i };
    client.edit(uri, { start: position, end: position }, 'y');
  }
  start = performance.now();
  const idle = client.request('rfc/validateTitle', { title: 'A title' }, 60_000).then(() => performance.now() - start);
  await client.documentSymbols(uri, 60_000);
  const burst = performance.now() - start;
  const idleMs = await idle;

  console.log(`edit burst: ${BURST} changes to a ${Math.round(text.length / 1024)} KiB RFC, then document symbols`);
  console.log(`baseline  one change, then document symbols         ${single.toFixed(0).padStart(6)} ms  1.00`);
  console.log(`burst     last change → document symbols            ${burst.toFixed(0).padStart(6)} ms  ${(burst / single).toFixed(2)} x baseline`);
  console.log(`          last change → a request needing no analysis ${idleMs.toFixed(0).padStart(4)} ms  ${(idleMs / single).toFixed(2)} x baseline`);
});
