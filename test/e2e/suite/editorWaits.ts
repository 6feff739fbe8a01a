/**
 * Waiting on the extension in an editor, shared by the real-editor suite (helpers.ts) and the
 * web suite (test/web/suite/helpers.ts): only the vscode API and the extension's own API, no
 * Node, so it runs in a Node extension host and in a web worker alike.
 */
import * as vscode from 'vscode';
import type { RfcAssistantApi } from '../../../client/src/activate';

/** A path in the suite's workspace folder. */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Resolves when `ready()` is true, re-checking on each of the given events; fails after `timeoutMs`. */
export function waitUntil<T>(
  what: string,
  ready: () => T | undefined | false,
  events: vscode.Event<unknown>[],
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const done = (action: () => void) => {
      clearTimeout(timer);
      subscriptions.forEach((s) => s.dispose());
      action();
    };
    const check = () => {
      const value = ready();
      if (value !== undefined && value !== false) done(() => resolve(value));
    };
    const timer = setTimeout(() => done(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    for (const event of events) subscriptions.push(event(check));
    check();
  });
}

/** RFC Assistant's diagnostics of a document. */
export function rfcDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rfc');
}

/**
 * A diagnostic's rule id. VS Code turns a code that comes with a `codeDescription` (the
 * rule's README link) into `{ value, target }`; a problem matcher's stays a string.
 */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Opens a document and waits until the server has analysed its current version. */
export async function openAnalysed(api: RfcAssistantApi, uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri);
  await analysed(api, editor.document);
  return editor;
}

/** Waits until the server has published the analysis of the document's current version. */
export function analysed(api: RfcAssistantApi, document: vscode.TextDocument): Promise<true> {
  return waitUntil(
    `the analysis of ${document.uri.path} v${document.version}`,
    () => api.state.analysisOf(document.uri)?.version === document.version || undefined,
    [api.state.onDidAnalyze],
  );
}
