/**
 * An rfc-lint worker thread (see pool.ts): its own project service on the same settings,
 * analysing batches as it takes them from the counter it shares with the other threads,
 * until none is left, then reporting the problems its project found.
 */
import { parentPort } from 'node:worker_threads';
import { lintEach } from './lint';
import { claimBatch, type FromWorker, type WorkerData } from './pool';
import { createCliProject } from './project';

export async function runWorker(data: WorkerData): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const project = createCliProject({ cwd: data.cwd, config: data.config, template: data.template });
  const taken = new Int32Array(data.taken);
  for (let batch = claimBatch(taken, data.batches.length); batch >= 0; batch = claimBatch(taken, data.batches.length)) {
    port.postMessage({ batch, outcomes: await lintEach(data.batches[batch], project, { cwd: data.cwd, lineKeys: data.lineKeys }) } satisfies FromWorker);
  }
  port.postMessage({ problems: project.problems.all() } satisfies FromWorker);
  port.close();
}
