/**
 * The extension in a web-worker extension host (package.json `browser`: vscode.dev,
 * github.dev): the language server in a Web Worker, files served to it from
 * `vscode.workspace.fs`. The features are the Node build's (activate.ts). What needs a
 * process is left out: New RFC suggests no author (git is not there), and the rfc-lint
 * task type is not registered (no process can run the CLI).
 */
import type * as vscode from 'vscode';
import { activateWith, deactivateClient, type RfcAssistantApi } from '../activate';
import { serveFiles } from '../fileServer';
import { createWebLanguageClient } from './languageClient';

export type { RfcAssistantApi } from '../activate';

export function activate(context: vscode.ExtensionContext): Promise<RfcAssistantApi> {
  return activateWith(context, {
    createClient: createWebLanguageClient,
    authorName: () => Promise.resolve(''),
    extras: (_context, client) => serveFiles(client),
  });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
