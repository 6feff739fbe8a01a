import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RfcAssistantApi } from '../../../client/src/extension';

const EXTENSION_ID = 'rfc-assistant.rfc-assistant';

/** The activated extension's API. */
export async function extensionApi(): Promise<RfcAssistantApi> {
  const extension = vscode.extensions.getExtension<RfcAssistantApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}


export { analysed, openAnalysed, rfcDiagnostics, ruleOf, waitUntil, workspaceUri } from './editorWaits';
export { placeholdersIn } from './placeholders';

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
