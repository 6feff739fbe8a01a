/**
 * `npm run bench`: how analysis time scales, as ratios against baselines measured in the
 * same run (absolute times vary between machines; ratios much less).
 *
 * - baseline: markdown-it parsing the whole document once (what any markdown tool pays);
 * - full: analysing the document from scratch (opening it);
 * - keystroke: analysing it again after typing one character in one section, given the
 *   previous analysis (what the editor does on every change).
 */
import MarkdownIt from 'markdown-it';
import { analyzeDocument, type BuildStats } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

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

/** A filled RFC grown to about `bytes` by adding alternatives with prose, code and tables. */
function bigRfc(bytes: number): string {
  const template = defaultTemplate();
  let text = template.text.replace(/\[[^\]\n]*\]/g, 'filled');
  const alternative = (n: number) =>
    `### Alternative ${n}: Option ${n}\n\n` +
    'We considered a design where the scheduler keeps its queue in memory and persists snapshots. '.repeat(6) +
    '\n\n- **Pros**: simple\n- **Cons**: loses work on crash\n\n```json\n{ "shards": [1, 2, 3], "mode": "snapshot" }\n```\n\n' +
    '| Case | Handling |\n|------|----------|\n| crash | replay |\n\n';
  const at = text.indexOf('## Security Considerations');
  let extra = '';
  for (let n = 3; text.length + extra.length < bytes; n++) extra += alternative(n);
  text = text.slice(0, at) + extra + text.slice(at);
  return text;
}

const template = defaultTemplate();
const text = bigRfc(1024 * 1024);
const md = new MarkdownIt('default', { html: true });
const runs = 15;

const baseline = time(runs, () => md.parse(text, {}));
const full = time(runs, () => analyzeDocument(text, template));

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
console.log(`full      analysis from scratch                    ${(full / baseline).toFixed(2)} x baseline`);
console.log(`keystroke incremental analysis after one character ${(keystroke / baseline).toFixed(3)} x baseline (${(full / keystroke).toFixed(1)} times faster than full)`);
console.log(`sections parsed per keystroke: ${(stats.chunksParsed / (runs * 4)).toFixed(2)} of ${current.model.chunks.length}`);
