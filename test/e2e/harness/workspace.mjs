// The fixture workspace of the real-editor tests, copied fresh for each run (tests create
// files in it): test/e2e/workspace plus the template, a complete RFC (and the RFC it
// mentions) and the template without its Security Considerations section.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const e2e = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(e2e, '..', '..');

export function prepareWorkspace(runDir) {
  const workspace = join(runDir, 'workspace');
  cpSync(join(e2e, 'workspace'), workspace, { recursive: true });
  const template = readFileSync(join(repo, 'server', 'templates', 'default.md'), 'utf8');
  mkdirSync(join(workspace, 'docs'), { recursive: true });
  writeFileSync(join(workspace, 'docs', 'rfc-template.md'), template);
  cpSync(join(repo, 'examples', '2026-002-rate-limiting.md'), join(workspace, 'docs', '2026-002-rate-limiting.md'));
  const from = template.indexOf('## Security Considerations');
  const to = template.indexOf('## Performance Impact');
  writeFileSync(join(workspace, 'docs', 'missing-security.md'), template.slice(0, from) + template.slice(to));
  return workspace;
}
