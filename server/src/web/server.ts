/**
 * The language server in a Web Worker (dist/web/server.js), for the extension's browser
 * build on vscode.dev and github.dev: messages through the worker's `postMessage`, files
 * asked of the client (`rfc/fs/*`: it answers with `vscode.workspace.fs`). The wiring is
 * the Node server's (lsp/startServer.ts).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { ClientFiles } from '../lsp/clientFiles';
import { startServer } from '../lsp/startServer';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));

// A worker cannot end itself the way a process does and be restarted by the client (the
// client sees no exit), so an error no handler caught is reported and the server goes on.
self.addEventListener('error', (event) => {
  connection.console.error(`Uncaught error in the RFC language server: ${event.error instanceof Error ? (event.error.stack ?? event.error.message) : event.message}`);
});
self.addEventListener('unhandledrejection', (event) => {
  const reason: unknown = event.reason;
  connection.console.error(`Unhandled rejection in the RFC language server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});

startServer(connection, {
  files: new ClientFiles(connection),
  version: undefined,
  // A macrotask: pending messages (the client's answers to file requests among them) run first.
  yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
});
