import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { NewRfcRequest, WorkspaceTrustNotification, type NewRfcResult } from '../../server/src/protocol';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { byCode, messageOf } from '../support/lspDocuments';

const RFC_TEMPLATE = `# RFC: [Feature Name]

**RFC Number**: [YYYY-XXX]

## Summary
[What is proposed]

## Design
[How it works]

## Appendix (optional)
[Anything else]
`;

const ADR_TEMPLATE = `# ADR: [Decision]

**ADR Number**: [NNNN]

## Context
<!-- guidance: The forces at play. -->
[Forces]

## Decision
[What we decided]
`;

/** An RFC of RFC_TEMPLATE with Summary only: Design is missing, the optional Appendix too. */
const RFC_DOC = '# RFC: Queues\n\n**RFC Number**: 2026-001\n\n## Summary\nQueues for the workers.\n';
/** An ADR of ADR_TEMPLATE with Context only: Decision is missing. */
const ADR_DOC = '# ADR: Use PostgreSQL\n\n**ADR Number**: 0001\n\n## Context\nWe need a database.\n';

/** The names of the sections missing-section reports ("Missing section 'Design' of the RFC…" → Design). */
function missingNames(diagnostics: readonly Diagnostic[]): string[] {
  return byCode(diagnostics, 'missing-section').map((d) => /^Missing section '([^']+)'/.exec(messageOf(d))?.[1] ?? messageOf(d));
}

const missingAre = (names: string[]) => (p: PublishDiagnosticsParams) => JSON.stringify(missingNames(p.diagnostics)) === JSON.stringify(names);

/** The missing sections of the built-in template for RFC_DOC (it has Summary only). */
const BUILT_IN_MISSING = [
  'Motivation',
  'Detailed Design',
  'Alternatives Considered',
  'Security Considerations',
  'Performance Impact',
  'Migration Strategy',
  'Dependencies',
  'Testing Strategy',
  'Documentation Plan',
  'Timeline',
  'Open Questions',
  'Appendix',
];

