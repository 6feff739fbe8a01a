/**
 * Part of `npm run bench`: building the template model of a team's very large template,
 * as a ratio against markdown-it parsing the same template once in the same run, at 1 MB
 * and 3.5 MB (under the 4 MB cap). Linear construction keeps the ratio flat as the size
 * grows; a quadratic step shows as a ratio that climbs with the size.
 */
import MarkdownIt from 'markdown-it';
import { buildTemplateModel } from '../../server/src/engine';
import { bigTemplate } from './bigTemplate';

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const md = new MarkdownIt('default', { html: true });
for (const [label, bytes] of [['1 MB', 1_000_000], ['3.5 MB', 3_500_000]] as const) {
  const text = bigTemplate(bytes);
  let sections = 0;
  // Parse and build alternate, a pair per round, so the machine's drift weighs on both; the
  // ratio is the pairs' median (the first pair warms up and is left out).
  const ratios: number[] = [];
  for (let i = 0; i < 8; i++) {
    const baseline = time(() => md.parse(text, {}));
    const build = time(() => {
      sections = buildTemplateModel(text).sections.length;
    });
    if (i > 0) ratios.push(build / baseline);
  }
  ratios.sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)];
  console.log(
    `template  ${label.padEnd(6)} (${sections} sections): model built in ${median.toFixed(2)} x one markdown-it parse of it (pairs: ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)})`,
  );
}
