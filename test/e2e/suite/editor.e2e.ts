import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analysed, closeAllEditors, extensionApi, openAnalysed, rfcDiagnostics, waitUntil, workspaceUri, ruleOf } from './helpers';
import { statusBarReturnsAfterNonTextEditor } from './sharedScenarios';

describe('the extension in the editor', () => {
  afterEach(closeAllEditors);

  it('registers every command it contributes', async () => {
    const api = await extensionApi();
    assert.ok(api);
    const contributed: { command: string }[] = vscode.extensions.getExtension('rfc-assistant.rfc-assistant')!.packageJSON.contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.map((c) => c.command).filter((c) => !registered.has(c)), []);
  });

  it('reports how long activation took: its own setup, then the language server ready', async function () {
    const { timings } = await extensionApi();
    assert.ok(timings.setupMs > 0 && timings.setupMs <= timings.serverReadyMs, JSON.stringify(timings));
    // The figures go into the test's title, which the harness prints: a report, not a limit.
    this.test!.title += ` (setup ${timings.setupMs.toFixed(0)} ms, server ready ${timings.serverReadyMs.toFixed(0)} ms)`;
  });

  it('gives the built-in Outline the section tree with each section\'s state', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'rfc-template.md');
    await openAnalysed(api, uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const title = symbols.find((s) => s.name === 'RFC: [Feature Name]');
    assert.ok(title, JSON.stringify(symbols.map((s) => s.name)));
    const motivation = title.children.find((s) => s.name === 'Motivation');
    assert.deepEqual(
      motivation?.children.map((s) => `${s.name}: ${s.detail}`),
      ['Problem Statement: 1 placeholder', 'Why Now?: 1 placeholder', 'Goals: 3 placeholders', 'Non-Goals: 2 placeholders'],
    );
  });

  it('shows 100% with its own icon in the status bar for a complete RFC', async () => {
    const api = await extensionApi();
    await openAnalysed(api, workspaceUri('docs', '2026-002-rate-limiting.md'));
    await waitUntil('the status bar at 100%', () => api.statusBar.text === '$(pass-filled) RFC 100%' || undefined, [api.statusBar.onDidUpdate]);
  });

  it('reveals a section\'s heading when its entry in the sections view is selected', async () => {
    const api = await extensionApi();
    const editor = await openAnalysed(api, workspaceUri('docs', 'rfc-template.md'));
    const node = await waitUntil('the sections tree', () => api.sections.getChildren().find((n) => n.section.name === 'Timeline'), [api.sections.onDidRefresh]);
    const item = api.sections.getTreeItem(node);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(editor.document.lineAt(editor.selection.start.line).text, '## Timeline');
  });

  it('empties the sections view (its welcome message shows) and hides the status bar item when the editor is no RFC', async () => {
    const api = await extensionApi();
    await openAnalysed(api, workspaceUri('docs', 'rfc-template.md'));
    await waitUntil('sections of the RFC', () => api.sections.getChildren().length > 0 || undefined, [api.sections.onDidRefresh]);
    await openAnalysed(api, workspaceUri('README.md'));
    await waitUntil('an empty sections view', () => api.sections.getChildren().length === 0 || undefined, [api.sections.onDidRefresh]);
    await waitUntil('the status bar item to hide', () => !api.statusBar.visible || undefined, [api.statusBar.onDidUpdate]);
  });

  it('shows the status bar item again when a non-text editor in front of the RFC closes (Running Extensions)', async () => {
    await statusBarReturnsAfterNonTextEditor(await extensionApi());
  });

  it('inserts the whole template with the rfc-template snippet, placeholders kept as tab stops', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'RFC: whole template' });
    const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('docs', 'rfc-template.md')));
    assert.equal(editor.document.getText(), template);
    assert.equal(editor.document.getText(editor.selection), '[Feature Name]', 'the first tab stop selects the title placeholder');
    await analysed(api, editor.document);
    assert.equal(rfcDiagnostics(document.uri).filter((d) => ruleOf(d) === 'placeholder').length, 104);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('creates a New RFC from the team template named by rfc.template', async () => {
    await extensionApi();
    const template = '# ADR: [Decision]\n\n**ADR Number**: [YYYY-NNN]\n**State**: [Draft/Accepted]\n**Date**: [Date]\n**Authors**: [Names]\n\n## Context\n\n[What forces are at play]\n';
    await vscode.workspace.fs.writeFile(workspaceUri('templates', 'adr.md'), new TextEncoder().encode(template));
    const config = vscode.workspace.getConfiguration('rfc');
    await config.update('template', 'templates/adr.md', vscode.ConfigurationTarget.Workspace);
    await config.update('directory', 'adr', vscode.ConfigurationTarget.Workspace);
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('rfc.newRfc', { title: 'Use PostgreSQL', authors: 'Li Wei' });
      assert.ok(uri);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const year = new Date().getFullYear();
      assert.match(text, new RegExp(`^# ADR: Use PostgreSQL\\n\\n\\*\\*ADR Number\\*\\*: ${year}-001\\n\\*\\*State\\*\\*: Draft\\n\\*\\*Date\\*\\*: ${year}-\\d\\d-\\d\\d\\n\\*\\*Authors\\*\\*: Li Wei\\n`));
      assert.ok(uri.path.endsWith(`/adr/${year}-001-use-postgresql.md`));
      assert.equal(vscode.window.activeTextEditor?.document.getText(vscode.window.activeTextEditor.selection), '[What forces are at play]');
    } finally {
      await config.update('template', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('directory', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
