/**
 * The extension in VS Code's Node extension host (package.json `main`): the language server
 * as a Node process, the rfc-lint task type, authors from git, and the editor's file systems
 * served to the server for what is not on disk. The features are shared with
 * the web build (activate.ts).
 */
import type * as vscode from 'vscode';
import { activateWith, deactivateClient, type RfcAssistantApi } from './activate';
import { serveFiles } from './fileServer';
import { gitUserName } from './gitUser';
import { createLanguageClient } from './languageClient';
import { registerLintTasks } from './lintTask';

export type { RfcAssistantApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<RfcAssistantApi> {
  return activateWith(context, {
    createClient: createLanguageClient,
    authorName: (folder) => gitUserName(folder?.scheme === 'file' ? folder.fsPath : undefined),
    // Files of a virtual workspace (vscode-vfs) are read for the server through the editor.
    extras: (_context, client) => [registerLintTasks(context), ...serveFiles(client)],
  });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
