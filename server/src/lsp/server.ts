/**
 * The language server as a Node process (dist/server.js, `rfc-language-server`): stdio or
 * IPC, Node's file system for `file:` URIs, the editor's (`rfc/fs/*`) for the others. The
 * wiring is shared with the Web Worker build (startServer.ts). The same script, started as
 * a worker thread, is the index worker (node/indexWorkers.ts).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFiles } from '../node/nodeFiles';
import { runIndexWorker } from '../node/indexWorker';
import { IndexWorkers, isIndexWorkerThread } from '../node/indexWorkers';
import { findPackageVersion } from '../node/packageVersion';
import { filesByScheme } from '../project/schemeFiles';
import { ClientFiles } from './clientFiles';
import { startServer } from './startServer';
import { exitWithoutTransport } from './transport';

if (isIndexWorkerThread()) runIndexWorker();
else startLanguageServer();

function startLanguageServer(): void {
  // Started by hand, or by an editor configured without a transport: say how, and stop.
  exitWithoutTransport(process.argv.slice(2));

  const connection = createConnection(ProposedFeatures.all);

  // An exception no handler caught leaves the server in a state nobody knows: say so, and end
  // the process. The client (vscode-languageclient's restart policy) starts a fresh one.
  process.on('uncaughtException', (error) => {
    connection.console.error(`Uncaught exception; the server stops and the client restarts it: ${error.stack ?? error.message}`);
    setTimeout(() => process.exit(1), 100);
  });

  startServer(connection, {
    // An editor that does not answer rfc/fs/* (any but VS Code) leaves other schemes unread, as before.
    files: filesByScheme('file', nodeFiles, new ClientFiles(connection)),
    // The extension passes its version; started from the npm package (another editor), the package's.
    version: process.env.RFC_ASSISTANT_VERSION ?? findPackageVersion(),
    yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
    indexAnalyser: IndexWorkers.useful() ? new IndexWorkers(__filename, (message) => connection.console.info(message)) : undefined,
  });
}
