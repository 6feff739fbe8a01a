// `npm run bench:cli`: rfc-lint over 10,000 generated RFCs. Prints each run's wall time
// and peak memory (maximum resident set size): from /usr/bin/time -v where it exists, else
// from a --require hook that reports process.resourceUsage().maxRSS as the CLI exits.
//
//   node test/bench/cli10k.mjs [--files N] [--runs R] [--steady] [--keep]
//
// The two rfc-lint rows that are ratios (--jobs 1, and the default: one thread per core and
// per 1,000 files, see server/src/cli/pool.ts) are
// run R times (default 3 up to 3,000 files, else 1), each round right after its baselines,
// and the medians are printed: this VM's speed drifts by a quarter between minutes.
// Two baselines: markdown-it as npm ships it, and markdown-it as rfc-lint bundles it
// (scripts/bundles.mjs rewrites its class-field helper, which makes parsing ~40% faster).
// For comparison with a linter teams already run, markdownlint-cli2 (a devDependency) lints
// the same files once, with its default rules, after the rounds (about 15 s per 1,000 files
// here: minutes of load after which this VM runs slower), followed by one more stock
// baseline; its ratios are taken against that baseline, so both sides of a ratio ran in
// the same minute. It prints the CPU time of all threads of each ratio row's runs (a --require
// hook), and how much slower one parse runs with one per core at once
// (three tries): the most a thread pool can gain on this machine, and what rfc-lint on one
// RFC gains from its code cache (codeCacheStart.mjs).
//
// --steady also runs both baselines and `--jobs 1` over twice the files (the same N RFCs and
// N more generated the same way, in a second folder) and prints what the second N cost: the
// price per RFC once the process is warm, rfc-lint's against markdown-it's, and what each
// paid once (process start, loading, compiling and warming up): T(N) − (T(2N) − T(N)).
//
// The RFCs follow the built-in template, varied from examples/2026-002-rate-limiting.md:
// 5–10 KB each, every status, some with missing sections, placeholders, mentions of other
// RFCs (a few unknown), duplicate numbers and file names whose number differs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codeCacheStart } from './codeCacheStart.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const argv = process.argv.slice(2);
const count = argv.includes('--files') ? Number(argv[argv.indexOf('--files') + 1]) : 10_000;
const keep = argv.includes('--keep');
const steady = argv.includes('--steady');
const runs = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : count <= 3000 ? 3 : 1;
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

/** A small seeded PRNG (mulberry32), so every run lints the same RFCs. */
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20260301);
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

const base = readFileSync(join(repo, 'examples', '2026-002-rate-limiting.md'), 'utf8');
const STATUSES = ['Draft', 'Under Review', 'Approved', 'Implemented'];
const TOPICS = ['rate limiting', 'search caching', 'billing events', 'audit logs', 'feature flags', 'tenant isolation', 'email delivery', 'schema migrations'];
const numberOf = (i) => `${2015 + Math.floor(i / 1000)}-${String((i % 1000) + 1).padStart(3, '0')}`;

