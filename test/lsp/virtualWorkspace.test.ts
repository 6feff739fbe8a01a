/**
 * A virtual workspace (GitHub Repositories and github.dev name files `vscode-vfs://…`): the
 * Node server cannot read such files and asks the client (`rfc/fs/*`), which VS Code
 * answers with `vscode.workspace.fs` — here the test client answers from an in-memory file
 * system. The team template, the workspace index and New RFC's numbering all go through it,
 * as they do for the server in a Web Worker.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { MemoryFiles } from '../../server/src/project/memoryFiles';
import { ListRfcsRequest, NewRfcRequest, type ListRfcsResult, type NewRfcResult } from '../../server/src/protocol';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { byCode, messageOf } from '../support/lspDocuments';

const FOLDER = 'vscode-vfs://github/acme/designs';

const TEAM_TEMPLATE = `# RFC: [Feature Name]

**RFC Number**: [YYYY-XXX]

## Summary
[What is proposed]

## Design
[How it works]
`;

const rfc = (number: string, title: string) => `# RFC: ${title}\n\n**RFC Number**: ${number}\n\n## Summary\n${title} for the workers.\n`;

function missingNames(diagnostics: readonly Diagnostic[]): string[] {
  return byCode(diagnostics, 'missing-section').map((d) => /^Missing section '([^']+)'/.exec(messageOf(d))?.[1] ?? messageOf(d));
}

describe('language server: a virtual workspace read through the client', () => {
  afterEach(() => disposeAllClients());

  it('checks against the team template, indexes and numbers RFCs it can only reach through rfc/fs/*', async () => {
    const files = new MemoryFiles().write(`${FOLDER}/.rfc/template.md`, TEAM_TEMPLATE).write(`${FOLDER}/rfcs/2026-004-queues.md`, rfc('2026-004', 'Queues'));
    const client = await LspClient.start({ workspaceFolders: [FOLDER], files, workDoneProgress: true });
    // The first indexing, done through rfc/fs/list and rfc/fs/read.
    await client.waitForProgress((p) => p.value.kind === 'end', 20_000);

    const uri = `${FOLDER}/rfcs/2026-005-caches.md`;
    client.open(uri, rfc('2026-005', 'Caches'));
    // The team template's sections, not the built-in template's twelve.
    await client.waitForDiagnostics(uri, (p) => JSON.stringify(missingNames(p.diagnostics)) === '["Design"]');

    const { rfcs } = await client.request<ListRfcsResult>(ListRfcsRequest.method, undefined);
    assert.deepEqual(rfcs.map((r) => [r.uri, r.number, r.title]).sort(), [
      [`${FOLDER}/rfcs/2026-004-queues.md`, '2026-004', 'Queues'],
      [uri, '2026-005', 'Caches'],
    ]);

    const created = await client.request<NewRfcResult>(NewRfcRequest.method, { folderUri: FOLDER, title: 'Search', authors: 'Ana Costa', date: '2026-12-01' });
    assert.ok(!('error' in created), JSON.stringify(created));
    assert.equal(created.directoryUri, `${FOLDER}/rfcs`);
    assert.equal(created.fileName, '2026-006-search.md');
    assert.equal(created.content, '# RFC: Search\n\n**RFC Number**: 2026-006\n\n## Summary\n[What is proposed]\n\n## Design\n[How it works]\n');
  });

  it('uses the built-in template, and keeps running, with a client that does not serve files', async () => {
    const client = await LspClient.start({ workspaceFolders: [FOLDER] });
    const uri = `${FOLDER}/rfcs/2026-005-caches.md`;
    client.open(uri, rfc('2026-005', 'Caches'));
    const published = await client.waitForDiagnostics(uri, (p) => missingNames(p.diagnostics).length > 1);
    assert.ok(missingNames(published.diagnostics).includes('Detailed Design'));
    assert.equal(client.exit, undefined);
  });
});
