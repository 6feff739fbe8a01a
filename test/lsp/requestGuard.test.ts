import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createProtocolConnection, ErrorCodes, StreamMessageReader, StreamMessageWriter, type ResponseError } from 'vscode-languageserver-protocol/node';
import { serverBundle } from '../support/paths';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { rfcUri, templateText } from '../support/lspDocuments';

/** The error a request ends with, or undefined when it is answered. */
async function errorOf(request: Promise<unknown>): Promise<ResponseError<unknown> | undefined> {
  try {
    await request;
    return undefined;
  } catch (error) {
    return error as ResponseError<unknown>;
  }
}

const uri = rfcUri('2026-401-guard.md');
const at = { textDocument: { uri }, position: { line: 0, character: 0 } };

/** Malformed params for each method the server answers, and the field the message must name. */
const MALFORMED: [string, unknown, RegExp][] = [
  ['rfc/validateTitle', { title: null }, /"title" must be a string/],
  ['rfc/validateTitle', 'x', /params must be an object/],
  ['rfc/newRfc', { title: 'x' }, /"authors" must be a string/],
  ['rfc/newRfc', { title: 'x', authors: '', date: 7 }, /"date" must be a string/],
  ['rfc/newRfc', { title: 'x', authors: '', date: '2026-01-01', directoryUri: 5 }, /"directoryUri" must be a string when given/],
  ['rfc/completeness', { uri: 5 }, /"uri" must be a string/],
  ['rfc/placeholders', {}, /"uri" must be a string/],
  ['rfc/placeholderTexts', { uri: null }, /"uri" must be a string/],
  ['rfc/insertSection', { uri }, /"sectionId" must be a string/],
  ['textDocument/documentSymbol', { textDocument: null }, /"textDocument" must be \{ uri: string \}/],
  ['textDocument/hover', { textDocument: { uri } }, /"position" must be a position/],
  ['textDocument/completion', { ...at, position: { line: -1, character: 0 } }, /"position" must be a position/],
  ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 } }, context: { diagnostics: [] } }, /"range.end" must be a position/],
  ['textDocument/codeAction', { textDocument: { uri }, range: { start: at.position, end: at.position }, context: {} }, /"context" must be/],
  ['textDocument/definition', { textDocument: { uri: 1 }, position: at.position }, /"textDocument" must be/],
  ['textDocument/references', at, /"context" must be \{ includeDeclaration: boolean \}/],
  ['textDocument/documentLink', {}, /"textDocument" must be/],
  ['workspace/symbol', { query: 3 }, /"query" must be a string/],
];

describe('language server: the request boundary', () => {
  afterEach(disposeAllClients);

  it('answers -32002 to requests before initialize, then works once initialized', async () => {
    const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    try {
      for (const [method, params] of [['rfc/validateTitle', { title: 'x' }], ['textDocument/hover', at], ['rfc/listRfcs', undefined]] as const) {
        const error = await errorOf(connection.sendRequest(method, params));
        assert.equal(error?.code, ErrorCodes.ServerNotInitialized, method);
      }
      await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(await connection.sendRequest('rfc/validateTitle', { title: 'Queues' }), null);
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('answers -32602 naming the field for malformed params of every method, and stays up', async () => {
    const client = await LspClient.start();
    client.open(uri, templateText());
    await client.waitForDiagnostics(uri);
    for (const [method, params, message] of MALFORMED) {
      const error = await errorOf(client.request(method, params));
      assert.equal(error?.code, ErrorCodes.InvalidParams, `${method} ${JSON.stringify(params)}: ${error?.message}`);
      assert.match(error.message, message, method);
      assert.ok(error.message.startsWith(`${method}: `), error.message);
    }
    // Well-formed requests still work, and nothing reached a handler as a TypeError.
    assert.equal((await client.completeness(uri))?.uri, uri);
    assert.deepEqual(await client.request('rfc/newRfc', { title: 'x', authors: '', date: 'not-a-date' }), { error: 'The date must be written YYYY-MM-DD.' });
    assert.deepEqual(client.failureOutput(), []);
  });
});
