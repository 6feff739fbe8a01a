import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { rfcUri, templateText } from '../support/lspDocuments';

describe('language server: severity follows the RFC status', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(disposeAllClients);

  const severityOfPlaceholders = async (status: string, n: number) => {
    const uri = rfcUri(`2026-5${n}0-lifecycle.md`);
    client.open(uri, templateText().replace('[Draft/Under Review/Approved/Implemented]', status));
    const published = await client.waitForDiagnostics(uri);
    return [...new Set(published.diagnostics.filter((d) => d.code === 'placeholder').map((d) => d.severity))];
  };

  it('publishes placeholders as information in a Draft, warnings Under Review and errors once Approved', async () => {
    assert.deepEqual(await severityOfPlaceholders('Draft', 1), [DiagnosticSeverity.Information]);
    assert.deepEqual(await severityOfPlaceholders('Under Review', 2), [DiagnosticSeverity.Warning]);
    assert.deepEqual(await severityOfPlaceholders('Approved', 3), [DiagnosticSeverity.Error]);
    assert.deepEqual(await severityOfPlaceholders('Implemented', 4), [DiagnosticSeverity.Error]);
  });

  it('re-publishes with the new severities when the status is edited', async () => {
    const uri = rfcUri('2026-560-lifecycle.md');
    client.open(uri, templateText().replace('[Draft/Under Review/Approved/Implemented]', 'Draft'));
    await client.waitForDiagnostics(uri);
    const version = client.replace(uri, '**Status**: Draft', '**Status**: Approved');
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.ok(published.diagnostics.filter((d) => d.code === 'placeholder').every((d) => d.severity === DiagnosticSeverity.Error));
  });
});
