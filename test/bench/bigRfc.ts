import { defaultTemplate } from '../support/engine';

/** A filled RFC grown to about `bytes` by adding alternatives with prose, code and tables. */
export function bigRfc(bytes: number): string {
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
