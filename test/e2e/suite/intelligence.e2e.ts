import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, openAnalysed, rfcDiagnostics, waitUntil, workspaceUri, ruleOf } from './helpers';

async function template(): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('docs', 'rfc-template.md')));
}

describe('quick fixes, completion and hover in the real editor', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('applies "Insert section" from the lightbulb on a missing-section problem', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'missing-security.md');
    const editor = await openAnalysed(api, uri);
    const missing = await waitUntil('the missing-section problem', () => rfcDiagnostics(uri).find((d) => ruleOf(d) === 'missing-section'), [vscode.languages.onDidChangeDiagnostics]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => a.title === "Insert section 'Security Considerations'");
    assert.ok(insert?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(insert.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    assert.equal(editor.document.getText(), await template());
  });

  it('applies "Insert all missing sections" as a source fix-all action', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'missing-security.md');
    const editor = await openAnalysed(api, uri);
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, whole, 'source.fixAll.rfc');
    assert.deepEqual(actions.map((a) => a.title), ['Insert all missing sections']);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.equal(editor.document.getText(), await template());
  });

  it('completes the Status line with the template\'s values', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'rfc-template.md');
    await openAnalysed(api, uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(3, 13));
    const ours = list.items.filter((i) => ['Draft', 'Under Review', 'Approved', 'Implemented'].includes(typeof i.label === 'string' ? i.label : i.label.label));
    assert.equal(ours.length, 4);
  });

  it('hovers a heading with what the template asks for', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'rfc-template.md');
    const editor = await openAnalysed(api, uri);
    const line = editor.document.getText().split('\n').indexOf('### Why Now?');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Why Now\?\*\*: a template section in \*Motivation\*/);
    assert.match(text, /- Urgency and timing considerations/);
  });
});
