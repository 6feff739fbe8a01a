import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { clientOptions, forwardTrust } from '../clientOptions';

/**
 * Markdown files of these schemes are analysed on the web: github.dev (`vscode-vfs`),
 * `@vscode/test-web` (`vscode-test-web`), vscode.dev's local folders (`file`), a remote
 * (`vscode-remote`) and new unsaved files (`untitled`).
 */
export const WEB_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'];

/**
 * The language client for the server in a Web Worker (`dist/web/server.js`). A new worker
 * for every start, so a restart gets a fresh server. A worker cannot be created from a
 * remote extension's URL (microsoft/vscode#144235): there the bundle is read through the
 * workspace file system and started from a `blob:` URL.
 */
export function createWebLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const bundle = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  let worker: Worker | undefined;
  const startWorker = async (): Promise<Worker> => {
    // The library never ends a worker: the previous server (stopped, or crashed) ends here.
    worker?.terminate();
    if (context.extensionUri.scheme !== 'vscode-remote') worker = new Worker(bundle.toString(true));
    else {
      const code = await vscode.workspace.fs.readFile(bundle);
      worker = new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(code)], { type: 'text/javascript' })));
    }
    return worker;
  };
  const client = new LanguageClient('rfc', 'RFC Assistant', startWorker, clientOptions(output, WEB_SCHEMES));
  context.subscriptions.push(forwardTrust(client), { dispose: () => worker?.terminate() });
  return client;
}
