/**
 * Scenarios the real-editor suite and the web suite both run, written once: only the vscode
 * API, the extension's API and the shared waits, so it runs in either extension host.
 */
import * as vscode from 'vscode';
import type { RfcAssistantApi } from '../../../client/src/activate';
import { openAnalysed, waitUntil, workspaceUri } from './editorWaits';

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