/** Splits markdown into its level-3 (and level-2) blocks so sections can be dropped or repeated. */
function sections(text) {
  return text.split(/\n(?=#{2,3} )/);
}

function generate(i) {
  const number = chance(0.01) && i > 0 ? numberOf(i - 1) : numberOf(i);
  const fileNumber = chance(0.02) ? numberOf(i + 5000) : numberOf(i);
  const topic = pick(TOPICS);
  const status = pick(STATUSES);
  let parts = sections(base);
  parts[0] = parts[0]
    .replace(/^# RFC: .*$/m, `# RFC: ${topic[0].toUpperCase()}${topic.slice(1)} ${i}`)
    .replace(/^\*\*RFC Number\*\*: .*$/m, `**RFC Number**: ${number}`)
    .replace(/^\*\*Status\*\*: .*$/m, `**Status**: ${status}`);
  // Here and there a subsection is cut short or left out.
  for (let d = 0, n = Math.floor(random() * 4); d < n; d++) {
    const k = 2 + Math.floor(random() * (parts.length - 3));
    if (!parts[k].startsWith('### ')) continue;
    if (chance(0.2)) parts.splice(k, 1);
    else parts[k] = parts[k].slice(0, parts[k].indexOf('\n') + 1) + 'Covered in the summary above.\n';
  }
  // 5–10 KB: a draft stops before its last sections; a long RFC weighs more alternatives.
  const target = 5120 + random() * 5120;
  const size = () => parts.reduce((n, p) => n + p.length + 1, 0);
  while (size() > target && parts.length > 8) parts.splice(parts.length - 2, 1);
  const alternatives = parts.findIndex((p) => p.startsWith('### Alternative 2'));
  for (let a = 3; size() < target && alternatives > 0 && a < 20; a++) {
    parts.splice(alternatives + 1, 0, parts[alternatives].replace('Alternative 2', `Alternative ${a}`));
  }
  let text = parts.join('\n');
  if (chance(0.15)) text = text.replace(/^(## Summary\n)[^\n]+/m, '$1[One paragraph executive summary of the proposal]');
  if (chance(0.1)) text = text.replace(/^(### Non-Goals\n)/m, '$1- [What this RFC deliberately does not do]\n');
  const mentions = [];
  for (let m = 0, n = Math.floor(random() * 4); m < n; m++) mentions.push(`RFC ${numberOf(Math.floor(random() * count))}`);
  if (chance(0.03)) mentions.push('RFC 1999-001');
  if (mentions.length > 0) text = text.replace(/^(## Summary\n[^\n]*)/m, `$1 It builds on ${mentions.join(', ')}.`);
  text = text.replace(/\[RFC 2025-031: Gateway upgrade\]\([^)]*\)/, `[RFC ${numberOf(Math.max(0, i - 1))}: Earlier work](./${numberOf(Math.max(0, i - 1))}.md)`);
  return { name: `${fileNumber}-${topic.replace(/ /g, '-')}-${i}.md`, text };
}

const root = mkdtempSync(join(tmpdir(), 'rfc-lint-bench-'));
const folder = join(root, 'rfcs');
mkdirSync(folder);
/**
 * With --steady: the same N RFCs and N more, in a folder of the same name (the baselines
 * read `rfcs`). Not inside `root`: rfc-lint with no path given would check them there too.
 */
const twice = steady ? mkdtempSync(join(tmpdir(), 'rfc-lint-bench-twice-')) : '';
if (steady) mkdirSync(join(twice, 'rfcs'));
let bytes = 0;
let smallest = Infinity;
let largest = 0;
const started = Date.now();
const names = [];
// The first N come first from the PRNG, so they are the same with or without --steady.
for (let i = 0; i < (steady ? 2 * count : count); i++) {
  const { name, text } = generate(i);
  if (steady) writeFileSync(join(twice, 'rfcs', name), text);
  if (i >= count) continue;
  names.push(name);
  writeFileSync(join(folder, name), text);
  const size = Buffer.byteLength(text);
  bytes += size;
  smallest = Math.min(smallest, size);
  largest = Math.max(largest, size);
}
console.log(`generated ${count} RFCs in ${root} (${(bytes / 1024 / 1024).toFixed(1)} MB, ${(smallest / 1024).toFixed(1)}–${(largest / 1024).toFixed(1)} KB each) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const hook = join(root, 'exit-usage-hook.cjs');
// Also the CPU time of all the process's threads (its own, workers', V8's compiler and GC
// helpers'): on a machine whose cores slow each other, CPU, not wall time, says what a
// second thread costs. Where Linux's /proc tells a thread's own CPU, each JavaScript thread
// (the main one and each worker, which run the hook too) also reports its own, so what V8's
// helper threads took is the rest.
writeFileSync(
  hook,
  `process.on('exit', () => {
  const u = process.resourceUsage();
  let own = '';
  try {
    const stat = require('node:fs').readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux's usual builds).
    own = \` thread-cpu-us \${(Number(fields[11]) + Number(fields[12])) * 10000}\`;
  } catch {}
  process.stderr.write(\`\\nmaxRSS-kB \${u.maxRSS} cpu-us \${u.userCPUTime + u.systemCPUTime}\${own}\\n\`);
});
`,
);
/** CPU seconds of a run, from the hook's last line on its standard error (worker threads run the hook too, as they end). */
const cpuOf = (stderr) => Number([...(stderr ?? '').matchAll(/(?:^|\s)cpu-us (\d+)/gm)].pop()?.[1] ?? NaN) / 1e6;
/** CPU seconds of the run's JavaScript threads (main and workers), from each one's hook line; NaN without /proc. */
const jsThreadsCpuOf = (stderr) => {
  const own = [...(stderr ?? '').matchAll(/thread-cpu-us (\d+)/g)].map((m) => Number(m[1]));
  return own.length === 0 ? NaN : own.reduce((a, b) => a + b, 0) / 1e6;
};

/** Runs rfc-lint in the generated folder; returns wall seconds, peak RSS in MB, exit code and output size. */
function measure(label, args, cwd = root) {
  const node = [process.execPath, '--require', hook, cli, ...args];
  const command = timeBinary ? [timeBinary, '-v', ...node] : node;
  const out = join(root, `out-${label}`);
  const start = process.hrtime.bigint();
  const run = spawnSync(command[0], command.slice(1), { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  writeFileSync(out, run.stdout ?? '');
  const stderr = run.stderr ?? '';
  const rssKb = Number((timeBinary ? /Maximum resident set size \(kbytes\): (\d+)/ : /maxRSS-kB (\d+)/).exec(stderr)?.[1] ?? NaN);
  const reportBytes = args.includes('--output') ? statSync(join(root, args[args.indexOf('--output') + 1])).size : Buffer.byteLength(run.stdout ?? '');
  const summary = (run.stdout ?? '').trimEnd().split('\n').pop();
  console.log(
    `${label.padEnd(28)} ${wall.toFixed(2).padStart(6)} s  ${(rssKb / 1024).toFixed(0).padStart(5)} MB peak RSS  exit ${run.status}  ${(reportBytes / 1024 / 1024).toFixed(1)} MB report` +
      (label === 'text' ? `\n  ${summary}` : ''),
  );
  if (run.status !== 0 && run.status !== 1) console.error(stderr.split('\n').slice(0, 5).join('\n'));
  return { wall, rssKb, cpu: cpuOf(stderr), jsCpu: jsThreadsCpuOf(stderr) };
}

/**
 * A baseline: markdown-it alone reading and parsing every file once, on one thread, in a
 * fresh process: `stock` loads it from node_modules, `bundled` as rfc-lint bundles it.
 */
const stockBaseline = join(root, 'baseline-stock.cjs');
const bundledBaseline = join(root, 'baseline-bundled.cjs');
const baselineSource = (markdownIt) => `
  const { readdirSync, readFileSync } = require('node:fs');
  const MarkdownIt = require(${JSON.stringify(markdownIt)});
  const md = new MarkdownIt('default', { html: true });
  for (const name of readdirSync('rfcs')) md.parse(readFileSync('rfcs/' + name, 'utf8'), {});`;
writeFileSync(stockBaseline, baselineSource(join(repo, 'node_modules', 'markdown-it')));
const esbuild = await import('esbuild');
const { plainMarkdownItFields } = await import(pathToFileURL(join(repo, 'scripts', 'bundles.mjs')).href);
await esbuild.build({
  stdin: { contents: baselineSource('markdown-it'), resolveDir: repo, loader: 'js' },
  bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundledBaseline, logLevel: 'warning', plugins: [plainMarkdownItFields],
});
/** Wall and CPU seconds of one baseline run. */
function parseBaseline(script, cwd = root) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--require', hook, script], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  return { wall: Number(process.hrtime.bigint() - start) / 1e9, cpu: cpuOf(run.stderr) };
}

/**
 * How well this machine's cores run side by side: the bundled baseline alone, then one copy
 * per core at once (each its own process), three times; per time, the copies' mean time over
 * the time alone. On a VM whose virtual cores share physical ones, or each other's caches,
 * each copy runs slower than alone, and no thread pool can be faster than cores / that factor.
 */
async function sideBySide(script, copies) {
  // parseBaseline's run, without blocking: the copies must start together.
  const started = () =>
    new Promise((resolve) => {
      const start = process.hrtime.bigint();
      spawn(process.execPath, [script], { cwd: root, stdio: 'ignore' }).on('exit', () => resolve(Number(process.hrtime.bigint() - start) / 1e9));
    });
  const factors = [];
  for (let r = 0; r < 3; r++) {
    const alone = parseBaseline(script).wall;
    const together = await Promise.all(Array.from({ length: copies }, started));
    factors.push(mean(together) / alone);
  }
  return factors;
}

/** markdownlint-cli2 with its default rules over the same files (none of its config files is in the folder). */
const markdownlintBin = join(repo, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
function markdownlint() {
  if (!existsSync(markdownlintBin)) return undefined;
  const version = JSON.parse(readFileSync(join(repo, 'node_modules', 'markdownlint-cli2', 'package.json'), 'utf8')).version;
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [markdownlintBin, 'rfcs/*.md'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  // It reports on standard error and exits 1 when it finds something; 2 is its own failure.
  if (run.status !== 0 && run.status !== 1) {
    console.error(`markdownlint-cli2 failed (exit ${run.status}): ${(run.stderr ?? '').split('\n').slice(0, 3).join(' ')}`);
    return undefined;
  }
  return { wall, version };
}

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const cores = availableParallelism();
console.log(`peak memory from ${timeBinary ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'}; ${process.version}; ${cores} cores; ratio rows: median of ${runs} round${runs === 1 ? '' : 's'}`);
const rounds = [];
// With --steady each run over 2N files comes right after its run over N: the machine's
// speed drifts within a round, and the --steady rows are differences of the two.
for (let r = 0; r < runs; r++) {
  const round = {};
  ({ wall: round.stock, cpu: round.stockCpu } = parseBaseline(stockBaseline));
  if (steady) round.stock2 = parseBaseline(stockBaseline, twice).wall;
  round.bundled = parseBaseline(bundledBaseline).wall;
  if (steady) round.bundled2 = parseBaseline(bundledBaseline, twice).wall;
  ({ wall: round.one, cpu: round.oneCpu, jsCpu: round.oneJsCpu } = measure('text --jobs 1', ['--jobs', '1']));
  if (steady) round.one2 = measure(`text --jobs 1 (${2 * count} RFCs)`, ['--jobs', '1'], twice).wall;
  ({ wall: round.all, cpu: round.allCpu, jsCpu: round.allJsCpu } = measure('text', []));
  rounds.push(round);
}
const slowdown = cores > 1 ? await sideBySide(bundledBaseline, cores) : undefined;
measure('text --report', ['--report']);
measure('json --output', ['--format', 'json', '--output', 'report.json']);
measure('sarif --output', ['--format', 'sarif', '--output', 'report.sarif']);
measure('github', ['--format', 'github']);

// --changed-since: ten RFCs changed since the last commit, the other RFCs read for the cross-file rules.
const git = (...args) => spawnSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
if (git('init', '-q').status === 0 && git('add', 'rfcs').status === 0 && git('commit', '-q', '-m', 'RFCs').status === 0) {
  for (let i = 0; i < 10; i++) {
    const file = join(folder, names[i * Math.floor(count / 10)]);
    writeFileSync(file, readFileSync(file, 'utf8') + '\nOne more line.\n');
  }
  measure('--changed-since HEAD (10)', ['--changed-since', 'HEAD']);
} else {
  console.log('--changed-since: skipped (git is not available)');
}

const start = codeCacheStart(repo, readFileSync(join(folder, names[0]), 'utf8'));

// Last: markdownlint-cli2's minutes of load would slow what came after it.
const lint = markdownlint();
/** markdownlint-cli2's time in units of the stock baseline run right after it. */
const lintRatio = lint ? lint.wall / parseBaseline(stockBaseline).wall : undefined;
const row = (label, pick) => {
  const seconds = median(rounds.map(pick));
  const ratio = (key) => median(rounds.map((round) => pick(round) / round[key]));
  const linter = lintRatio ? `, ${(ratio('stock') / lintRatio).toFixed(2)} x markdownlint-cli2` : '';
  console.log(`${label.padEnd(28)} ${seconds.toFixed(2).padStart(6)} s  ${ratio('stock').toFixed(2)} x markdown-it as published, ${ratio('bundled').toFixed(2)} x as bundled${linter}`);
};
console.log('medians:');
row('baseline: markdown-it parse', (round) => round.stock);
row('  (as rfc-lint bundles it)', (round) => round.bundled);
row('text --jobs 1', (round) => round.one);
row('text (default threads)', (round) => round.all);
// CPU in all threads: the pool's second thread costs a second isolate (its start, its own
// compiling and warming up), and on cores that slow each other, wall time hides that.
const cpu = (key) => median(rounds.map((round) => round[key]));
const cpuRatio = (key) => median(rounds.map((round) => round[key] / round.stockCpu));
console.log(
  `CPU, all threads: markdown-it parse ${cpu('stockCpu').toFixed(2)} s; text --jobs 1 ${cpu('oneCpu').toFixed(2)} s (${cpuRatio('oneCpu').toFixed(2)} x); ` +
    `text (default threads) ${cpu('allCpu').toFixed(2)} s (${cpuRatio('allCpu').toFixed(2)} x)`,
);
// What V8's own threads took: its optimising compiler (per isolate: each thread compiles the
// engine again) and its GC helpers. Only where /proc tells each thread's CPU.
if (!Number.isNaN(cpu('oneJsCpu'))) {
  const helpers = (all, js) => median(rounds.map((round) => round[all] - round[js]));
  console.log(
    `  of which V8's compiler and GC threads: text --jobs 1 ${helpers('oneCpu', 'oneJsCpu').toFixed(2)} s; text (default threads) ${helpers('allCpu', 'allJsCpu').toFixed(2)} s ` +
      `(the JavaScript threads: ${cpu('oneJsCpu').toFixed(2)} s and ${cpu('allJsCpu').toFixed(2)} s)`,
  );
}
if (steady) {
  // The second N RFCs cost T(2N) − T(N); what was paid once is T(N) less that.
  const extra = (round, one, two) => round[two] - round[one];
  const once = (round, one, two) => round[one] - extra(round, one, two);
  const ms = (seconds) => `${((seconds * 1000) / count).toFixed(2)} ms`;
  console.log(`once warm (the second ${count} RFCs of ${2 * count}, per RFC), and paid once (start-up, compiling, warming up):`);
  for (const [label, one, two] of [['markdown-it parse', 'stock', 'stock2'], ['  (as rfc-lint bundles it)', 'bundled', 'bundled2'], ['text --jobs 1', 'one', 'one2']]) {
    const perRfc = median(rounds.map((round) => extra(round, one, two)));
    const ratio = median(rounds.map((round) => extra(round, one, two) / extra(round, 'stock', 'stock2')));
    console.log(`${label.padEnd(28)} ${ms(perRfc).padStart(8)}  ${ratio.toFixed(2)} x markdown-it as published;  once ${median(rounds.map((round) => once(round, one, two))).toFixed(2)} s`);
  }
}
if (slowdown !== undefined) {
  const factor = median(slowdown);
  console.log(
    `${cores} markdown-it parses at once (one process per core) each took ${factor.toFixed(2)}x one alone ` +
      `(median of ${slowdown.map((f) => f.toFixed(2)).join(', ')}): ${cores} threads can be at most ${(cores / factor).toFixed(2)}x faster than one on this machine`,
  );
}
if (start) {
  console.log(
    `rfc-lint on one RFC: ${start.cached.toFixed(2)} s from the code cache, ${start.uncached.toFixed(2)} s without: ` +
      `${start.ratio.toFixed(2)}x (median of ${start.pairs} interleaved pairs)`,
  );
} else {
  console.log('rfc-lint on one RFC: the build wrote no code cache (dist/cli-main.js.v8cache)');
}
if (lint && lintRatio) {
  console.log(`${`markdownlint-cli2 ${lint.version}`.padEnd(28)} ${lint.wall.toFixed(2).padStart(6)} s  ${lintRatio.toFixed(2)} x markdown-it as published (one run, default rules, then the baseline again)`);
} else {
  console.log('markdownlint-cli2: not measured (not installed: npm install)');
}

if (keep) console.log(`kept ${root}${steady ? ` and ${twice}` : ''}`);
else for (const folder of steady ? [root, twice] : [root]) rmSync(folder, { recursive: true, force: true });
