import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseArgs, type CliOptions } from '../../server/src/cli/args';
import { repoRoot } from '../support/paths';
import { rfcLint, rfc, Scratch, TEMPLATE } from './run';

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };

/**
 * The words of a shell command line, as far as the examples need: quotes, and a line
 * continued with a backslash; it stops at the first `|`, `;` or `&&` outside quotes.
 */
function words(line: string): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  const text = line.replace(/\\\n/g, ' ');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else word = (word ?? '') + c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else if (c === '|' || c === ';' || (c === '&' && text[i + 1] === '&')) {
      break;
    } else word = (word ?? '') + c;
  }
  assert.equal(quote, undefined, `an unclosed quote in: ${line}`);
  if (word !== undefined) out.push(word);
  return out;
}

/** The options of the rfc-lint command in a command line, parsed by rfc-lint's own parser (which throws on any it does not accept). */
function rfcLintOptions(line: string): CliOptions {
  const all = words(line);
  const at = all.indexOf('rfc-lint');
  assert.ok(at >= 0, `no rfc-lint command in: ${line}`);
  return parseArgs(all.slice(at + 1));
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

function workflow(name: string): { workflow: Workflow; steps: Step[] } {
  const parsed = parse(readFileSync(path.join(repoRoot, 'examples/ci', name), 'utf8')) as Workflow;
  return { workflow: parsed, steps: Object.values(parsed.jobs).flatMap((job) => job.steps) };
}

describe('CI integrations', () => {
  const scratch = new Scratch();
  after(() => scratch.remove());

  describe('.pre-commit-hooks.yaml', () => {
    const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    const hook = hooks[0];

    it('defines the rfc-lint hook: a node hook running the package bin on the files pre-commit passes', () => {
      assert.equal(hooks.length, 1);
      assert.equal(hook.id, 'rfc-lint');
      assert.equal(typeof hook.name, 'string');
      assert.equal(hook.language, 'node');
      assert.equal(hook.pass_filenames, true);
      const [bin, ...args] = words(String(hook.entry));
      assert.equal(manifest.bin[bin], './dist/cli.js', `${bin} is the package's rfc-lint bin`);
      assert.deepEqual(parseArgs([...args, 'rfcs/2026-001-x.md']).operands, ['rfcs/2026-001-x.md']);
    });

    it('matches RFC folders, as the default files globs do, and no other markdown', () => {
      // pre-commit reads `files` as a Python regular expression, searched in the path; this one means the same in JavaScript.
      const files = new RegExp(String(hook.files));
      for (const file of ['rfcs/2026-001-x.md', 'docs/rfcs/2026-001-x.md', 'rfc/2026-001-x.markdown', 'rfcs/0000-template.md']) assert.match(file, files);
      for (const file of ['README.md', 'docs/design.md', 'rfcs/notes.txt', 'myrfcs/2026-001-x.md']) assert.doesNotMatch(file, files);
    });

    it('runs as pre-commit would: a commit of only the template passes, an RFC with problems fails', () => {
      const args = words(String(hook.entry)).slice(1);
      const folder = scratch.folder({ 'rfcs/0000-template.md': TEMPLATE, 'rfcs/2026-001-x.md': rfc('2026-001', 'X', 'Draft').replace('## Design', '## Later') });
      const onlyTemplate = rfcLint([...args, 'rfcs/0000-template.md'], folder);
      assert.equal(onlyTemplate.code, 0, onlyTemplate.stdout + onlyTemplate.stderr);
      const withRfc = rfcLint([...args, 'rfcs/0000-template.md', 'rfcs/2026-001-x.md'], folder);
      assert.equal(withRfc.code, 1, withRfc.stdout + withRfc.stderr);
      assert.match(withRfc.stdout, /^rfcs\/2026-001-x\.md:\d+:\d+ warning missing-section /m);
    });
  });

  describe('GitHub Actions examples', () => {
    it('holds only the workflows tested here', () => {
      assert.deepEqual(readdirSync(path.join(repoRoot, 'examples/ci')).sort(), ['github-annotations.yml', 'github-code-scanning.yml']);
    });

    it('code scanning: rfc-lint writes SARIF to the file upload-sarif uploads, with the permission it needs', () => {
      const { workflow: flow, steps } = workflow('github-code-scanning.yml');
      const lint = steps.filter((s) => s.run?.includes('rfc-lint'));
      assert.equal(lint.length, 1);
      const options = rfcLintOptions(lint[0].run!);
      assert.equal(options.format, 'sarif');
      assert.ok(options.output);
      const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
      assert.ok(upload, 'an upload-sarif step');
      assert.equal(upload.with?.sarif_file, options.output);
      assert.ok(steps.indexOf(upload) > steps.indexOf(lint[0]));
      assert.equal(flow.permissions?.['security-events'], 'write');
    });

    it('annotations: rfc-lint writes GitHub workflow commands', () => {
      const { steps } = workflow('github-annotations.yml');
      const lint = steps.filter((s) => s.run?.includes('rfc-lint'));
      assert.equal(lint.length, 1);
      const options = rfcLintOptions(lint[0].run!);
      assert.equal(options.format, 'github');
      assert.equal(options.output, undefined, 'the annotations go to the log');
    });

    it('reads command lines as a shell would, and refuses an option rfc-lint does not have', () => {
      assert.deepEqual(words(`npx rfc-lint -f sarif \\\n  --output 'a b.sarif' "origin/$REF" || true`), ['npx', 'rfc-lint', '-f', 'sarif', '--output', 'a b.sarif', 'origin/$REF']);
      assert.throws(() => rfcLintOptions('npx rfc-lint --format sarif --sarif-file x'), /unknown option '--sarif-file'/);
    });
  });
});
