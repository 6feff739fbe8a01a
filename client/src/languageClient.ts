import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, forwardTrust } from './clientOptions';

/**
 * The language client for the bundled server (`dist/server.js`, a Node process over IPC).
 * Crashes restart the server through the library's default error handler. The server reads
 * `file:` URIs itself and asks for others (a virtual workspace): fileServer.ts answers.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env: { ...process.env, RFC_ASSISTANT_VERSION: context.extension.packageJSON.version } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const client = new LanguageClient('rfc', 'RFC Assistant', serverOptions, clientOptions(output));
  context.subscriptions.push(forwardTrust(client));
  return client;
}
