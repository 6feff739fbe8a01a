import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analysed, closeAllEditors, extensionApi, openAnalysed, rfcDiagnostics, waitUntil, workspaceUri, ruleOf } from './helpers';
import { templatePlaceholderDiagnostics } from './sharedScenarios';

describe('diagnostics in the real editor', () => {
  afterEach(closeAllEditors);

  it('shows every placeholder of the unchanged template, and nothing else', async () => {
    const { editor, expected, diagnostics } = await templatePlaceholderDiagnostics(await extensionApi());
    assert.equal(expected.length, 104);
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)}`).sort(),
      expected.map((p) => `${p.line}:${p.start} placeholder`).sort(),
    );
    for (const d of diagnostics) assert.equal(editor.document.getText(d.range), expected.find((p) => p.line === d.range.start.line && p.start === d.range.start.character)?.text);
    // The rule id is a link to its README section (codeDescription), as the Problems panel shows it.
    const code = diagnostics[0].code;
    assert.ok(typeof code === 'object', `code ${JSON.stringify(code)} carries no link`);
    assert.equal(code.target.toString(true), 'https://github.com/rfc-assistant/rfc-assistant#placeholder');
  });

  it('shows nothing for a filled RFC', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', '2026-002-rate-limiting.md');
    await openAnalysed(api, uri);
    assert.equal(api.state.isRfc(uri), true);
    assert.deepEqual(rfcDiagnostics(uri).map((d) => d.message), []);
  });

  it('shows nothing for a README, which is not an RFC', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('README.md');
    await openAnalysed(api, uri);
    assert.equal(api.state.isRfc(uri), false);
    assert.deepEqual(rfcDiagnostics(uri), []);
  });

  it('updates the diagnostics as the document is edited', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# RFC: Cache\n\n**RFC Number**: 2026-009\n\n## Summary\n\n[One paragraph executive summary of the proposal]\n' });
    const editor = await vscode.window.showTextDocument(document);
    await analysed(api, document);
    const summary = rfcDiagnostics(document.uri).find((d) => ruleOf(d) === 'placeholder');
    assert.ok(summary, 'the summary placeholder is reported');
    await editor.edit((edit) => edit.replace(summary.range, 'Cache search results for a minute.'));
    await analysed(api, document);
    await waitUntil('the placeholder diagnostic to go', () => !rfcDiagnostics(document.uri).some((d) => ruleOf(d) === 'placeholder') || undefined, [
      vscode.languages.onDidChangeDiagnostics,
    ]);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
