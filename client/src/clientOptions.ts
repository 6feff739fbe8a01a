import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { WorkspaceTrustNotification } from '../../server/src/protocol';

/**
 * Markdown files of these schemes are analysed: the local disk (`file`), a remote
 * (`vscode-remote`), new unsaved files (`untitled`), and virtual workspaces: GitHub
 * Repositories and github.dev (`vscode-vfs`), `@vscode/test-web` (`vscode-test-web`).
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'];

/**
 * The language client's options, the same for the Node and the web client. The document
 * selector is every markdown file of `DOCUMENT_SCHEMES`: the server decides which are RFCs. `rfc.trace.server` traces messages to the
 * "RFC Assistant" output channel. The server learns whether the workspace is trusted
 * (initialization options, then a notification when trust is granted): untrusted, it reads
 * templates and `.rfcrc.json` only inside the workspace folders.
 */
export function clientOptions(output: vscode.LogOutputChannel): LanguageClientOptions {
  return {
    documentSelector: DOCUMENT_SCHEMES.map((scheme) => ({ scheme, language: 'markdown' })),
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: { configurationSection: 'rfc' },
    // A function, so a restarted server gets the trust of that moment.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
  };
}

/** Tells a running server when the workspace becomes trusted. */
export function forwardTrust(client: BaseLanguageClient): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    if (client.isRunning()) void client.sendNotification(WorkspaceTrustNotification.type, { trusted: true });
  });
}
