/**
 * Helpers of the web suite (it runs in the web worker extension host: chai, no Node): the
 * extension's API and the workspace; the waits are the real-editor suite's (editorWaits.ts).
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


export { analysed, openAnalysed, rfcDiagnostics, ruleOf, waitUntil, workspaceUri } from '../../e2e/suite/editorWaits';

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
