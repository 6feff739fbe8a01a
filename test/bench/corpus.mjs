// `npm run corpus`: how RFC Assistant judges real RFCs of other teams. A benchmark, not a
// test: it reads ../shared/corpus (public RFCs with a person's judgement of each finding of
// an earlier run, see its README), which a fresh clone does not have; without it, it says
// so and exits 0.
//
//   node test/bench/corpus.mjs [--corpus DIR] [--list fp|correct|lost|new] [--folder NAME]
//
// For each folder it runs dist/cli.js --format json the way the corpus README says, then
// prints: the judged false positives (FP) still reported, the judged correct findings still
// reported, the debatable ones still reported, the findings nobody judged (new in this
// version), and the completeness of an untouched copy of the folder's template. --list
// prints the findings of one class, to see what is left.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(repo, 'dist', 'cli.js');
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const corpus = resolve(option('--corpus') ?? join(repo, '..', 'shared', 'corpus'));
const list = option('--list');
const onlyFolder = option('--folder');

if (!existsSync(join(corpus, 'judgements.tsv'))) {
  console.log(`No corpus at ${corpus} (it sits beside the project as ../shared/corpus): nothing to measure.`);
  process.exit(0);
}
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first.');
  process.exit(2);
}

/** The judged findings: folder, file, line, rule, severity, text, verdict, class. */
function readJudgements() {
  const [header, ...rows] = readFileSync(join(corpus, 'judgements.tsv'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const columns = header.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const entry = Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    entry.text = unquote(entry.text);
    entry.line = Number(entry.line);
    return entry;
  });
}

/** TSV cells with quotes are written CSV-style: "[""a""]" stands for ["a"]. */
function unquote(cell) {
  return cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

/**
 * What identifies a finding across versions, whose lines and messages may change: the rule,
 * the file and the thing it is about (the bracket text and line of a placeholder, the
 * section name of a missing or empty section), else its line (the judged messages are cut short).
 */
function keyOf(folder, file, rule, line, text) {
  const about = rule === 'placeholder' || rule === 'missing-section' || rule === 'empty-section' ? text : '';
  return `${folder}\u0000${file}\u0000${rule}\u0000${about}\u0000${rule === 'missing-section' || rule === 'empty-section' ? '' : line}`;
}

/** The judged `text` of a reported finding: the same thing the judgement file records. */
function textOf(finding) {
  const m = finding.message;
  switch (finding.ruleId) {
    case 'placeholder':
      return /^Unfilled placeholder (.*?): replace it/.exec(m)?.[1] ?? m;
    case 'missing-section':
      return /^Missing section '(.*?)' (?:of the RFC|in ')/.exec(m)?.[1] ?? m;
    case 'empty-section':
      return /^Section '(.*?)' is empty/.exec(m)?.[1] ?? m;
    default:
      return m;
  }
}

/** How the README says to run each folder: its files and where. */
function runsOf(folder) {
  const dir = join(corpus, folder);
  if (existsSync(join(dir, '.rfcrc.json'))) return { cwd: dir, args: [] };
  return { cwd: dir, args: readdirSync(dir).filter((f) => f.endsWith('.md')).sort() };
}

function lint(cwd, args, input) {
  const run = spawnSync(process.execPath, [cli, '--format', 'json', ...args], { cwd, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0 && run.status !== 1) {
    throw new Error(`rfc-lint ${args.join(' ')} in ${cwd} exited ${run.status}: ${run.stderr}`);
  }
  return JSON.parse(run.stdout);
}

/** The team template of a folder, and a path an untouched copy of it can stand at. */
function templateOf(folder) {
  const dir = join(corpus, folder);
  const configFile = join(dir, '.rfcrc.json');
  if (!existsSync(configFile)) return { file: join(repo, 'server', 'templates', 'default.md'), as: 'rfcs/9999-untouched-template.md' };
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  const file = join(dir, config.template);
  // A path matching the folder's `files` globs: the first glob with its wildcards filled in.
  const glob = (config.files ?? ['rfcs/*.md'])[0];
  const as = glob.replace(/\*\*\//g, '').replace(/\*/g, 'untouched-template');
  return { file, as };
}

const judgements = readJudgements();
const folders = [...new Set(judgements.map((j) => j.group))].filter((f) => !onlyFolder || f === onlyFolder);
const rows = [];
const listed = [];
for (const folder of folders) {
  const { cwd, args } = runsOf(folder);
  const report = lint(cwd, args);
  const reported = new Map();
  for (const file of report.files) {
    for (const f of file.findings) {
      reported.set(keyOf(folder, file.path, f.ruleId, f.line, textOf(f)), { file: file.path, ...f });
    }
  }
  const judged = judgements.filter((j) => j.group === folder);
  const judgedKeys = new Set(judged.map((j) => keyOf(folder, j.file, j.rule, j.line, j.text)));
  const count = (verdict) => {
    const all = judged.filter((j) => j.verdict === verdict);
    const kept = all.filter((j) => reported.has(keyOf(folder, j.file, j.rule, j.line, j.text)));
    if (list === (verdict === 'FP' ? 'fp' : verdict)) {
      for (const j of kept) listed.push(`${folder}/${j.file}:${j.line} ${j.rule} ${j.text} [${j.verdict}: ${j.class}]`);
    }
    if (list === 'lost' && verdict === 'correct') {
      for (const j of all.filter((x) => !kept.includes(x))) listed.push(`${folder}/${j.file}:${j.line} ${j.rule} ${j.text} [lost: ${j.class}]`);
    }
    return { kept: kept.length, of: all.length };
  };
  const fp = count('FP');
  const correct = count('correct');
  const debatable = count('debatable');
  const unjudged = [...reported.entries()].filter(([key]) => !judgedKeys.has(key));
  if (list === 'new') for (const [, f] of unjudged) listed.push(`${folder}/${f.file}:${f.line} ${f.ruleId} ${f.message}`);

  const template = templateOf(folder);
  const untouched = lint(cwd, ['--stdin-filename', template.as, '-'], readFileSync(template.file, 'utf8'));
  const copy = untouched.files[0];
  rows.push({
    folder,
    rfcs: report.files.length,
    fp,
    correct,
    debatable,
    unjudged: unjudged.length,
    template: `${relative(corpus, template.file).startsWith('..') ? 'built-in' : relative(corpus, template.file)}: ${copy.completeness}% (${copy.findings.length} findings)`,
  });
}

const pct = ({ kept, of }) => (of === 0 ? '-' : `${kept}/${of} (${Math.round((100 * kept) / of)}%)`);
const table = [
  ['folder', 'RFCs', 'FP still reported', 'correct still reported', 'debatable still reported', 'unjudged findings', 'untouched template'],
  ...rows.map((r) => [r.folder, String(r.rfcs), pct(r.fp), pct(r.correct), pct(r.debatable), String(r.unjudged), r.template]),
];
const sum = (field) => rows.reduce((acc, r) => ({ kept: acc.kept + r[field].kept, of: acc.of + r[field].of }), { kept: 0, of: 0 });
table.push(['all', String(rows.reduce((n, r) => n + r.rfcs, 0)), pct(sum('fp')), pct(sum('correct')), pct(sum('debatable')), String(rows.reduce((n, r) => n + r.unjudged, 0)), '']);
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
for (const [i, row] of table.entries()) {
  console.log('| ' + row.map((cell, c) => cell.padEnd(widths[c])).join(' | ') + ' |');
  if (i === 0) console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
}
if (listed.length > 0) console.log('\n' + listed.join('\n'));
