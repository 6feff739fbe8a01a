import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { TextDocumentSyncKind, type TextDocumentSyncOptions } from 'vscode-languageserver-protocol/node';
import { disposeAllClients, liveClientCount, LspClient } from '../support/lspClient';
import { serverBundle } from '../support/paths';

describe('language server: lifecycle', () => {
  after(disposeAllClients);

  it('initializes with incremental sync and a document symbol provider', async () => {
    const client = await LspClient.start();
    const { capabilities, serverInfo } = client.initializeResult;
    const sync = capabilities.textDocumentSync as TextDocumentSyncOptions;
    assert.equal(typeof sync, 'object', 'textDocumentSync is an options object');
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, TextDocumentSyncKind.Incremental);
    assert.ok(capabilities.documentSymbolProvider, 'documentSymbolProvider');
    assert.equal(serverInfo?.name, 'RFC Assistant');
    assert.equal(await client.shutdown(), 0, client.context());
  });

  it('ends with exit code 0 after shutdown and exit, and answers requests until then', async () => {
    const client = await LspClient.start();
    client.open('file:///ws/README.md', '# Hello\n');
    await client.waitForDiagnostics('file:///ws/README.md');
    assert.deepEqual(await client.documentSymbols('file:///ws/README.md'), []);
    const code = await client.shutdown();
    assert.equal(code, 0, `exit ${JSON.stringify(client.exit)}${client.context()}`);
    assert.equal(client.exit?.signal, null);
    assert.deepEqual(client.failureOutput(), []);
  });

  it('starts cleanly for a client that pulls settings but sends no workspace folder events', async () => {
    const client = await LspClient.start({ workspaceFolderSupport: false });
    client.open('file:///ws/rfcs/2026-401-folders.md', '# RFC: Folders\n');
    await client.waitForDiagnostics('file:///ws/rfcs/2026-401-folders.md');
    // Round trip, so that log messages sent while handling `initialized` have arrived.
    await client.documentSymbols('file:///ws/rfcs/2026-401-folders.md');
    assert.deepEqual(client.failureOutput(), []);
    assert.equal(await client.shutdown(), 0);
  });

  it('prints its usage and exits with 2 when no transport is given, a port-less --socket included', () => {
    for (const args of [[], ['--socket'], ['--pipe', ''], ['--clientProcessId', '1']]) {
      const run = spawnSync(process.execPath, [serverBundle, ...args], { encoding: 'utf8', timeout: 30_000 });
      assert.equal(run.status, 2, `${JSON.stringify(args)}: ${run.stderr}`);
      assert.match(run.stderr, /^Usage: rfc-language-server --stdio\n/, JSON.stringify(args));
      assert.equal(run.stdout, '');
    }
  });

  it('leaves no server process behind', async () => {
    const client = await LspClient.start();
    const pid = client.pid!;
    await disposeAllClients();
    assert.equal(liveClientCount(), 0);
    assert.throws(() => process.kill(pid, 0), /ESRCH/, `server ${pid} is still running`);
  });
});
