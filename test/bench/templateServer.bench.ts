/**
 * Part of `npm run bench`: the language server while it builds a team's 3.5 MB template
 * (`.rfc/template.md`, under the 4 MB cap). An RFC is opened, and a request that needs no
 * analysis (`rfc/validateTitle`) is sent every 10 ms until the RFC's diagnostics arrive.
 * Reported: the slowest and the p95 round trip of those requests, as ratios against the
 * same request's p95 on the idle server in the same run, and how long the diagnostics took.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';
import { templateText } from '../support/lspDocuments';
import { bigTemplate } from './bigTemplate';
import { benchServer } from './serverBench';

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function roundTrip(client: LspClient): Promise<number> {
  const start = performance.now();
  await client.request('rfc/validateTitle', { title: 'A title' }, 120_000);
  return performance.now() - start;
}

const template = bigTemplate(3_500_000);

benchServer(
  'template',
  async (client, root) => {
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await roundTrip(client));

    const uri = pathToFileURL(path.join(root, 'rfcs', '2026-001-a.md')).href;
    const start = performance.now();
    client.open(uri, templateText().replace('[Feature Name]', 'A'));
    let published = false;
    const diagnostics = client.waitForDiagnostics(uri, () => true, 120_000).then(() => {
      published = true;
      return performance.now() - start;
    });
    const during: Promise<number>[] = [];
    while (!published) {
      during.push(roundTrip(client));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const samples = await Promise.all(during);
    const idleP95 = percentile(idle, 95);
    const row = (name: string, ms: number) => `${name.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / idleP95).toFixed(1).padStart(6)} x baseline`;
    console.log(`server with a ${(template.length / 1e6).toFixed(1)} MB team template: ${samples.length} requests while it was built`);
    console.log(row('baseline  idle round trip (p95)', idleP95));
    console.log(row('          round trip while building (p50)', percentile(samples, 50)));
    console.log(row('          round trip while building (p95)', percentile(samples, 95)));
    console.log(row('          round trip while building (slowest)', Math.max(...samples)));
    console.log(`          open → first diagnostics of the RFC     ${(await diagnostics).toFixed(0).padStart(8)} ms`);
  },
  (scratch) => {
    mkdirSync(path.join(scratch, '.rfc'));
    mkdirSync(path.join(scratch, 'rfcs'));
    writeFileSync(path.join(scratch, '.rfc', 'template.md'), template);
  },
);
