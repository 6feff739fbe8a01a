/**
 * An rfc-lint worker thread (see pool.ts): its own project service on the same settings,
 * analysing the batches the main thread sends until it says there is no more, then
 * reporting the problems its project found.
 */
import { parentPort } from 'node:worker_threads';
import { lintEach } from './lint';
import type { FromWorker, ToWorker, WorkerData } from './pool';
import { createCliProject } from './project';

export function runWorker(data: WorkerData): void {
  const port = parentPort;
  if (!port) return;
  const project = createCliProject({ cwd: data.cwd, config: data.config, template: data.template });
  port.on('message', (message: ToWorker) => {
    void (async () => {
      if ('done' in message) {
        port.postMessage({ problems: project.problems.all() } satisfies FromWorker);
        port.close();
        return;
      }
      port.postMessage({ batch: message.batch, outcomes: await lintEach(message.inputs, project, { cwd: data.cwd, lineKeys: data.lineKeys }) } satisfies FromWorker);
    })();
  });
}