describe('language server: team templates and .rfcrc.json', () => {
  let scratch: string;
  /** A fresh workspace folder on disk for each test. */
  let root: string;
  let rootUri: string;
  const file = (...parts: string[]) => path.join(root, ...parts);
  const uriOf = (...parts: string[]) => pathToFileURL(file(...parts)).toString();
  const write = (relative: string, text: string | Buffer) => {
    mkdirSync(path.dirname(file(relative)), { recursive: true });
    writeFileSync(file(relative), text);
  };

  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'rfc-templates-'));
  });
  let counter = 0;
  beforeEach(() => {
    root = path.join(scratch, `ws${++counter}`);
    mkdirSync(root);
    rootUri = pathToFileURL(root).toString();
  });
  afterEach(disposeAllClients);
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('rfc.templates: rfcs/ and adr/ documents follow different templates; the first matching glob wins over rfc.template', async () => {
    write('templates/rfc.md', RFC_TEMPLATE);
    write('templates/adr.md', ADR_TEMPLATE);
    const client = await LspClient.start({
      workspaceFolders: [rootUri],
      settings: { template: 'templates/none.md', templates: { 'rfcs/**': 'templates/rfc.md', 'adr/**': 'templates/adr.md' } },
    });
    const rfc = uriOf('rfcs', '2026-001-queues.md');
    const adr = uriOf('adr', '0001-postgres.md');
    client.open(rfc, RFC_DOC);
    client.open(adr, ADR_DOC);
    const [r, a] = await Promise.all([client.waitForDiagnostics(rfc), client.waitForDiagnostics(adr)]);
    assert.deepEqual(missingNames(r.diagnostics), ['Design'], 'the optional Appendix is not reported');
    assert.deepEqual(missingNames(a.diagnostics), ['Decision']);
    assert.equal((await client.completeness(adr))?.total, 4, 'title, ADR Number, Context, Decision');
    assert.deepEqual(client.failureOutput(), []);
    assert.ok(!client.logMessages.some((m) => m.includes('none.md')), 'rfc.template was never consulted');
  });

  it('rfc.template: every document follows the named template; an absent optional section does not count', async () => {
    write('team/template.md', RFC_TEMPLATE);
    const client = await LspClient.start({ workspaceFolders: [rootUri], settings: { template: 'team/template.md' } });
    // Named after its number (2026-001): another number in the name would be a number-mismatch.
    const uri = uriOf('rfcs', '2026-001-queues.md');
    client.open(uri, RFC_DOC + '\n## Design\nWorkers pull jobs.\n');
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
    const report = await client.completeness(uri);
    assert.deepEqual([report?.percent, report?.complete, report?.total], [100, 4, 4]);
    const appendix = report?.sections.find((s) => s.id === 'appendix');
    assert.deepEqual([appendix?.state, appendix?.optional], ['missing', true]);
  });

  it('discovers .rfc/template.md, and then <rfc.directory>/0000-template.md; a template itself is not analysed as an RFC', async () => {
    write('.rfc/template.md', ADR_TEMPLATE);
    write('decisions/0000-template.md', RFC_TEMPLATE);
    const client = await LspClient.start({ workspaceFolders: [rootUri], settings: { directory: 'decisions', files: ['decisions/**/*.md'] } });
    const adr = uriOf('decisions', '0001-postgres.md');
    client.open(adr, ADR_DOC);
    assert.deepEqual(missingNames((await client.waitForDiagnostics(adr)).diagnostics), ['Decision'], '.rfc/template.md comes first');

    // Both templates are in the rfc.files globs' reach or discovery places: neither is an RFC.
    const templateUri = uriOf('decisions', '0000-template.md');
    client.open(templateUri, RFC_TEMPLATE);
    assert.deepEqual((await client.waitForDiagnostics(templateUri)).diagnostics, []);
    const ready = await client.waitForAnalysisReady(templateUri);
    assert.equal(ready.isRfc, false);
    assert.equal(await client.completeness(templateUri), null);

    rmSync(file('.rfc'), { recursive: true });
    client.changeWatchedFiles([{ uri: uriOf('.rfc', 'template.md'), type: FileChangeType.Deleted }]);
    const rfc = uriOf('decisions', '2026-003-queues.md');
    client.open(rfc, RFC_DOC);
    assert.deepEqual(missingNames((await client.waitForDiagnostics(rfc, missingAre(['Design']))).diagnostics), ['Design'], '0000-template.md now');
  });

  it('registers a file watcher and re-analyses open RFCs when the template changes on disk', async () => {
    write('.rfc/template.md', RFC_TEMPLATE);
    const client = await LspClient.start({ workspaceFolders: [rootUri], watchedFilesSupport: true });
    const uri = uriOf('rfcs', '2026-004-queues.md');
    client.open(uri, RFC_DOC);
    await client.waitForDiagnostics(uri, missingAre(['Design']));
    const watcher = client.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method);
    assert.ok(watcher, JSON.stringify(client.registrations));
    assert.deepEqual(
      (watcher.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern),
      ['**/*.md', '**/.rfcrc.json', '**/*'],
    );

    write('.rfc/template.md', RFC_TEMPLATE + '\n## Risks\n[What could go wrong]\n');
    client.changeWatchedFiles([{ uri: uriOf('.rfc', 'template.md'), type: FileChangeType.Changed }]);
    const after = await client.waitForDiagnostics(uri, missingAre(['Design', 'Risks']), 5_000);
    assert.equal(after.version, 1, 're-analysed without an edit');
  });

  it('re-analyses open RFCs as the template open in the editor is edited', async () => {
    write('team/template.md', RFC_TEMPLATE);
    const client = await LspClient.start({ workspaceFolders: [rootUri], settings: { template: 'team/template.md' } });
    const uri = uriOf('rfcs', '2026-005-queues.md');
    client.open(uri, RFC_DOC);
    await client.waitForDiagnostics(uri, missingAre(['Design']));

    const templateUri = uriOf('team', 'template.md');
    client.open(templateUri, RFC_TEMPLATE);
    client.replace(templateUri, '## Design', '## Risks\n[What could go wrong]\n\n## Design');
    await client.waitForDiagnostics(uri, missingAre(['Risks', 'Design']), 5_000);
    client.replace(templateUri, '## Appendix (optional)', '## Appendix');
    await client.waitForDiagnostics(uri, missingAre(['Risks', 'Design', 'Appendix']), 5_000);
    // Closing without saving: the file on disk is the template again.
    client.close(templateUri);
    await client.waitForDiagnostics(uri, missingAre(['Design']), 5_000);
  });

  for (const [what, content, reason] of [
    ['a missing file', undefined, /it does not exist/],
    ['a binary file', Buffer.from([0x23, 0x20, 0x00, 0x01, 0xff, 0xfe]), /it is not a text file/],
    ['a file without headings', 'Just some text, no sections.\n', /it has no headings/],
  ] as const) {
    it(`reports ${what} as a template once, with a diagnostic on it when open, and uses the built-in template`, async () => {
      if (content !== undefined) write('team/template.md', content);
      const client = await LspClient.start({ workspaceFolders: [rootUri], settings: { template: 'team/template.md' } });
      const uri = uriOf('rfcs', '2026-006-queues.md');
      client.open(uri, RFC_DOC);
      client.open(uriOf('rfcs', '2026-007-other.md'), RFC_DOC);
      const published = await client.waitForDiagnostics(uri);
      assert.deepEqual(missingNames(published.diagnostics), BUILT_IN_MISSING);
      await client.waitForDiagnostics(uriOf('rfcs', '2026-007-other.md'));
      const errors = client.logMessages.filter((m) => m.startsWith('Cannot use the template'));
      assert.equal(errors.length, 1, client.logMessages.join('\n'));
      assert.match(errors[0], reason);
      assert.ok(errors[0].includes(file('team', 'template.md')) && errors[0].includes('(rfc.template)'), errors[0]);
      assert.match(errors[0], /Using the built-in template instead\.$/);

      if (content === undefined) return;
      const templateUri = uriOf('team', 'template.md');
      client.open(templateUri, typeof content === 'string' ? content : content.toString('latin1'));
      const onTemplate = await client.waitForDiagnostics(templateUri, (p) => p.diagnostics.length > 0);
      assert.equal(onTemplate.diagnostics.length, 1);
      const [d] = onTemplate.diagnostics;
      assert.deepEqual([d.source, d.code, d.severity], ['rfc', 'template', DiagnosticSeverity.Error]);
      assert.match(messageOf(d), reason);
    });
  }

  it('recovers from a broken template once it is fixed', async () => {
    write('team/template.md', 'No headings yet.\n');
    const client = await LspClient.start({ workspaceFolders: [rootUri], settings: { template: 'team/template.md' } });
    const uri = uriOf('rfcs', '2026-008-queues.md');
    client.open(uri, RFC_DOC);
    await client.waitForDiagnostics(uri, missingAre(BUILT_IN_MISSING));
    write('team/template.md', RFC_TEMPLATE);
    client.changeWatchedFiles([{ uri: uriOf('team', 'template.md'), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, missingAre(['Design']), 5_000);
  });

  it('applies .rfcrc.json (rules, files, template) and lets VS Code settings override it', async () => {
    write('team/rfc.md', RFC_TEMPLATE);
    write('team/adr.md', ADR_TEMPLATE);
    write('.rfcrc.json', JSON.stringify({ files: ['designs/*.md'], rules: { 'missing-section': 'error', placeholder: 'off' }, template: 'team/rfc.md' }));
    const client = await LspClient.start({ workspaceFolders: [rootUri] });
    const uri = uriOf('designs', 'queues.md');
    const text = '# Queues\n\n## Summary\n[What is proposed]\n';
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    // An RFC by the file's globs (no RFC title), of the file's template, with its rule settings.
    assert.deepEqual(missingNames(published.diagnostics), ['Design']);
    assert.deepEqual(byCode(published.diagnostics, 'missing-section').map((d) => d.severity), [DiagnosticSeverity.Error]);
    assert.deepEqual(byCode(published.diagnostics, 'placeholder'), []);

    // VS Code's values win: rules per rule id, template whole. Defaults count as not set.
    client.changeSettings({ rules: { 'missing-section': 'hint' }, template: 'team/adr.md', files: ['**/rfcs/**/*.md', '**/rfc/**/*.md'] });
    const after = await client.waitForDiagnostics(uri, missingAre(['Context', 'Decision']), 5_000);
    assert.ok(byCode(after.diagnostics, 'missing-section').every((d) => d.severity === DiagnosticSeverity.Hint));
    assert.deepEqual(byCode(after.diagnostics, 'placeholder'), [], 'placeholder: off still comes from .rfcrc.json');

    // A changed .rfcrc.json is read again.
    write('.rfcrc.json', JSON.stringify({ files: ['nowhere/*.md'] }));
    client.changeWatchedFiles([{ uri: uriOf('.rfcrc.json'), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 5_000);
  });

  it('logs an .rfcrc.json that is not valid JSON and uses the settings without it', async () => {
    write('.rfcrc.json', '{ "rules": { "placeholder": "off" }, }');
    const client = await LspClient.start({ workspaceFolders: [rootUri] });
    const uri = uriOf('rfcs', '2026-009-queues.md');
    client.open(uri, RFC_DOC + '\n## Motivation\n[Why]\n');
    const published = await client.waitForDiagnostics(uri);
    assert.ok(byCode(published.diagnostics, 'placeholder').length > 0);
    assert.equal(client.logMessages.filter((m) => m.includes('.rfcrc.json') && m.includes('not valid JSON')).length, 1, client.logMessages.join('\n'));
  });

  it('publishes an .rfcrc.json with unknown keys and wrong types on that file, naming each key, and applies the rest', async () => {
    write('rfcs/.rfcrc.json', JSON.stringify({ rulez: {}, files: 'rfcs', rules: { placeholder: 'off', 'missing-section': 'loud', nosuchrule: 'off' } }));
    const client = await LspClient.start({ workspaceFolders: [rootUri] });
    const uri = uriOf('rfcs', '2026-012-queues.md');
    client.open(uri, RFC_DOC + '\n## Motivation\n[Why]\n');
    const config = uriOf('rfcs', '.rfcrc.json');
    const [published, problems] = await Promise.all([client.waitForDiagnostics(uri), client.waitForDiagnostics(config)]);
    assert.deepEqual(byCode(published.diagnostics, 'placeholder'), [], 'the keys that are right still apply');
    const messages = problems.diagnostics.map((d) => String(d.message));
    assert.equal(messages.length, 4, messages.join('\n'));
    for (const key of ['"rulez"', '"files"', '"missing-section"', "'nosuchrule'"]) assert.ok(messages.some((m) => m.includes(key)), `${key}: ${messages.join('\n')}`);
    assert.ok(problems.diagnostics.every((d) => d.source === 'rfc' && d.code === 'config'));

    // Fixed: the file's diagnostics are cleared.
    write('rfcs/.rfcrc.json', JSON.stringify({ rules: { placeholder: 'off' } }));
    client.changeWatchedFiles([{ uri: config, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(config, (p) => p.diagnostics.length === 0, 5_000);
  });

  it('never reads a FIFO .rfcrc.json or template, nor a device named as the template: logged, and the built-in template is used', async () => {
    mkdirSync(file('.rfc'), { recursive: true });
    // A writer-less FIFO blocks a blocking open forever; /dev/zero never ends.
    assert.equal(spawnSync('mkfifo', [file('.rfcrc.json'), file('.rfc', 'template.md')]).status, 0);
    const client = await LspClient.start({ workspaceFolders: [rootUri] });
    const uri = uriOf('rfcs', '2026-013-queues.md');
    client.open(uri, RFC_DOC);
    await client.waitForDiagnostics(uri, missingAre(BUILT_IN_MISSING), 10_000);
    assert.ok(client.logMessages.some((m) => m.includes('.rfc/template.md') && m.includes('it is not a file') && m.includes('built-in template')), client.logMessages.join('\n'));

    // Named in a readable .rfcrc.json: the problem is published on that file too.
    rmSync(file('.rfcrc.json'));
    write('.rfcrc.json', JSON.stringify({ template: '/dev/zero' }));
    client.changeWatchedFiles([{ uri: uriOf('.rfcrc.json'), type: FileChangeType.Created }]);
    const config = await client.waitForDiagnostics(uriOf('.rfcrc.json'), (p) => p.diagnostics.length > 0, 10_000);
    assert.match(String(config.diagnostics[0].message), /Cannot use the template \/dev\/zero \(rfc\.template\): it is not a file\. Using the built-in template instead\./);
    await client.waitForDiagnostics(uri, missingAre(BUILT_IN_MISSING), 10_000);
  });

  it('untrusted: refuses a template outside the workspace folders (also through a symbolic link) until trust is granted', async () => {
    const outside = path.join(scratch, `outside${counter}`);
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'template.md'), ADR_TEMPLATE);
    symlinkSync(outside, file('linked'));
    const client = await LspClient.start({
      workspaceFolders: [rootUri],
      initializationOptions: { trusted: false },
      settings: { files: ['rfcs/*.md', 'adr/*.md'], templates: { 'rfcs/**': path.join(outside, 'template.md'), 'adr/**': 'linked/template.md' } },
    });
    const rfc = uriOf('rfcs', '2026-010-queues.md');
    const adr = uriOf('adr', '0002-postgres.md');
    client.open(rfc, RFC_DOC);
    client.open(adr, RFC_DOC);
    const [r, a] = await Promise.all([client.waitForDiagnostics(rfc), client.waitForDiagnostics(adr)]);
    assert.deepEqual(missingNames(r.diagnostics), BUILT_IN_MISSING);
    assert.deepEqual(missingNames(a.diagnostics), BUILT_IN_MISSING);
    const refused = client.logMessages.filter((m) => m.includes('outside the workspace folders'));
    assert.equal(refused.length, 2, client.logMessages.join('\n'));
    assert.ok(refused.some((m) => m.includes(path.join(outside, 'template.md'))));
    assert.ok(refused.some((m) => m.includes(file('linked', 'template.md'))));

    // New RFC in rfcs/ would follow the template outside: refused, not replaced by the built-in one.
    const newRfc = await client.request<NewRfcResult>(NewRfcRequest.method, { directoryUri: uriOf('rfcs'), title: 'X', authors: '', date: '2026-01-01' });
    assert.ok('error' in newRfc && newRfc.error.includes('outside the workspace folders'), JSON.stringify(newRfc));

    client.sendNotification(WorkspaceTrustNotification.method, { trusted: true });
    await client.waitForDiagnostics(rfc, missingAre(['Context', 'Decision']), 5_000);
    await client.waitForDiagnostics(adr, missingAre(['Context', 'Decision']), 5_000);
  });

  it('untrusted: still reads templates and .rfcrc.json inside the workspace folder', async () => {
    write('.rfc/template.md', RFC_TEMPLATE);
    write('.rfcrc.json', JSON.stringify({ rules: { 'missing-section': 'error' } }));
    const client = await LspClient.start({ workspaceFolders: [rootUri], initializationOptions: { trusted: false } });
    const uri = uriOf('rfcs', '2026-011-queues.md');
    client.open(uri, RFC_DOC);
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(missingNames(published.diagnostics), ['Design']);
    assert.equal(byCode(published.diagnostics, 'missing-section')[0].severity, DiagnosticSeverity.Error);
  });

  it('rfc/newRfc fills the template a file in the target folder would follow', async () => {
    write('templates/adr.md', ADR_TEMPLATE);
    const client = await LspClient.start({ workspaceFolders: [rootUri], settings: { templates: { 'adr/**': 'templates/adr.md' } } });
    const result = await client.request<NewRfcResult>(NewRfcRequest.method, {
      directoryUri: uriOf('adr'),
      title: 'Use PostgreSQL',
      authors: 'Li Wei',
      date: '2026-05-01',
    });
    assert.ok(!('error' in result), JSON.stringify(result));
    assert.match(result.content, /^# ADR: Use PostgreSQL\n\n\*\*ADR Number\*\*: 2026-0001\n/);
    const rfcs = await client.request<NewRfcResult>(NewRfcRequest.method, { directoryUri: uriOf('rfcs'), title: 'X', authors: '', date: '2026-05-01' });
    assert.ok(!('error' in rfcs) && rfcs.content.startsWith('# RFC: X\n'));
  });
});
