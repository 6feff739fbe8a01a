import * as assert from 'node:assert/strict';
import type { Range, TextEdit } from 'vscode-languageserver-protocol/node';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  InsertSectionRequest,
  NewRfcRequest,
  PlaceholdersRequest,
  PlaceholderTextsRequest,
  ValidateTitleRequest,
  type NewRfcResult,
  type PlaceholderTextsResult,
  type SectionReport,
} from '../../server/src/protocol';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { rfcUri, scanPlaceholders, templateText } from '../support/lspDocuments';

/** The requests the VS Code client builds its features on, through the real server. */
describe('language server: requests behind the editor features', () => {
  let client: LspClient;
  let scratch: string;
  before(async () => {
    client = await LspClient.start();
    scratch = mkdtempSync(path.join(tmpdir(), 'rfc-lsp-'));
  });
  after(async () => {
    await disposeAllClients();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('rfc/placeholders lists every placeholder in document order', async () => {
    const uri = rfcUri('2026-301-placeholders.md');
    const text = templateText();
    client.open(uri, text);
    const ranges = await client.request<Range[]>(PlaceholdersRequest.method, { uri });
    assert.deepEqual(
      ranges.map((r) => `${r.start.line}:${r.start.character}-${r.end.character}`),
      scanPlaceholders(text).map((p) => `${p.line}:${p.start}-${p.end}`),
    );
    assert.deepEqual(await client.request<Range[]>(PlaceholdersRequest.method, { uri: 'file:///ws/not-open.md' }), []);
  });

  it('rfc/completeness counts the placeholders left in the whole RFC, as rfc/placeholders lists them', async () => {
    const uri = rfcUri('2026-304-placeholders-left.md');
    const text = templateText();
    client.open(uri, text);
    const report = await client.completeness(uri);
    const ranges = await client.request<Range[]>(PlaceholdersRequest.method, { uri });
    assert.equal(report?.placeholdersLeft, ranges.length);
    // The title's and the metadata's are in no section's own count.
    const inSections = (sections: readonly SectionReport[]): number => sections.reduce((n, s) => n + s.placeholders + inSections(s.children), 0);
    assert.ok(inSections(report.sections) < report.placeholdersLeft, `${inSections(report.sections)} in sections, ${report.placeholdersLeft} in all`);
  });

  it('rfc/placeholderTexts gives each placeholder its text and the version, after an edit too', async () => {
    const uri = rfcUri('2026-303-placeholder-texts.md');
    const text = templateText();
    client.open(uri, text);
    const listed = (result: PlaceholderTextsResult | null) => result?.placeholders.map((p) => `${p.range.start.line}:${p.range.start.character}-${p.range.end.character} ${p.text}`);
    const first = await client.request<PlaceholderTextsResult | null>(PlaceholderTextsRequest.method, { uri });
    assert.equal(first?.version, 1);
    assert.deepEqual(listed(first), scanPlaceholders(text).map((p) => `${p.line}:${p.start}-${p.end} ${p.text}`));
    // The title's placeholder filled: the rest move on, with their own texts.
    const version = client.replace(uri, '[Feature Name]', 'Queues <b>');
    const edited = text.replace('[Feature Name]', 'Queues <b>');
    const second = await client.request<PlaceholderTextsResult | null>(PlaceholderTextsRequest.method, { uri });
    assert.equal(second?.version, version);
    assert.deepEqual(listed(second), scanPlaceholders(edited).map((p) => `${p.line}:${p.start}-${p.end} ${p.text}`));
    assert.equal(await client.request(PlaceholderTextsRequest.method, { uri: 'file:///ws/not-open.md' }), null);
  });

  it('rfc/insertSection returns the edit that restores a deleted section, and null for a present one', async () => {
    const uri = rfcUri('2026-302-insert.md');
    const template = templateText();
    const text = template.slice(0, template.indexOf('## Dependencies')) + template.slice(template.indexOf('## Testing Strategy'));
    client.open(uri, text);
    const edit = await client.request<TextEdit | null>(InsertSectionRequest.method, { uri, sectionId: 'dependencies' });
    assert.ok(edit);
    const lines = text.split('\n');
    assert.deepEqual(edit.range.start, { line: lines.indexOf('## Testing Strategy'), character: 0 });
    assert.deepEqual(edit.range.start, edit.range.end);
    const offset = lines.slice(0, edit.range.start.line).join('\n').length + 1;
    assert.equal(text.slice(0, offset) + edit.newText + text.slice(offset), template);
    assert.equal(await client.request(InsertSectionRequest.method, { uri, sectionId: 'summary' }), null);
  });

  it('rfc/newRfc numbers after the RFCs of the folder and fills the template; it writes nothing', async () => {
    const folder = path.join(scratch, 'rfcs');
    mkdirSync(folder);
    writeFileSync(path.join(folder, '2026-004-old.md'), '# RFC: Old\n');
    writeFileSync(path.join(folder, 'draft.md'), '# RFC: Draft\n\n**RFC Number**: 2026-009\n');
    const result = await client.request<NewRfcResult>(NewRfcRequest.method, {
      directoryUri: pathToFileURL(folder).toString(),
      title: 'Queue: v2 [beta]',
      authors: 'Ana Costa',
      date: '2026-11-26',
    });
    assert.ok(!('error' in result));
    assert.equal(result.number, '2026-010');
    assert.equal(result.fileName, '2026-010-queue-v2-beta.md');
    assert.match(result.content, /^# RFC: Queue: v2 \\\[beta\\\]\n\n\*\*RFC Number\*\*: 2026-010  \n\*\*Status\*\*: Draft  \n\*\*Last Updated\*\*: 2026-11-26  \n\*\*Author\(s\)\*\*: Ana Costa  \n/);
    assert.deepEqual(result.selection, { start: { line: 10, character: 0 }, end: { line: 10, character: 49 } });
    assert.equal(path.basename(folder), 'rfcs');
  });

  it('rfc/newRfc without a folder (an untitled RFC) starts at 001, and refuses bad titles with a reason', async () => {
    const untitled = await client.request<NewRfcResult>(NewRfcRequest.method, { title: 'X', authors: '', date: '2027-01-02' });
    assert.ok(!('error' in untitled) && untitled.number === '2027-001');
    assert.deepEqual(await client.request(NewRfcRequest.method, { title: ' ', authors: '', date: '2027-01-02' }), { error: 'Give the RFC a title.' });
    assert.equal(await client.request(ValidateTitleRequest.method, { title: 'Fine title' }), null);
    assert.equal(await client.request(ValidateTitleRequest.method, { title: 'x'.repeat(201) }), 'Keep the title under 200 characters (it has 201).');
  });

  it('rfc/newRfc reports a team template that cannot be read', async () => {
    const missing = path.join(scratch, 'missing-template.md');
    const named = await LspClient.start({ settings: { template: missing } });
    const result = await named.request<NewRfcResult>(NewRfcRequest.method, { title: 'X', authors: '', date: '2026-01-01' });
    assert.ok('error' in result, JSON.stringify(result));
    assert.match(result.error, /cannot read the template .*missing-template\.md \(rfc\.template\): it does not exist\./);
  });
});
