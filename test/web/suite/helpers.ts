/**
 * Helpers of the web suite: the same waits as test/e2e/suite/helpers.ts, without Node
 * (this code runs in the web worker extension host).
 */
import { assert } from 'chai';
import * as vscode from 'vscode';
import type { RfcAssistantApi } from '../../../client/src/web/extension';

export const EXTENSION_ID = 'rfc-assistant.rfc-assistant';

/** The web client's API: the Node client's (client/src/activate.ts), from the browser entry. */
export type WebApi = RfcAssistantApi;

/** The activated extension's API, once its language server (the Web Worker) has started. */
export async function extensionApi(): Promise<WebApi> {
  const extension = vscode.extensions.getExtension<WebApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in the web extension host`);
  const api = await extension.activate();
  assert.ok(api?.state, 'activate() returned no API');
  await api.ready;
  return api;
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Resolves when `ready()` is true, re-checking on each of the given events; fails after `timeoutMs`. */
export function waitUntil<T>(what: string, ready: () => T | undefined | false, events: vscode.Event<unknown>[], timeoutMs = 30_000): Promise<T> {
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

/** A diagnostic's rule id: with a codeDescription (the README link) VS Code makes the code `{ value, target }`. */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Opens a document and waits until the server has analysed its current version. */
export async function openAnalysed(api: WebApi, uri: vscode.Uri): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(uri);
  await analysed(api, editor.document);
  return editor;
}

/** Waits until the server has published the analysis of the document's current version. */
export function analysed(api: WebApi, document: vscode.TextDocument): Promise<true> {
  return waitUntil(
    `the analysis of ${document.uri.path} v${document.version}`,
    () => api.state.analysisOf(document.uri)?.version === document.version || undefined,
    [api.state.onDidAnalyze],
  );
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
