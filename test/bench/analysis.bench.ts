/**
 * `npm run bench`: how analysis time scales, as ratios against baselines measured in the
 * same run (absolute times vary between machines; ratios much less).
 *
 * - baseline: markdown-it (as npm ships it; the engine here uses the same) parsing the
 *   whole document once, what any markdown tool pays;
 * - full: analysing the document from scratch (opening it);
 * - keystroke: analysing it again after typing one character in one section, given the
 *   previous analysis (what the editor does on every change).
 */
import MarkdownIt from 'markdown-it';
import { analyzeDocument, type BuildStats } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';
import { bigRfc } from './bigRfc';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, fn: (i: number) => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const template = defaultTemplate();
const text = bigRfc(1024 * 1024);
const md = new MarkdownIt('default', { html: true });
const runs = 15;

// Parse and analysis alternate, a pair per round, so a drift in the machine's speed (a
// quarter between minutes on a shared VM) weighs on both; the ratio is the pairs' median.
const pairs: number[] = [];
const parses: number[] = [];
for (let i = 0; i < 2 * runs + 1; i++) {
  const parse = time(1, () => md.parse(text, {}));
  const analysis = time(1, () => analyzeDocument(text, template));
  parses.push(parse);
  pairs.push(analysis / parse);
}
const baseline = median(parses);
const fullRatio = median(pairs);
const full = fullRatio * baseline;
const spread = [...pairs].sort((a, b) => a - b);

// Type one character at a time into one section, as a user would.
const target = text.indexOf('### Performance Targets');
let current = analyzeDocument(text, template);
let typed = text;
const stats: BuildStats = { chunksParsed: 0, chunksReused: 0, incremental: false };
const keystroke = time(runs * 4, (i) => {
  typed = typed.slice(0, target + i) + 'x' + typed.slice(target + i);
  current = analyzeDocument(typed, template, {}, current, stats);
});

const kb = Math.round(text.length / 1024);
console.log(`document: ${kb} KiB, ${current.model.chunks.length} top-level sections, ${current.findings.length} findings`);
console.log(`baseline  markdown-it parse of the whole document  1.00`);
console.log(
  `full      analysis from scratch                    ${fullRatio.toFixed(2)} x baseline (middle half of ${pairs.length} pairs: ${spread[Math.floor(pairs.length / 4)].toFixed(2)}–${spread[Math.floor((3 * pairs.length) / 4)].toFixed(2)})`,
);
console.log(`keystroke incremental analysis after one character ${(keystroke / baseline).toFixed(3)} x baseline (${(full / keystroke).toFixed(1)} times faster than full)`);
console.log(`sections parsed per keystroke: ${(stats.chunksParsed / (runs * 4)).toFixed(2)} of ${current.model.chunks.length}`);
