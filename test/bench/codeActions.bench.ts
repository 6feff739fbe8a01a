/**
 * `npm run bench` (second part): how long the language server takes to answer code actions
 * and completions in an RFC whose folder holds many RFCs, and whose workspace holds as many
 * more elsewhere, once the workspace index is built. The real server over stdio, as the
 * editor drives it; the figures are p50/p95 of each request's round trip, with the round
 * trip of a request that does no work (`rfc/validateTitle`) measured in the same run as the
 * baseline.
 *
 *   node out/test/bench/codeActions.bench.js [--rfcs N]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, Diagnostic } from 'vscode-languageserver-protocol/node';
import type { ProgressParams } from '../support/lspClient';
import { benchRfc as rfc } from './benchRfc';
import { benchServer } from './serverBench';

const argv = process.argv.slice(2);
const RFCS = argv.includes('--rfcs') ? Number(argv[argv.indexOf('--rfcs') + 1]) : 1000;
const SAMPLES = 200;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timed(n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** The server's peak resident memory in kB (Linux: VmHWM in /proc), if it can be read. */
function serverPeakKb(pid: number | undefined): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
  } catch {
    return undefined;
  }
}

benchServer(
  'actions',
  async (client, folder) => {
    const uri = pathToFileURL(path.join(folder, 'rfcs', '2025-0001-topic-1.md')).href;
    const text = rfc('2025-0001', 'Topic 1');
    client.open(uri, text);
    // The build is timed by the server's own work-done progress, begin to end, as VS Code
    // shows it. (Polling rfc/listRfcs for the count made the server serialise the whole
    // list every 50 ms, work the index then waited on, and no editor asks that often.)
    const isIndexing = (p: ProgressParams) => p.value.kind === 'begin' && p.value.title === 'Indexing RFCs';
    const begin = await client.waitForProgress(isIndexing, 60_000);
    const token = begin.token;
    const ended = client.waitForProgress((p) => p.token === token && p.value.kind === 'end', 120_000);
    let done = false;
    void ended.then(() => (done = true));
    // Meanwhile the open RFC's outline is asked for every 50 ms, as the editor does on edits and cursor moves.
    const whileIndexing: number[] = [];
    while (!done) {
      const start = performance.now();
      await client.documentSymbols(uri, 60_000);
      whileIndexing.push(performance.now() - start);
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 50))]);
    }
    await ended;
    const at = (p: ProgressParams) => client.progress.find((r) => r.params === p)?.at ?? NaN;
    const indexedMs = at(await ended) - at(begin);
    const { rfcs } = await client.request<{ rfcs: unknown[] }>('rfc/listRfcs', null, 60_000);
    if (rfcs.length !== 2 * RFCS) throw new Error(`the index lists ${rfcs.length} RFCs, not ${2 * RFCS}`);
    const peakKb = serverPeakKb(client.pid);
    const published = await client.waitForDiagnostics(uri);
    const diagnostic = published.diagnostics.find((d: Diagnostic) => d.code === 'placeholder' && d.range.start.line < 10);
    if (!diagnostic) throw new Error('no placeholder diagnostic on the Status line to ask fixes for');
    const statusLine = diagnostic.range.start.line;

    const baseline = await timed(SAMPLES, () => client.request('rfc/validateTitle', { title: 'A title' }));
    const actions = await timed(SAMPLES, () =>
      client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      }),
    );
    // Completion on the RFC Number line: the next free number is one of the answers.
    const numberLine = text.split('\n').findIndex((l) => l.startsWith('**RFC Number**:'));
    const completions = await timed(SAMPLES, () =>
      client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: numberLine, character: '**RFC Number**: '.length } }),
    );
    const row = (name: string, samples: number[]) =>
      `${name.padEnd(34)} p50 ${percentile(samples, 50).toFixed(2).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(2).padStart(7)} ms`;
    console.log(`workspace: ${RFCS} RFCs in the RFC's folder and ${RFCS} in another, indexed in ${(indexedMs / 1000).toFixed(1)} s; server peak memory ${peakKb === undefined ? 'unknown' : `${Math.round(peakKb / 1024)} MB`}`);
    if (whileIndexing.length > 0) console.log(row(`outline while indexing (${whileIndexing.length})`, whileIndexing));
    console.log(row('baseline (rfc/validateTitle)', baseline));
    console.log(row(`code actions (status line ${statusLine + 1})`, actions));
    console.log(row('completion (RFC Number)', completions));
    // The same files through rfc-lint, which analyses each as the index does, in the same run.
    const cliStart = performance.now();
    const cli = spawnSync(process.execPath, [path.join(__dirname, '..', '..', '..', 'dist', 'cli.js'), '--format', 'json', '--output', path.join(folder, '..', 'report.json')], { cwd: folder, stdio: 'ignore' });
    const cliMs = performance.now() - cliStart;
    if (cli.status !== 0 && cli.status !== 1) throw new Error(`rfc-lint exited with ${cli.status}`);
    console.log(`index build ${(indexedMs / cliMs).toFixed(2)} x rfc-lint over the same ${2 * RFCS} RFCs (${(cliMs / 1000).toFixed(1)} s)`);
  },
  (scratch) => {
    const folder = path.join(scratch, 'ws');
    mkdirSync(path.join(folder, 'rfcs'), { recursive: true });
    mkdirSync(path.join(folder, 'archive', 'rfcs'), { recursive: true });
    for (let i = 1; i <= RFCS; i++) {
      const number = `2025-${String(i).padStart(4, '0')}`;
      writeFileSync(path.join(folder, 'rfcs', `${number}-topic-${i}.md`), rfc(number, `Topic ${i}`));
      const old = `2024-${String(i).padStart(4, '0')}`;
      writeFileSync(path.join(folder, 'archive', 'rfcs', `${old}-old-${i}.md`), rfc(old, `Old topic ${i}`));
    }
    return folder;
  },
  // As VS Code does: the server reports the index build as work-done progress.
  { workDoneProgress: true },
);
