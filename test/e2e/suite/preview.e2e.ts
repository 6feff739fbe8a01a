import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RfcAssistantApi } from '../../../client/src/extension';
import { analysed, closeAllEditors, extensionApi, openAnalysed, placeholdersIn, waitUntil, workspaceUri } from './helpers';

const MARK = '<mark class="rfc-placeholder" title="Unfilled placeholder">';
const BANNER = /<div class="rfc-preview-banner[^"]*" role="status"><strong>RFC (\d+)% complete<\/strong>(?: · (\d+) placeholders? left)?(?: · (\d+) sections? missing)?<\/div>/g;

/** The HTML of VS Code's markdown preview for a document: its markdown-it with every contributed plugin. */
function render(document: vscode.TextDocument): Thenable<string> {
  return vscode.commands.executeCommand<string>('markdown.api.render', document);
}

/**
 * Renders once (a first render asks the server and shows nothing of it yet), waits until
 * the preview has the server's figures for this version, and renders again.
 */
async function renderAnalysed(api: RfcAssistantApi, document: vscode.TextDocument): Promise<string> {
  await render(document);
  await waitUntil(
    `the preview's figures of ${document.uri.path} v${document.version}`,
    () => api.preview.analysisOf(document.uri)?.version === document.version || undefined,
    [api.preview.onDidUpdate],
  );
  return render(document);
}

/** Placeholders outside fenced code (fences are code in the preview, left as they are), found without the extension. */
function placeholdersOutsideCode(text: string): string[] {
  let inFence = false;
  const fenced = new Set<number>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    else if (inFence) fenced.add(i);
  });
  return placeholdersIn(text)
    .filter((p) => !fenced.has(p.line))
    .map((p) => p.text);
}

const banners = (html: string) => [...html.matchAll(BANNER)].map((m) => ({ percent: Number(m[1]), placeholders: Number(m[2] ?? 0), missing: Number(m[3] ?? 0) }));
const marks = (html: string) => html.split(MARK).length - 1;

describe('markdown preview in the real editor', () => {
  afterEach(closeAllEditors);

  it('opens with a banner of what is left and marks each placeholder outside code', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'missing-security.md');
    const editor = await openAnalysed(api, uri);
    const html = await renderAnalysed(api, editor.document);
    // The template without its Security Considerations (4 sections with its subsections).
    const statusBar = await waitUntil('the status bar', () => /RFC (\d+)%/.exec(api.statusBar.text ?? '')?.[1], [api.statusBar.onDidUpdate]);
    const placeholders = placeholdersIn(editor.document.getText());
    assert.equal(placeholders.length, 94);
    assert.deepEqual(banners(html), [{ percent: Number(statusBar), placeholders: 94, missing: 4 }]);
    // The status bar's tooltip counts the same placeholders, the title's and metadata's included.
    assert.match(api.statusBar.tooltipText ?? '', /^- Placeholders left: 94$/m);
    assert.ok(html.indexOf('rfc-preview-banner') < html.indexOf('<h1'), 'the banner comes first');
    assert.match(html, new RegExp(`<h1[^>]*>RFC: ${MARK.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\[Feature Name\\]</mark></h1>`));
    const prose = placeholdersOutsideCode(editor.document.getText());
    assert.equal(marks(html), prose.length);
    for (const text of new Set(prose)) assert.ok(html.includes(`${MARK}${text}</mark>`), `${text} is marked`);
    assert.ok(!html.includes(`${MARK}[ASCII or mermaid diagram showing system architecture]`), 'code is left alone');
  });

  it('follows the edits: a filled placeholder is no longer marked and the banner counts one less', async () => {
    const api = await extensionApi();
    const template = await vscode.workspace.openTextDocument(workspaceUri('docs', 'rfc-template.md'));
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: template.getText() });
    const editor = await vscode.window.showTextDocument(document);
    await analysed(api, document);
    const before = await renderAnalysed(api, document);
    assert.equal(banners(before)[0]?.placeholders, 104);
    assert.ok(before.includes(`${MARK}[Feature Name]</mark>`));
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 7, 0, 21), 'Queues'));
    await analysed(api, document);
    const after = await renderAnalysed(api, document);
    assert.equal(banners(after)[0]?.placeholders, 103);
    assert.equal(marks(after), marks(before) - 1);
    assert.ok(!after.includes('[Feature Name]'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('says a finished RFC is complete and shows nothing on a README', async () => {
    const api = await extensionApi();
    const rfc = await openAnalysed(api, workspaceUri('docs', '2026-002-rate-limiting.md'));
    const html = await renderAnalysed(api, rfc.document);
    assert.deepEqual(banners(html), [{ percent: 100, placeholders: 0, missing: 0 }]);
    assert.ok(html.includes('rfc-preview-banner-complete'));
    assert.equal(marks(html), 0);
    const readme = await openAnalysed(api, workspaceUri('README.md'));
    await render(readme.document);
    await waitUntil('the README to be known as no RFC', () => api.preview.analysisOf(readme.document.uri) === null || undefined, [api.preview.onDidUpdate]);
    const plain = await render(readme.document);
    assert.deepEqual(banners(plain), []);
    assert.equal(marks(plain), 0);
  });

  it('shows neither banner nor marks with rfc.preview.enable off', async () => {
    const api = await extensionApi();
    const editor = await openAnalysed(api, workspaceUri('docs', 'rfc-template.md'));
    const on = await renderAnalysed(api, editor.document);
    assert.equal(banners(on).length, 1);
    assert.ok(marks(on) > 0);
    const config = vscode.workspace.getConfiguration('rfc');
    await config.update('preview.enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      const off = await render(editor.document);
      assert.deepEqual(banners(off), []);
      assert.equal(marks(off), 0);
      assert.ok(!off.includes('rfc-preview-banner'));
    } finally {
      await config.update('preview.enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.equal(banners(await render(editor.document)).length, 1);
  });
});
