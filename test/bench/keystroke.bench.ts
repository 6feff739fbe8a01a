/**
 * Part of `npm run bench`: what a user waits for after a keystroke, and for the first
 * diagnostics after the server starts. The real server over stdio.
 *
 * - keystroke → publishDiagnostics of that version, in a 1 MB and a 50 KB RFC, typing one
 *   character at a time into one section: p50/p95 minus the 150 ms debounce, as a ratio
 *   against one markdown-it parse of the same document in this process;
 * - cold start → first diagnostics of an opened RFC, as a ratio against a fresh `node`
 *   process that loads the bundled engine and analyses the same RFC once (a bare start
 *   plus one cold analysis), and against a bare `node -e 0` start plus one analysis of the
 *   RFC in this process (which is warm by then).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { analyzeDocument } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';
import { LspClient } from '../support/lspClient';
import { repoRoot } from '../support/paths';
import { templateText } from '../support/lspDocuments';
import { bigRfc } from './bigRfc';

const DEBOUNCE_MS = 150;
const KEYSTROKES = 40;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function best(runs: number, fn: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

async function keystrokes(bytes: number, label: string): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'rfc-bench-keys-'));
  const client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href] });
  try {
    const text = bigRfc(bytes);
    const md = new MarkdownIt('default', { html: true });
    const parse = best(5, () => md.parse(text, {}));
    const uri = pathToFileURL(path.join(root, '2026-001-big.md')).href;
    client.open(uri, text);
    await client.waitForVersion(uri, 60_000);
    const at = client.rangeOf(uri, '### Performance Targets').start;
    const samples: number[] = [];
    for (let i = 1; i <= KEYSTROKES; i++) {
      const position = { line: at.line, character: at.character + i };
      client.edit(uri, { start: position, end: position }, 'y');
      const start = performance.now();
      await client.waitForVersion(uri, 60_000);
      samples.push(performance.now() - start - DEBOUNCE_MS);
    }
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    console.log(
      `keystroke ${label.padEnd(6)} → diagnostics, minus debounce: p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${(p95 / parse).toFixed(2)} x one parse, ${parse.toFixed(1)} ms)`,
    );
  } finally {
    await client.dispose();
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The engine and the built-in template bundled as the server bundles them (esbuild, the
 * same markdown-it plugin), in a script that reads one file and analyses it once: run in a
 * fresh process, it is a bare `node` start plus one cold analysis, in one figure.
 */
function coldAnalysisScript(root: string): string {
  const entry = path.join(root, 'cold-analysis.ts');
  const out = path.join(root, 'cold-analysis.js');
  writeFileSync(
    entry,
    `import { readFileSync } from 'node:fs';\n` +
      `import { analyzeDocument } from ${JSON.stringify(path.join(repoRoot, 'server', 'src', 'engine'))};\n` +
      `import { defaultTemplate } from ${JSON.stringify(path.join(repoRoot, 'server', 'src', 'defaultTemplate'))};\n` +
      `analyzeDocument(readFileSync(process.argv[2], 'utf8'), defaultTemplate());\n`,
  );
  const build = `
    import * as esbuild from 'esbuild';
    import { bundles } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'scripts', 'bundles.mjs')).href)};
    const { plugins, loader } = bundles().cli;
    await esbuild.build({ entryPoints: [${JSON.stringify(entry)}], outfile: ${JSON.stringify(out)}, bundle: true, platform: 'node', format: 'cjs', target: 'node20', plugins, loader, logLevel: 'warning' });`;
  const built = spawnSync(process.execPath, ['--input-type=module', '-e', build], { cwd: repoRoot, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`bundling the cold-analysis baseline failed: ${built.stderr}`);
  return out;
}

async function coldStart(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'rfc-bench-cold-'));
  try {
    const text = templateText().replace('[Feature Name]', 'Cold start');
    const rfcFile = path.join(root, 'cold.md');
    writeFileSync(rfcFile, text);
    const script = coldAnalysisScript(root);
    const nodeStart = best(5, () => spawnSync(process.execPath, ['-e', '0']));
    const coldProcess = best(5, () => spawnSync(process.execPath, [script, rfcFile]));
    // This process's analysis, after the keystroke runs above: a warm one.
    const analysis = best(1, () => analyzeDocument(text, defaultTemplate()));
    const samples: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const client = await LspClient.start({ workspaceFolders: [pathToFileURL(root).href] });
      const uri = pathToFileURL(path.join(root, 'rfcs', `2026-00${i}-cold.md`)).href;
      client.open(uri, text);
      await client.waitForVersion(uri, 60_000);
      samples.push(performance.now() - start);
      await client.dispose();
    }
    const first = Math.min(...samples);
    const baseline = nodeStart + analysis;
    console.log(`cold start → first diagnostics ${first.toFixed(0).padStart(5)} ms  (${(first / coldProcess).toFixed(2)} x a fresh node process analysing it once, ${coldProcess.toFixed(0)} ms)`);
    console.log(`${''.padEnd(38)}(${(first / baseline).toFixed(2)} x bare node start ${nodeStart.toFixed(0)} ms + one analysis in this warm process ${analysis.toFixed(0)} ms)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await keystrokes(1024 * 1024, '1 MB');
  await keystrokes(50 * 1024, '50 KB');
  await coldStart();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
