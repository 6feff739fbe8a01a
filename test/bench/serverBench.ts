/** The frame of the benchmarks that drive the real server over stdio: a scratch workspace, a client, clean-up, and the exit code. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../support/lspClient';

/**
 * Makes a scratch folder, lets `prepare` fill it (returning the workspace folder inside it,
 * or nothing for the scratch folder itself), starts the server on it and runs `measure`;
 * removes everything afterwards. A failure is printed and makes the exit code 1.
 */
export function benchServer(
  name: string,
  measure: (client: LspClient, folder: string) => Promise<void>,
  prepare?: (scratch: string) => string | void,
  options: { workDoneProgress?: boolean } = {},
): void {
  const run = async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), `rfc-bench-${name}-`));
    try {
      const folder = prepare?.(scratch) ?? scratch;
      const client = await LspClient.start({ workspaceFolders: [pathToFileURL(folder).href], ...options });
      try {
        await measure(client, folder);
      } finally {
        await client.dispose();
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
