import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/**
 * The language client for the bundled server (`dist/server.js`, over IPC). The document
 * selector is every markdown file: the server decides which are RFCs. Crashes restart the
 * server through the library's default error handler; `rfc.trace.server` traces messages
 * to the "RFC Assistant" output channel.
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
  };
  return new LanguageClient('rfc', 'RFC Assistant', serverOptions, clientOptions);
}
