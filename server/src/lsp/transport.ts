/**
 * The command line of `rfc-language-server` (dist/server.js). vscode-languageserver's
 * `createConnection()` picks its transport from `--stdio`, `--node-ipc`, `--socket` or
 * `--pipe` and throws a stack trace without one, so the server checks first and says how
 * to start it instead.
 */

/** Whether `args` (process.argv after the script) name a transport createConnection understands. */
export function hasTransportArgument(args: readonly string[]): boolean {
  return args.some(
    (arg, i) =>
      arg === '--stdio' ||
      arg === '--node-ipc' ||
      /^--(?:socket|pipe)=./.test(arg) ||
      ((arg === '--socket' || arg === '--pipe') && (args[i + 1] ?? '') !== ''),
  );
}

/** Whether the user asked for the usage text. */
export function wantsHelp(args: readonly string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

export const USAGE = `Usage: rfc-language-server --stdio

The RFC Assistant language server: checks design RFCs in markdown against a team's RFC
template and speaks the Language Server Protocol. An editor starts it; it is not used by
hand. Transports:
  --stdio              JSON-RPC over standard input and output (what most editors use)
  --node-ipc           Node's IPC channel (what the VS Code extension uses)
  --socket=<port>      a TCP socket on localhost
  --pipe=<name>        a named pipe or Unix socket
`;

/** Writes the usage and exits (0 for --help, else 2) unless `args` name a transport. */
export function exitWithoutTransport(args: readonly string[]): void {
  if (!wantsHelp(args) && hasTransportArgument(args)) return;
  (wantsHelp(args) ? process.stdout : process.stderr).write(USAGE);
  process.exit(wantsHelp(args) ? 0 : 2);
}
