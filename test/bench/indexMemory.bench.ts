/**
 * `npm run bench` (index memory): what the workspace index keeps per RFC. The project layer
 * indexes a folder of generated RFCs in this process (Node's file system, as the server
 * does); the heap it retains once built, after a full garbage collection, is set against
 * the size of the files' text.
 *
 *   node out/test/bench/indexMemory.bench.js [--rfcs N]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildTemplateModel } from '../../server/src/engine';
import { nodeFiles } from '../../server/src/node/nodeFiles';
import { ProjectService } from '../../server/src/project/service';
import { settledHeap } from '../support/heap';
import { templateText } from '../support/lspDocuments';
import { benchRfc } from './benchRfc';

const argv = process.argv.slice(2);
const RFCS = argv.includes('--rfcs') ? Number(argv[argv.indexOf('--rfcs') + 1]) : 10_000;


async function main(): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'rfc-bench-index-'));
  try {
    const folder = path.join(scratch, 'rfcs');
    mkdirSync(folder);
    let bytes = 0;
    for (let i = 1; i <= RFCS; i++) {
      const number = `2025-${String(i).padStart(5, '0')}`;
      const text = benchRfc(number, `Topic ${i}`);
      bytes += Buffer.byteLength(text);
      writeFileSync(path.join(folder, `${number}-topic-${i}.md`), text);
    }
    const template = buildTemplateModel(templateText());
    const before = settledHeap();
    const project = new ProjectService({
      files: nodeFiles,
      builtInTemplate: () => template,
      openDocument: () => undefined,
      editorSettings: () => Promise.resolve(undefined),
      log: { error: () => undefined, info: () => undefined },
      yieldNow: () => new Promise((resolve) => setImmediate(resolve)),
    });
    project.setFolders([pathToFileURL(scratch).href]);
    await project.index.start();
    const indexed = project.index.all().length;
    if (indexed !== RFCS) throw new Error(`indexed ${indexed} RFCs of ${RFCS}`);
    const retained = settledHeap() - before;
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `workspace index of ${RFCS} RFCs retains ${mb(retained)} (${(retained / RFCS / 1024).toFixed(1)} KB per RFC; ${(retained / bytes).toFixed(2)} x their ${mb(bytes)} of text)`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
