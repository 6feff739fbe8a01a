import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { clientOptions, forwardTrust } from '../clientOptions';

/**
 * The language client for the server in a Web Worker (`dist/web/server.js`). A new worker
 * for every start, so a restart gets a fresh server. A worker cannot be created from a
 * remote extension's URL (microsoft/vscode#144235): there the bundle is read through the
 * workspace file system and started from a `blob:` URL. The factory returns the transports
 * itself: the extension host's `Worker` is VS Code's stand-in, whose workers the library's
 * `instanceof Worker` check does not recognise.
 */
export function createWebLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const bundle = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  let worker: Worker | undefined;
  const startWorker = async (): Promise<MessageTransports> => {
    // The library never ends a worker: the previous server (stopped, or crashed) ends here.
    worker?.terminate();
    if (context.extensionUri.scheme !== 'vscode-remote') worker = new Worker(bundle.toString(true));
    else {
      const code = await vscode.workspace.fs.readFile(bundle);
      worker = new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(code)], { type: 'text/javascript' })));
    }
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  const client = new LanguageClient('rfc', 'RFC Assistant', startWorker, clientOptions(output));
  context.subscriptions.push(forwardTrust(client), { dispose: () => worker?.terminate() });
  return client;
}
