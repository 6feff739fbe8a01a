/**
 * Part of `npm run bench`: building the template model of a team's very large template,
 * as a ratio against markdown-it parsing the same template once in the same run, at 1 MB
 * and 3.5 MB (under the 4 MB cap). Linear construction keeps the ratio flat as the size
 * grows; a quadratic step shows as a ratio that climbs with the size.
 */
import MarkdownIt from 'markdown-it';
import { buildTemplateModel } from '../../server/src/engine';
import { bigTemplate } from './bigTemplate';

function best(runs: number, fn: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return fastest;
}

const md = new MarkdownIt('default', { html: true });
for (const [label, bytes] of [['1 MB', 1_000_000], ['3.5 MB', 3_500_000]] as const) {
  const text = bigTemplate(bytes);
  const baseline = best(3, () => md.parse(text, {}));
  let sections = 0;
  const build = best(3, () => {
    sections = buildTemplateModel(text).sections.length;
  });
  console.log(`template  ${label.padEnd(6)} (${sections} sections): model built in ${(build / baseline).toFixed(2)} x one markdown-it parse of it`);
}
