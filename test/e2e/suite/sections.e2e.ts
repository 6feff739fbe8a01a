import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CompletenessRequest, type CompletenessResult, type SectionReport } from '../../../server/src/protocol';
import { closeAllEditors, extensionApi, openAnalysed, rfcDiagnostics, waitUntil, workspaceUri, ruleOf } from './helpers';

function flatten(sections: readonly SectionReport[]): SectionReport[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

describe('completeness, sections view and placeholders in the real editor', () => {
  afterEach(closeAllEditors);

  it('agree with the diagnostics: the request, the sections tree and the status bar', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'missing-security.md');
    await openAnalysed(api, uri);
    // By method name: the test's copy of the protocol types is not the bundle's.
    const report = await api.client.sendRequest<CompletenessResult | null>(CompletenessRequest.method, { uri: uri.toString() });
    assert.ok(report);
    await waitUntil('the sections tree', () => api.sections.getChildren().length === report.sections.length || undefined, [api.sections.onDidRefresh]);
    const tree = api.sections.getChildren();
    assert.deepEqual(tree.map((n) => [n.section.name, n.section.state]), report.sections.map((s) => [s.name, s.state]));

    const diagnostics = rfcDiagnostics(uri);
    const missing = diagnostics.filter((d) => ruleOf(d) === 'missing-section');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /'Security Considerations'/);
    assert.deepEqual(flatten(report.sections).filter((s) => s.state === 'missing' && !s.id.includes('/')).map((s) => s.name), ['Security Considerations']);

    // Placeholders: the sections' own counts plus those in the title and metadata lines.
    const firstSectionLine = Math.min(...report.sections.filter((s) => s.line !== undefined).map((s) => s.line!));
    const placeholders = diagnostics.filter((d) => ruleOf(d) === 'placeholder');
    const inSections = flatten(report.sections).reduce((n, s) => n + s.placeholders, 0);
    const inPreamble = placeholders.filter((d) => d.range.start.line < firstSectionLine).length;
    assert.equal(inSections + inPreamble, placeholders.length);

    await waitUntil('the status bar', () => api.statusBar.text === `$(checklist) RFC ${report.percent}%` || undefined, [api.statusBar.onDidUpdate]);
  });

  it('inserts a missing section from the sections view at the template position', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'missing-security.md');
    const editor = await openAnalysed(api, uri);
    const template = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('docs', 'rfc-template.md')));
    await waitUntil('the missing section in the tree', () => api.sections.getChildren().find((n) => n.section.state === 'missing'), [api.sections.onDidRefresh]);
    const node = api.sections.getChildren().find((n) => n.section.name === 'Security Considerations');
    assert.equal(node?.section.state, 'missing');
    assert.equal(await vscode.commands.executeCommand('rfc.sections.insertSection', node), true);
    assert.equal(editor.document.getText(), template);
    assert.equal(editor.document.lineAt(editor.selection.start.line).text, '## Security Considerations');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('moves the selection through the placeholders with Next and Previous Placeholder', async () => {
    const api = await extensionApi();
    const editor = await openAnalysed(api, workspaceUri('docs', 'rfc-template.md'));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('rfc.nextPlaceholder');
    assert.equal(editor.document.getText(editor.selection), '[Feature Name]');
    await vscode.commands.executeCommand('rfc.nextPlaceholder');
    assert.equal(editor.document.getText(editor.selection), '[YYYY-XXX]');
    await vscode.commands.executeCommand('rfc.previousPlaceholder');
    assert.equal(editor.document.getText(editor.selection), '[Feature Name]');
    await vscode.commands.executeCommand('rfc.previousPlaceholder');
    assert.equal(editor.document.getText(editor.selection), '[Definition]', 'wraps around to the last placeholder');
    assert.equal(editor.selection.start.line, editor.document.lineCount - 1);
  });
});
