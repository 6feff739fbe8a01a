import { assert } from 'chai';
import * as vscode from 'vscode';
import { analysed, closeAllEditors, extensionApi, openAnalysed, rfcDiagnostics, waitUntil, workspaceUri } from './helpers';
import { statusBarReturnsAfterNonTextEditor } from '../../e2e/suite/sharedScenarios';

const STATUSES = ['Draft', 'Under Review', 'Approved', 'Implemented'];

/** The line of the `**Status**:` metadata. */
function statusLine(document: vscode.TextDocument): number {
  const line = document.getText().split('\n').findIndex((l) => l.startsWith('**Status**:'));
  assert.isAtLeast(line, 0, 'the document has a Status line');
  return line;
}

describe('quick fixes, completion and the status bar on the web', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('applies "Set Status to Draft" to the Status placeholder', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'rfc-template.md');
    const editor = await openAnalysed(api, uri);
    const line = statusLine(editor.document);
    const problem = await waitUntil('a problem on the Status line', () => rfcDiagnostics(uri).find((d) => d.range.start.line === line), [vscode.languages.onDidChangeDiagnostics]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range, vscode.CodeActionKind.QuickFix.value);
    const draft = actions.find((a) => a.title === 'Set Status to Draft');
    assert.ok(draft?.edit, `no "Set Status to Draft" among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.isTrue(await vscode.workspace.applyEdit(draft.edit));
    assert.equal(editor.document.lineAt(line).text.trimEnd(), '**Status**: Draft');
    await analysed(api, editor.document);
    await waitUntil('no problem left on the Status line', () => !rfcDiagnostics(uri).some((d) => d.range.start.line === line) || undefined, [
      vscode.languages.onDidChangeDiagnostics,
    ]);
  });

  it('completes the Status line with the template\'s values', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'rfc-template.md');
    const editor = await openAnalysed(api, uri);
    const line = statusLine(editor.document);
    const position = new vscode.Position(line, '**Status**: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual(labels.filter((l) => STATUSES.includes(l)).sort(), [...STATUSES].sort());
  });

  it('shows the completeness percentage the server computed in the status bar', async () => {
    const api = await extensionApi();
    const filled = workspaceUri('docs', '2026-002-rate-limiting.md');
    await openAnalysed(api, filled);
    await waitUntil('the status bar at 100%', () => (api.statusBar.visible && api.statusBar.text === '$(pass-filled) RFC 100%') || undefined, [api.statusBar.onDidUpdate]);
    const template = workspaceUri('docs', 'rfc-template.md');
    await openAnalysed(api, template);
    const percent = api.state.analysisOf(template)?.percent;
    assert.ok(percent !== undefined, 'the analysis carries a percentage');
    assert.isBelow(percent, 100, 'the untouched template is not complete');
    await waitUntil(`the status bar at ${percent}%`, () => (api.statusBar.visible && api.statusBar.text === `$(checklist) RFC ${percent}%`) || undefined, [api.statusBar.onDidUpdate]);
  });

  it('shows the status bar item again when a non-text editor in front of the RFC closes (Running Extensions)', async () => {
    await statusBarReturnsAfterNonTextEditor(await extensionApi());
  });
});
