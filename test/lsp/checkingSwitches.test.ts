import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { byCode, rfcUri, templateText } from '../support/lspDocuments';

/** One round trip: every notification the server sent before answering has arrived. */
async function settle(client: LspClient): Promise<void> {
  await client.request('rfc/validateTitle', { title: 'A title' });
}

describe('language server: rfc.enable and rfc.run', () => {
  const scratch: string[] = [];
  afterEach(disposeAllClients);
  after(() => scratch.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('checks nothing where rfc.enable is false, still counts the RFC in the workspace, and checks again when turned on', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'rfc-enable-'));
    scratch.push(root);
    mkdirSync(path.join(root, 'rfcs'));
    const file = path.join(root, 'rfcs', '2026-401-off.md');
    const text = templateText().replace('[YYYY-XXX]', '2026-401');
    writeFileSync(file, text);
    const client = await LspClient.start({ settings: { enable: false }, workspaceFolders: [pathToFileURL(root).href] });
    const uri = pathToFileURL(file).href;
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
    const ready = await client.waitForAnalysisReady(uri);
    assert.equal(ready.isRfc, false, 'the status bar and sections view show nothing');
    assert.deepEqual(await client.documentSymbols(uri), []);
    const statusLine = client.text(uri).split('\n').findIndex((l) => l.startsWith('**Status**:'));
    assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: statusLine, character: 12 } }), []);
    // The index is built beside the analysis: ask until it has been (at most 10 s).
    let listed = false;
    for (const deadline = Date.now() + 10_000; !listed && Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const { rfcs } = await client.request<{ rfcs: { uri: string }[] }>('rfc/listRfcs', null);
      listed = rfcs.some((r) => r.uri === uri);
    }
    assert.ok(listed, 'numbering and the RFCs view still see it');

    client.changeSettings({ enable: true });
    const after = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.ok(byCode(after.diagnostics, 'placeholder').length > 0);
  });

  it('with rfc.run "onSave", shows findings on open and save, not while typing, and at once when settings change', async () => {
    const client = await LspClient.start({ settings: { run: 'onSave' } });
    const uri = rfcUri('2026-402-save.md');
    client.open(uri, templateText());
    const opened = await client.waitForDiagnostics(uri);
    const placeholders = byCode(opened.diagnostics, 'placeholder').length;
    assert.ok(placeholders > 2);

    // Typing: requests analyse the new text (the outline follows it), nothing is shown.
    client.replace(uri, '[Feature Name]', 'Rate limiting');
    const symbols = await client.documentSymbols(uri);
    assert.ok(JSON.stringify(symbols).includes('Rate limiting'), 'the outline answers for the text as typed');
    await settle(client);
    assert.deepEqual(
      client.publishesFor(uri).map((p) => p.version),
      [1],
      'no diagnostics were published for the unsaved edit',
    );

    client.save(uri);
    const saved = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.equal(byCode(saved.diagnostics, 'placeholder').length, placeholders - 1);
    const ready = await client.waitForAnalysisReady(uri, (p) => p.version === 2);
    assert.equal(ready.isRfc, true);

    // Back to checking while typing: the settings change shows the current text at once.
    client.replace(uri, '[YYYY-XXX]', '2026-402');
    await settle(client);
    client.changeSettings({ run: 'onType' });
    const typed = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.equal(byCode(typed.diagnostics, 'placeholder').length, placeholders - 2);
    client.replace(uri, '[Date]', '2026-03-01');
    await client.waitForDiagnostics(uri, (p) => p.version === 4 && byCode(p.diagnostics, 'placeholder').length === placeholders - 3);
  });
});
