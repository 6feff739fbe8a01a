import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, openAnalysed, waitUntil, workspaceUri } from './helpers';

describe('the workspace of RFCs in the real editor', () => {
  afterEach(closeAllEditors);

  it('lists the workspace\'s RFCs in the RFCs view, grouped by status', async () => {
    const api = await extensionApi();
    const groups = await waitUntil(
      'the RFCs view to list the complete RFC',
      () => {
        const g = api.rfcList.getChildren();
        return g.some((n) => n.kind === 'status' && n.status === 'Approved') ? g : undefined;
      },
      [api.rfcList.onDidRefresh],
    );
    const approved = groups.find((n) => n.kind === 'status' && n.status === 'Approved');
    assert.ok(approved && approved.kind === 'status');
    const rfc = approved.rfcs.find((r) => r.number === '2026-002');
    assert.equal(rfc?.title, 'Per-Tenant Rate Limiting for the Public API');
    assert.equal(rfc?.percent, 100);
    const item = api.rfcList.getTreeItem({ kind: 'rfc', rfc: rfc! });
    assert.equal(item.command?.command, 'vscode.open');
    assert.equal((item.command?.arguments?.[0] as vscode.Uri).path, workspaceUri('docs', '2026-002-rate-limiting.md').path);
  });

  it('turns an RFC mention into a document link to that RFC\'s file', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'mentions.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# RFC: Mentions\n\nThis builds on RFC 2026-002 and on rfc/2026-002.\n'));
    // The index has RFC 2026-002 once the RFCs view lists it.
    await waitUntil('the index', () => api.rfcList.getChildren().some((g) => g.kind === 'status' && g.rfcs.some((r) => r.number === '2026-002')) || undefined, [api.rfcList.onDidRefresh]);
    await openAnalysed(api, uri);
    const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const targets = found.filter((l) => l.target?.path.endsWith('/docs/2026-002-rate-limiting.md'));
    assert.equal(targets.length, 2, JSON.stringify(found.map((l) => [l.range.start.character, l.target?.toString()])));
    assert.equal(targets[0].range.start.line, 2);
    // Following the link opens the referenced RFC.
    await vscode.commands.executeCommand('vscode.open', targets[0].target);
    assert.equal(vscode.window.activeTextEditor?.document.uri.path, workspaceUri('docs', '2026-002-rate-limiting.md').path);
    const definition = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, targets[0].range.start);
    const target = definition.map((d) => ('targetUri' in d ? d.targetUri : d.uri).path);
    assert.deepEqual(target, [workspaceUri('docs', '2026-002-rate-limiting.md').path]);
  });
});
