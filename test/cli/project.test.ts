import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { rfcLint } from './run';

const RFC_TEMPLATE = '# RFC: [Feature Name]\n\n**RFC Number**: [YYYY-XXX]\n\n## Summary\n[What]\n\n## Design\n[How]\n\n## Appendix (optional)\n[More]\n';
const ADR_TEMPLATE = '# ADR: [Decision]\n\n**ADR Number**: [NNNN]\n\n## Context\n[Forces]\n\n## Decision\n[What we decided]\n';

/** `path:line:column severity rule` of each finding line, without the messages. */
function findings(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => /^\S+:\d+:\d+ /.test(l))
    .map((l) => l.split(' ').slice(0, 3).join(' '));
}

describe('rfc-lint: .rfcrc.json and team templates', () => {
  let scratch: string;
  let counter = 0;
  let folder: string;
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
    writeFileSync(path.join(folder, relative), text);
  };
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'rfc-lint-project-'));
  });
  beforeEach(() => {
    folder = path.join(scratch, `p${++counter}`);
    mkdirSync(folder);
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('checks RFCs against a front-matter template, with the aliases and statuses of .rfcrc.json', () => {
    write(
      'decisions/template.md',
      '---\nstatus: {proposed | accepted | rejected}\ndate: {YYYY-MM-DD of the decision}\n---\n\n# {short title}\n\n## Context\n\n{Describe the forces}\n\n## Decision\n\n{What we decided}\n',
    );
    write('.rfcrc.json', JSON.stringify({ files: ['decisions/*.md'], template: 'decisions/template.md', aliases: { Context: ['Background'] }, statuses: { Active: 'approved' } }));
    write('decisions/0001-queues.md', '---\nstatus: Active\ndate: 2026-03-02\n---\n\n# Use one queue\n\n## Background\n\nTwo queues today.\n\n## Decision\n\n{What we decided}\n');
    const run = rfcLint(['--format', 'json'], folder);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout);
    const file = report.files.find((f: { path: string }) => f.path === 'decisions/0001-queues.md');
    assert.equal(file.lifecycle, 'approved');
    assert.deepEqual(
      file.findings.map((f: { ruleId: string; severity: string; line: number }) => `${f.line} ${f.severity} ${f.ruleId}`),
      ['14 error placeholder'],
    );
    assert.equal(file.completeness, 80);
  });

  it('reads .rfcrc.json from the current folder: files, rules and rfc.templates', () => {
    write('templates/rfc.md', RFC_TEMPLATE);
    write('templates/adr.md', ADR_TEMPLATE);
    write(
      '.rfcrc.json',
      JSON.stringify({
        files: ['rfcs/*.md', 'adr/*.md'],
        rules: { 'missing-section': 'error' },
        templates: { 'rfcs/**': 'templates/rfc.md', 'adr/**': 'templates/adr.md' },
      }),
    );
    write('rfcs/2026-001-queues.md', '# Queues\n\n## Summary\nQueues.\n');
    write('adr/0001-postgres.md', '# Postgres\n\n## Context\nA database.\n');
    const run = rfcLint(['.'], folder);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.stderr, '');
    assert.deepEqual(
      findings(run.stdout).filter((f) => f.endsWith(' missing-section')),
      ['adr/0001-postgres.md:3:1 error missing-section', 'rfcs/2026-001-queues.md:3:1 error missing-section'],
    );
    assert.ok(run.stdout.includes("Missing section 'Decision' of the RFC"), run.stdout);
    assert.ok(run.stdout.includes("Missing section 'Design' of the RFC"), run.stdout);
    assert.ok(!run.stdout.includes("'Appendix'"), 'the optional Appendix is not required');
    assert.match(run.stdout, /\n2 files checked: /);
  });

  it('follows the nearest .rfcrc.json per file, up to the git root above the current folder; --config replaces them', () => {
    write('.git/HEAD', 'ref: refs/heads/main\n');
    write('.rfcrc.json', JSON.stringify({ files: ['docs/**/*.md'], rules: { 'missing-section': 'error' } }));
    write('docs/rfcs/2026-001-queues.md', '# RFC: Queues\n\n## Summary\nQueues.\n');
    write('docs/adr/.rfcrc.json', JSON.stringify({ rules: { 'missing-section': 'off' } }));
    write('docs/adr/2026-002-postgres.md', '# RFC: Postgres\n\n## Summary\nA database.\n');
    write('notes/2026-003-elsewhere.md', '# RFC: Elsewhere\n');
    const docs = path.join(folder, 'docs');
    const run = rfcLint(['--format', 'json'], docs);
    assert.equal(run.stderr, '');
    const report = JSON.parse(run.stdout) as { files: { path: string; config: string; findings: { ruleId: string; severity: string }[] }[] };
    // The root's `files` globs are relative to the root; only what lies in the current folder is checked.
    assert.deepEqual(report.files.map((f) => f.path), ['adr/2026-002-postgres.md', 'rfcs/2026-001-queues.md']);
    const [adr, rfc] = report.files;
    assert.equal(adr.config, 'adr/.rfcrc.json');
    assert.ok(!adr.findings.some((f) => f.ruleId === 'missing-section'), 'the nearest file wins');
    assert.equal(rfc.config, path.join(folder, '.rfcrc.json'));
    assert.ok(rfc.findings.some((f) => f.ruleId === 'missing-section' && f.severity === 'error'), 'the root file applies in a subfolder');

    const explicit = JSON.parse(rfcLint(['--format', 'json', '--config', '../.rfcrc.json', 'adr'], docs).stdout) as typeof report;
    assert.equal(explicit.files[0].config, path.join(folder, '.rfcrc.json'));
    assert.ok(explicit.files[0].findings.some((f) => f.ruleId === 'missing-section' && f.severity === 'error'));

    // Outside a git repository the search stops at the current folder.
    rmSync(path.join(folder, '.git'), { recursive: true });
    const alone = JSON.parse(rfcLint(['--format', 'json', 'rfcs'], docs).stdout) as typeof report;
    assert.equal(alone.files[0].config, null);
  });

  it('discovers .rfc/template.md and never checks a template itself', () => {
    write('.rfc/template.md', ADR_TEMPLATE);
    write('rfcs/0000-template.md', RFC_TEMPLATE);
    write('rfcs/0001-postgres.md', '# ADR: Postgres\n\n**ADR Number**: 0001\n\n## Context\nA database.\n\n## Decision\nPostgreSQL.\n');
    const run = rfcLint(['rfcs', '.rfc/template.md'], folder);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.ok(run.stdout.includes('rfcs/0001-postgres.md: 100% complete, 0 problems'), run.stdout);
    assert.match(run.stdout, /\n1 file checked: /);
  });

  it('reports a template that cannot be used and an unreadable .rfcrc.json, exits 2 and uses the built-in template', () => {
    write('.rfcrc.json', JSON.stringify({ template: 'team/missing.md' }));
    write('rfcs/2026-001-queues.md', '# RFC: Queues\n\n**RFC Number**: 2026-001\n\n## Summary\nQueues.\n');
    const run = rfcLint(['rfcs'], folder);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      `rfc-lint: Cannot use the template ${path.join(folder, 'team', 'missing.md')} (rfc.template): it does not exist. Using the built-in template instead.\n`,
    );
    assert.ok(run.stdout.includes("Missing section 'Motivation'"), 'the built-in template');

    write('.rfcrc.json', '{ not json');
    const broken = rfcLint(['rfcs'], folder);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^rfc-lint: ignoring .*\.rfcrc\.json: it is not valid JSON/);
  });
});
