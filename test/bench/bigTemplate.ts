import { defaultTemplate } from '../support/engine';

/** The built-in template repeated with distinct heading names (no twins), to about `bytes`. */
export function bigTemplate(bytes: number): string {
  const seed = defaultTemplate().text;
  const body = seed.slice(seed.indexOf('\n') + 1);
  const parts = [seed];
  let size = seed.length;
  for (let i = 1; size < bytes; i++) {
    // Words, not numbers: numbered siblings would collapse into one repeatable section.
    const suffix = i.toString(20).replace(/[0-9a-j]/g, (c) => 'bcdfghjklmnpqrstvwxz'[parseInt(c, 20)] + 'a');
    const part = body.replace(/^(#{1,6} .*)$/gm, `$1 ${suffix}`);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}
