import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { byCode, FILLED_RFC, keysOf, messageOf, rfcUri, scanPlaceholders, templateText, textAt } from '../support/lspDocuments';

describe('language server: diagnostics', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(disposeAllClients);

  it('publishes one placeholder diagnostic per placeholder of the untouched template, and no missing section', async () => {
    const uri = rfcUri('2026-001-x.md');
    const text = templateText();
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.version, 1);

    const expected = scanPlaceholders(text);
    assert.ok(expected.length > 50, `the template has many placeholders (${expected.length})`);
    const placeholders = byCode(published.diagnostics, 'placeholder');
    assert.equal(placeholders.length, expected.length);
    assert.deepEqual(
      placeholders.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`).sort(),
      expected.map((p) => `${p.line}:${p.start}-${p.end}`).sort(),
    );
    for (const d of placeholders) {
      assert.equal(d.source, 'rfc');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(messageOf(d), new RegExp(escape(textAt(text, d))), 'the message names the placeholder');
    }
    assert.deepEqual(byCode(published.diagnostics, 'missing-section'), []);
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'rfc');
      assert.equal(typeof d.code, 'string');
    }
    // Placeholders only: examples wait until their section is filled, metadata holds placeholders.
    assert.deepEqual(published.diagnostics.filter((d) => d.code !== 'placeholder'), []);
  });

  it('publishes an empty list for a markdown file that is not an RFC', async () => {
    const uri = 'file:///ws/README.md';
    client.open(uri, '# My project\n\nSome [notes] and a [TODO] list.\n\n## Install\n\nRun it.\n');
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
    assert.equal(published.version, 1);
  });

  it('publishes no diagnostics for a filled RFC', async () => {
    const uri = rfcUri('2026-002-filled.md');
    client.open(uri, FILLED_RFC);
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(
      published.diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code} ${messageOf(d)}`),
      [],
    );
  });

  it('treats a document outside rfcs/ as an RFC by its title', async () => {
    const uri = 'file:///ws/docs/design.md';
    client.open(uri, FILLED_RFC.replace('## Summary', '## Summary\n\n[Fill me in]'));
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(keysOf(published.diagnostics), ['10:0-10:12 placeholder']);
  });

  it('publishes an empty list when a document is closed', async () => {
    const uri = rfcUri('2026-003-closed.md');
    client.open(uri, templateText());
    const open = await client.waitForDiagnostics(uri);
    assert.ok(open.diagnostics.length > 0);
    client.close(uri);
    const closed = await client.waitForDiagnostics(uri);
    assert.deepEqual(closed.diagnostics, []);
    assert.deepEqual(await client.documentSymbols(uri), [], 'a closed document has no symbols');
    assert.equal(await client.completeness(uri), null, 'a closed document has no completeness');
  });

  it('serves several documents independently', async () => {
    const a = rfcUri('2026-004-a.md');
    const b = rfcUri('2026-005-b.md');
    client.open(a, templateText());
    client.open(b, FILLED_RFC);
    const [pa, pb] = await Promise.all([client.waitForDiagnostics(a), client.waitForDiagnostics(b)]);
    assert.ok(pa.diagnostics.length > 100);
    assert.deepEqual(pb.diagnostics, []);
  });

  it('writes nothing that reports a failure', () => {
    assert.deepEqual(client.failureOutput(), []);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
