/**
 * Scenarios the real-editor suite and the web suite both run, written once: only the vscode
 * API, the extension's API and the shared waits, so it runs in either extension host.
 */
import * as vscode from 'vscode';
import type { RfcAssistantApi } from '../../../client/src/activate';
import { openAnalysed, rfcDiagnostics, waitUntil, workspaceUri } from './editorWaits';
import { placeholdersIn } from './placeholders';

/** The completeness item hides behind a non-text editor (Running Extensions) and comes back when it closes. */
export async function statusBarReturnsAfterNonTextEditor(api: RfcAssistantApi): Promise<void> {
  await openAnalysed(api, workspaceUri('docs', 'rfc-template.md'));
  await waitUntil('the status bar item', () => api.statusBar.visible || undefined, [api.statusBar.onDidUpdate]);
  await vscode.commands.executeCommand('workbench.action.showRuntimeExtensions');
  await waitUntil('the item hidden behind Running Extensions', () => !api.statusBar.visible || undefined, [api.statusBar.onDidUpdate]);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  await waitUntil('the RFC in front again', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('rfc-template.md') || undefined, [vscode.window.onDidChangeActiveTextEditor]);
  await waitUntil('the status bar item back', () => api.statusBar.visible || undefined, [api.statusBar.onDidUpdate], 10_000);
}

/**
 * The unchanged built-in template opened and analysed, once its diagnostics number its
 * placeholders: the editor, the placeholders found independently of the server (placeholders.ts)
 * and the diagnostics, for each suite to check with its own assertions.
 */
export async function templatePlaceholderDiagnostics(api: RfcAssistantApi): Promise<{
  editor: vscode.TextEditor;
  expected: { line: number; start: number; text: string }[];
  diagnostics: vscode.Diagnostic[];
}> {
  const uri = workspaceUri('docs', 'rfc-template.md');
  const editor = await openAnalysed(api, uri);
  const expected = placeholdersIn(editor.document.getText());
  const diagnostics = await waitUntil(
    `${expected.length} placeholder diagnostics`,
    () => {
      const d = rfcDiagnostics(uri);
      return d.length === expected.length ? d : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
  );
  return { editor, expected, diagnostics };
}
