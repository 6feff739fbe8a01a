import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { WorkspaceTrustNotification } from '../../server/src/protocol';

/**
 * The language client for the bundled server (`dist/server.js`, over IPC). The document
 * selector is every markdown file: the server decides which are RFCs. Crashes restart the
 * server through the library's default error handler; `rfc.trace.server` traces messages
 * to the "RFC Assistant" output channel. The server learns whether the workspace is trusted
 * (initialization options, then a notification when trust is granted): untrusted, it reads
 * templates and `.rfcrc.json` only inside the workspace folders.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env: { ...process.env, RFC_ASSISTANT_VERSION: context.extension.packageJSON.version } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'vscode-remote', language: 'markdown' },
    ],
    outputChannel: output,
    traceOutputChannel: output,
    synchronize: { configurationSection: 'rfc' },
    // A function, so a restarted server gets the trust of that moment.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
  };
  const client = new LanguageClient('rfc', 'RFC Assistant', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client.isRunning()) void client.sendNotification(WorkspaceTrustNotification.type, { trusted: true });
    }),
  );
  return client;
}
