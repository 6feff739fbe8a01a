import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  FileChangeType,
  type CodeAction,
  type Diagnostic,
  type DocumentLink,
  type Hover,
  type Location,
  type MarkupContent,
  type Position,
  type PublishDiagnosticsParams,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { ListRfcsRequest, NewRfcRequest, type ListRfcsResult, type NewRfcResult } from '../../server/src/protocol';
import { disposeAllClients, LspClient, type StartOptions } from '../support/lspClient';
import { byCode, messageOf, templateText, textAt } from '../support/lspDocuments';

/** An RFC of the built-in template: title, number, status and a Summary with `body`. */
function rfcText(number: string, title: string, body = 'What is proposed.', status = 'Draft'): string {
  return `# RFC: ${title}\n\n**RFC Number**: ${number}  \n**Status**: ${status}\n\n## Summary\n\n${body}\n`;
}

const pad = (n: number) => String(n).padStart(3, '0');
const countOf = (code: string) => (p: PublishDiagnosticsParams) => byCode(p.diagnostics, code).length;
const hoverText = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value : '');

/** Asks again (every 20 ms, up to 5 s) until the answer satisfies `ok`; returns the last answer. */
async function eventually<T>(ask: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = performance.now() + 5_000;
  for (;;) {
    const value = await ask();
    if (ok(value) || performance.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('language server: workspace index and cross-references', function () {
  this.timeout(60_000);
  let scratch: string;
  let root: string;
  let rootUri: string;
  let counter = 0;
  const file = (...parts: string[]) => path.join(root, ...parts);
  const uriOf = (...parts: string[]) => pathToFileURL(file(...parts)).href;
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(file(relative)), { recursive: true });
    writeFileSync(file(relative), text);
  };
  /** The file-system path a URI from the server names (URIs may encode differently, paths do not). */
  const pathOf = (uri: string) => fileURLToPath(uri);

  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'rfc-index-'));
  });
  beforeEach(() => {
    root = path.join(scratch, `ws${++counter}`);
    mkdirSync(root);
    rootUri = pathToFileURL(root).href;
  });
  afterEach(disposeAllClients);
  after(() => rmSync(scratch, { recursive: true, force: true }));

  /** Starts a server on the workspace and waits until its first indexing is done. */
  async function start(options: StartOptions = {}): Promise<LspClient> {
    const client = await LspClient.start({ workspaceFolders: [rootUri], workDoneProgress: true, ...options });
    if (options.workDoneProgress === false) await client.waitForNotification('rfc/indexChanged', 0, 20_000);
    else await client.waitForProgress((p) => p.value.kind === 'end', 20_000);
    return client;
  }

  /** Opens a file of the workspace with its text on disk. */
  function open(client: LspClient, text: string, ...parts: string[]): string {
    const uri = uriOf(...parts);
    client.open(uri, text);
    return uri;
  }

  const listRfcs = (client: LspClient) => client.request<ListRfcsResult>(ListRfcsRequest.method, undefined);
  const links = (client: LspClient, uri: string) => client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
  const at = (client: LspClient, uri: string, search: string, offset = 2): Position => {
    const { start } = client.rangeOf(uri, search);
    return { line: start.line, character: start.character + offset };
  };

  it('indexes 50 generated RFCs on start with work-done progress, and lists them and their symbols', async () => {
    for (let i = 1; i <= 50; i++) write(`rfcs/2026-${pad(i)}-topic-${i}.md`, rfcText(`2026-${pad(i)}`, `Topic ${i}`, `Summary ${i}.`, i % 2 ? 'Draft' : 'Approved'));
    write('docs/design.md', rfcText('2026-051', 'Outside the RFC folder'));
    write('docs/notes.md', '# Notes\n\nRFC 2026-001 is mentioned here.\n');
    write('node_modules/pkg/rfcs/2026-099-dependency.md', rfcText('2026-099', 'A dependency'));
    write('.git/rfcs/2026-098-hidden.md', rfcText('2026-098', 'Hidden'));
    write('rfcs/0000-template.md', templateText());

    const client = await start();
    assert.equal(client.progressTokens.length, 1, 'one window/workDoneProgress/create');
    const progress = client.progress.map((p) => p.params);
    assert.ok(progress.every((p) => p.token === client.progressTokens[0]), 'every $/progress on the created token');
    assert.equal(progress[0].value.kind, 'begin');
    assert.equal(progress[0].value.title, 'Indexing RFCs');
    assert.equal(progress.at(-1)?.value.kind, 'end');
    const reports = progress.filter((p) => p.value.kind === 'report');
    assert.ok(reports.length >= 2, `reports: ${JSON.stringify(reports)}`);
    const percentages = reports.map((p) => p.value.percentage ?? -1);
    assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b), 'percentages never go back');
    assert.equal(percentages.at(-1), 100);
    assert.equal(reports.at(-1)?.value.message, '51 RFCs');

    const { rfcs } = await listRfcs(client);
    assert.equal(rfcs.length, 51, JSON.stringify(rfcs.map((r) => r.uri)));
    assert.deepEqual(
      rfcs.map((r) => r.number),
      Array.from({ length: 51 }, (_, i) => `2026-${pad(i + 1)}`),
    );
    assert.deepEqual(rfcs[6], { uri: rfcs[6].uri, number: '2026-007', title: 'Topic 7', status: 'Draft', stage: 'draft', percent: rfcs[6].percent, problems: rfcs[6].problems });
    assert.equal(pathOf(rfcs[6].uri), file('rfcs', '2026-007-topic-7.md'));
    assert.equal(rfcs[7].status, 'Approved');
    assert.ok(rfcs.every((r) => r.percent > 0 && r.percent < 100 && r.problems > 0));
    assert.equal(pathOf(rfcs[50].uri), file('docs', 'design.md'), 'an RFC by its title, outside rfcs/');

    const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.equal(all.length, 51);
    const seven = await client.request<SymbolInformation[]>('workspace/symbol', { query: '2026-007' });
    assert.deepEqual(
      seven.map((s) => [s.name, pathOf(s.location.uri), s.location.range.start.line, s.containerName]),
      [['2026-007 Topic 7', file('rfcs', '2026-007-topic-7.md'), 0, 'Draft']],
    );
    const outside = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'OUTSIDE folder' });
    assert.deepEqual(outside.map((s) => s.name), ['2026-051 Outside the RFC folder']);
    assert.deepEqual(client.failureOutput(), []);
  });

  it('sends no progress to a client that does not show it, and still indexes', async () => {
    write('rfcs/2026-001-a.md', rfcText('2026-001', 'A'));
    const client = await start({ workDoneProgress: false });
    assert.deepEqual(client.progressTokens, []);
    assert.deepEqual(client.progress, []);
    assert.deepEqual((await listRfcs(client)).rfcs.map((r) => r.title), ['A']);
  });

  it('duplicate-number on both RFCs, each naming the other; number-mismatch; a quick fix to the next free number', async () => {
    write('rfcs/2026-001-cache.md', rfcText('2026-001', 'Cache'));
    write('rfcs/2026-001-queue.md', rfcText('2026-001', 'Queue'));
    write('rfcs/2026-003-limits.md', rfcText('2026-002', 'Limits'));
    write('rfcs/2026-004-other.md', rfcText('2026-004', 'Other'));
    const client = await start();
    const cache = open(client, rfcText('2026-001', 'Cache'), 'rfcs', '2026-001-cache.md');
    const queue = open(client, rfcText('2026-001', 'Queue'), 'rfcs', '2026-001-queue.md');
    const limits = open(client, rfcText('2026-002', 'Limits'), 'rfcs', '2026-003-limits.md');

    const onCache = byCode((await client.waitForDiagnostics(cache, (p) => countOf('duplicate-number')(p) === 1)).diagnostics, 'duplicate-number');
    assert.equal(messageOf(onCache[0]), 'RFC number 2026-001 is also used by 2026-001-queue.md: give one of them a new number.');
    assert.equal(onCache[0].severity, DiagnosticSeverity.Error);
    assert.equal(textAt(rfcText('2026-001', 'Cache'), onCache[0]), '2026-001');
    const onQueue = byCode((await client.waitForDiagnostics(queue, (p) => countOf('duplicate-number')(p) === 1)).diagnostics, 'duplicate-number');
    assert.equal(messageOf(onQueue[0]), 'RFC number 2026-001 is also used by 2026-001-cache.md: give one of them a new number.');

    const published = await client.waitForDiagnostics(limits, (p) => countOf('number-mismatch')(p) === 1);
    const [mismatch] = byCode(published.diagnostics, 'number-mismatch');
    assert.equal(messageOf(mismatch), 'The file name says 2026-003 but the RFC number is 2026-002: rename the file or correct the number.');
    assert.equal(mismatch.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(byCode(published.diagnostics, 'duplicate-number'), []);

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: cache },
      range: onCache[0].range,
      context: { diagnostics: [onCache[0]] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Use next free number 2026-005', 'Disable duplicate-number for this line']);
    assert.deepEqual(actions[0].edit?.changes?.[cache], [{ range: onCache[0].range, newText: '2026-005' }]);
    assert.deepEqual(
      (await listRfcs(client)).rfcs.map((r) => `${r.number} ${r.title} ${r.problems > 0}`),
      ['2026-001 Cache true', '2026-001 Queue true', '2026-002 Limits true', '2026-004 Other true'],
    );
  });

  it('cross-file findings follow suppression comments and rule settings', async () => {
    const text = rfcText('2026-011', 'A', 'Mentions RFC 2026-404.\n\n<!-- rfc-disable-next-line unknown-reference -->\nAnd RFC 2026-405.') + '<!-- rfc-disable-file number-mismatch -->\n';
    write('rfcs/2026-010-a.md', text);
    const client = await start({ settings: { rules: { 'unknown-reference': 'hint' } } });
    const uri = open(client, text, 'rfcs', '2026-010-a.md');
    const published = await client.waitForDiagnostics(uri, (p) => countOf('unknown-reference')(p) === 1);
    assert.deepEqual(byCode(published.diagnostics, 'number-mismatch'), []);
    const [unknown] = byCode(published.diagnostics, 'unknown-reference');
    assert.equal(textAt(text, unknown), 'RFC 2026-404');
    assert.equal(unknown.severity, DiagnosticSeverity.Hint);
  });

  it('mentions: unknown-reference, document links, hover, definition and references', async () => {
    const cacheText = rfcText('2026-001', 'Search Result Caching', 'The cache.', 'Under Review');
    const limitsText = rfcText(
      '2026-002',
      'Rate Limits',
      'Builds on RFC 2026-001 (not `RFC 2026-001`), see [the design](https://wiki.example.com/rfc/2026-001) and RFC-2026-009.',
    );
    const opsText = rfcText('2026-003', 'Operations', 'Depends on rfc/2026-001 and on RFC 2026-002.');
    write('rfcs/2026-001-search-cache.md', cacheText);
    write('rfcs/2026-002-rate-limits.md', limitsText);
    write('docs/ops.md', opsText);
    const client = await start();
    const limits = open(client, limitsText, 'rfcs', '2026-002-rate-limits.md');

    const published = await client.waitForDiagnostics(limits, (p) => countOf('unknown-reference')(p) === 1);
    const [unknown] = byCode(published.diagnostics, 'unknown-reference');
    assert.equal(textAt(limitsText, unknown), 'RFC-2026-009');
    assert.equal(unknown.severity, DiagnosticSeverity.Warning);
    assert.equal(messageOf(unknown), 'No RFC in the workspace has the number 2026-009: check the number, or add that RFC to the workspace.');

    const found = await links(client, limits);
    assert.deepEqual(
      found.map((l) => [textAt(limitsText, l), l.target && pathOf(l.target), l.tooltip]),
      [
        ['RFC 2026-001', file('rfcs', '2026-001-search-cache.md'), 'RFC 2026-001: Search Result Caching'],
        ['rfc/2026-001', file('rfcs', '2026-001-search-cache.md'), 'RFC 2026-001: Search Result Caching'],
      ],
    );

    const cacheItem = (await listRfcs(client)).rfcs.find((r) => r.number === '2026-001');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: limits }, position: at(client, limits, 'RFC 2026-001') });
    assert.equal(
      hoverText(hover),
      `**RFC 2026-001: Search Result Caching**\n\nStatus: Under Review · ${cacheItem?.percent}% complete\n\n\`2026-001-search-cache.md\``,
    );
    assert.equal(textAt(limitsText, { range: hover!.range! }), 'RFC 2026-001');
    const unknownHover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: limits }, position: at(client, limits, 'RFC-2026-009') });
    assert.match(hoverText(unknownHover), /no RFC in the workspace has this number/);
    const codeSpan = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: limits }, position: at(client, limits, '`RFC 2026-001`', 3) });
    assert.equal(codeSpan, null, 'a code span is no mention');
    const heading = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: limits }, position: at(client, limits, '## Summary') });
    assert.match(hoverText(heading), /^\*\*Summary\*\*: a template section/, 'elsewhere the template hover');

    const definition = await client.request<Location | null>('textDocument/definition', { textDocument: { uri: limits }, position: at(client, limits, 'rfc/2026-001') });
    assert.ok(definition);
    assert.equal(pathOf(definition.uri), file('rfcs', '2026-001-search-cache.md'));
    assert.deepEqual(definition.range, { start: { line: 0, character: 0 }, end: { line: 0, character: cacheText.indexOf('\n') } });
    assert.equal(await client.request('textDocument/definition', { textDocument: { uri: limits }, position: at(client, limits, 'RFC-2026-009') }), null);

    const cache = open(client, cacheText, 'rfcs', '2026-001-search-cache.md');
    const refs = (position: Position, includeDeclaration: boolean) =>
      client.request<Location[] | null>('textDocument/references', { textDocument: { uri: cache }, position, context: { includeDeclaration } });
    const title = { line: 0, character: 8 };
    const summarise = (locations: Location[] | null, texts: Record<string, string>) =>
      (locations ?? []).map((l) => `${path.relative(root, pathOf(l.uri))}:${l.range.start.line} ${textAt(texts[pathOf(l.uri)], l)}`);
    const texts = { [file('rfcs', '2026-001-search-cache.md')]: cacheText, [file('rfcs', '2026-002-rate-limits.md')]: limitsText, [file('docs', 'ops.md')]: opsText };
    assert.deepEqual(summarise(await refs(title, false), texts), ['docs/ops.md:7 rfc/2026-001', 'rfcs/2026-002-rate-limits.md:7 RFC 2026-001', 'rfcs/2026-002-rate-limits.md:7 rfc/2026-001']);
    assert.deepEqual(summarise(await refs(title, true), texts)[0], 'rfcs/2026-001-search-cache.md:0 # RFC: Search Result Caching');
    assert.equal(await refs({ line: 4, character: 2 }, false), null, 'not on the title line');
    // From a mention: where the RFC it names is mentioned.
    const fromMention = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: limits },
      position: at(client, limits, 'RFC 2026-001'),
      context: { includeDeclaration: false },
    });
    assert.equal(fromMention.length, 3);
    assert.deepEqual(client.failureOutput(), []);
  });

  it('follows created, renamed, changed and deleted files (and deleted folders) through workspace/didChangeWatchedFiles', async () => {
    const text = rfcText('2026-001', 'A', 'Needs RFC 2026-005 and RFC 2026-006.');
    write('rfcs/2026-001-a.md', text);
    const client = await start({ watchedFilesSupport: true });
    const watcher = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual((watcher?.registerOptions as { watchers: unknown[] }).watchers.at(-1), { globPattern: '**/*', kind: 4 }, 'deletions of anything, folders included');
    const uri = open(client, text, 'rfcs', '2026-001-a.md');
    const unknownNumbers = (p: PublishDiagnosticsParams) => byCode(p.diagnostics, 'unknown-reference').map((d) => textAt(text, d).slice(-3));
    const waitUnknown = (numbers: string[]) =>
      client.waitForDiagnostics(uri, (p) => JSON.stringify(unknownNumbers(p)) === JSON.stringify(numbers) && p.version === 1, 10_000);
    await waitUnknown(['005', '006']);

    // Created.
    write('rfcs/2026-005-new.md', rfcText('2026-005', 'New'));
    client.changeWatchedFiles([{ uri: uriOf('rfcs', '2026-005-new.md'), type: FileChangeType.Created }]);
    await waitUnknown(['006']);
    assert.deepEqual((await links(client, uri)).map((l) => pathOf(l.target!)), [file('rfcs', '2026-005-new.md')]);

    // Renamed: a delete and a create.
    renameSync(file('rfcs', '2026-005-new.md'), file('rfcs', '2026-005-renamed.md'));
    client.changeWatchedFiles([
      { uri: uriOf('rfcs', '2026-005-new.md'), type: FileChangeType.Deleted },
      { uri: uriOf('rfcs', '2026-005-renamed.md'), type: FileChangeType.Created },
    ]);
    const targets = async () => (await links(client, uri)).map((l) => pathOf(l.target!));
    const renamed = [file('rfcs', '2026-005-renamed.md')];
    assert.deepEqual(await eventually(targets, (t) => JSON.stringify(t) === JSON.stringify(renamed)), renamed);
    await client.waitForNotification('rfc/indexChanged');

    // Changed.
    write('rfcs/2026-005-renamed.md', rfcText('2026-005', 'Renamed and retitled', 'x', 'Approved'));
    client.changeWatchedFiles([{ uri: uriOf('rfcs', '2026-005-renamed.md'), type: FileChangeType.Changed }]);
    await client.waitForNotification('rfc/indexChanged');
    const titled = async () => (await listRfcs(client)).rfcs.find((r) => r.number === '2026-005');
    const item = await eventually(titled, (r) => r?.status === 'Approved');
    assert.deepEqual([item?.title, item?.status], ['Renamed and retitled', 'Approved']);

    // A folder created file by file, then deleted as a whole (reported as one event for the folder).
    write('rfcs/sub/2026-006-deep.md', rfcText('2026-006', 'Deep'));
    client.changeWatchedFiles([{ uri: uriOf('rfcs', 'sub', '2026-006-deep.md'), type: FileChangeType.Created }]);
    await waitUnknown([]);
    rmSync(file('rfcs', 'sub'), { recursive: true });
    client.changeWatchedFiles([{ uri: uriOf('rfcs', 'sub'), type: FileChangeType.Deleted }]);
    await waitUnknown(['006']);

    // Deleted.
    unlinkSync(file('rfcs', '2026-005-renamed.md'));
    client.changeWatchedFiles([{ uri: uriOf('rfcs', '2026-005-renamed.md'), type: FileChangeType.Deleted }]);
    await waitUnknown(['005', '006']);
    assert.deepEqual(await links(client, uri), []);
    assert.deepEqual((await listRfcs(client)).rfcs.map((r) => r.title), ['A']);
    assert.deepEqual(client.failureOutput(), []);
  });

  it('an open document’s edits stand in for its file until it is closed', async () => {
    const aText = rfcText('2026-001', 'A', 'Follows RFC 2026-007.');
    write('rfcs/2026-001-a.md', aText);
    write('rfcs/2026-002-b.md', rfcText('2026-002', 'B'));
    const client = await start();
    const a = open(client, aText, 'rfcs', '2026-001-a.md');
    await client.waitForDiagnostics(a, (p) => countOf('unknown-reference')(p) === 1);
    const b = open(client, rfcText('2026-002', 'B'), 'rfcs', '2026-002-b.md');
    await client.waitForDiagnostics(b);

    client.replace(b, '2026-002  ', '2026-007  ');
    // A is published again, at its own version, without an edit of its own.
    const after = await client.waitForDiagnostics(a, (p) => countOf('unknown-reference')(p) === 0);
    assert.equal(after.version, 1);
    assert.equal(byCode((await client.waitForVersion(b)).diagnostics, 'number-mismatch').length, 1);
    assert.deepEqual((await links(client, a)).map((l) => pathOf(l.target!)), [file('rfcs', '2026-002-b.md')]);

    client.close(b); // without saving: the file on disk says 2026-002 again
    await client.waitForDiagnostics(a, (p) => countOf('unknown-reference')(p) === 1);
  });

  it('New RFC numbers past every RFC of the index and the numbers it already handed out', async () => {
    write('rfcs/2026-002-a.md', rfcText('2026-002', 'A'));
    write('design/elsewhere.md', rfcText('2026-012', 'Elsewhere'));
    const client = await start();
    const newRfc = (date = '2026-05-01') =>
      client.request<NewRfcResult>(NewRfcRequest.method, { directoryUri: uriOf('rfcs'), title: 'Next', authors: '', date });
    const numberOf = (r: NewRfcResult) => ('error' in r ? r.error : r.number);
    assert.equal(numberOf(await newRfc()), '2026-013', 'after design/elsewhere.md, outside the folder');
    assert.equal(numberOf(await newRfc()), '2026-014', 'the first is not written yet: its number stays taken');
    const unsaved = open(client, rfcText('2026-020', 'Unsaved'), 'rfcs', 'unsaved.md');
    await client.waitForDiagnostics(unsaved);
    assert.equal(numberOf(await newRfc()), '2026-021', 'an open, unsaved RFC counts');
    assert.equal(numberOf(await newRfc('2027-01-02')), '2027-001');
  });

  it('checks nothing across files in a workspace folder that is not on the local disk', async () => {
    const client = await LspClient.start({ workspaceFolders: ['file:///no/such/ws'], workDoneProgress: true });
    await client.waitForProgress((p) => p.value.kind === 'end');
    const uris = ['file:///no/such/ws/rfcs/2026-001-a.md', 'file:///no/such/ws/rfcs/2026-001-b.md'];
    for (const uri of uris) client.open(uri, rfcText('2026-001', 'A', 'RFC 2026-404'));
    for (const uri of uris) {
      const published = await client.waitForDiagnostics(uri);
      assert.deepEqual(
        published.diagnostics.filter((d: Diagnostic) => ['duplicate-number', 'number-mismatch', 'unknown-reference'].includes(String(d.code))),
        [],
      );
    }
    assert.deepEqual((await listRfcs(client)).rfcs, []);
  });
});
