/**
 * The language server as a Node process (dist/server.js, `rfc-language-server`): stdio or
 * IPC, Node's file system. The wiring is shared with the Web Worker build (startServer.ts).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeFiles } from '../node/nodeFiles';
import { startServer } from './startServer';
import { exitWithoutTransport } from './transport';

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
  files: nodeFiles,
  version: process.env.RFC_ASSISTANT_VERSION ?? undefined,
  yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
});
