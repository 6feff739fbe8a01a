/**
 * rfc-lint on every core: worker threads (this same script, see worker.ts) analyse the
 * files in batches while the main thread hands out the next batch to whichever worker is
 * free. Results are put back in input order, so the report is the same as a one-thread
 * run's; the cross-file rules and the index run after, in the main thread. Standard input
 * is read by the main thread.
 */
import { Worker } from 'node:worker_threads';
import type { Input } from './inputs';
import type { FileOutcome } from './lint';
import type { CliProjectOptions } from './project';

/** Files sent to a worker at a time: large enough that messages cost little, small enough that cores finish together. */
const BATCH = 8;
/** Below this many files per thread, starting a worker is pointless even when --jobs asks for it. */
export const MIN_FILES_PER_WORKER = 16;
/**
 * Files per thread when --jobs is not given. Each thread is a V8 isolate that compiles the
 * engine again and runs it slowly until its optimising compiler has caught up: about half a
 * second of CPU, what some 700 RFCs take once warm, and on a small machine that compiler's
 * threads take CPU from the analysis threads. Where a second thread starts to pay off
 * depends on the machine: on one two-core VM it made runs of 50 to 1,000 RFCs 5–30% slower
 * and paid off from about 1,300 RFCs; on another of the same kind it was 9% slower at
 * 1,500 RFCs, 5–9% slower at 2,000, even at 3,000 and 8% faster at 4,500 (`--jobs 2`
 * against `--jobs 1`, interleaved, `npm run bench:cli` subsets). One thread per 1,000
 * files puts the switch between the two, at 2,000 RFCs, up to one thread per core.
 */
export const DEFAULT_FILES_PER_THREAD = 1000;

/** What the main thread tells a worker: a batch to analyse, or that there is no more. */
export type ToWorker = { batch: number; inputs: Input[] } | { done: true };
/** What a worker answers: a batch's outcomes, or at the end the problems its project found (unusable templates, settings). */
export type FromWorker = { batch: number; outcomes: FileOutcome[] } | { problems: string[] };

/** Marks the worker threads of this script (workerData.role). */
export const WORKER_ROLE = 'rfc-lint-worker';

export interface WorkerData extends CliProjectOptions {
  role: typeof WORKER_ROLE;
  /** Keep each file's line hashes (LintOptions.lineKeys). */
  lineKeys: boolean;
}

/**
 * How many worker threads a run of `files` files gets: up to `jobs` threads when --jobs
 * says so, else up to `cores` and one per DEFAULT_FILES_PER_THREAD files. The main thread
 * is one of them (it takes batches too); 0 means all in this thread.
 */
export function workerCount(files: number, jobs: number | undefined, cores: number): number {
  const threads = jobs ?? Math.min(cores, Math.floor(files / DEFAULT_FILES_PER_THREAD));
  const useful = Math.floor(files / MIN_FILES_PER_WORKER);
  return threads > 1 && useful > 1 ? Math.min(threads, useful) - 1 : 0;
}

/**
 * Analyses the inputs with `count` workers running `script` and this thread (through
 * `inThread`, which also reads standard input), all taking batches from one queue.
 * Resolves with the outcomes in input order and the workers' problems.
 */
export async function analyseInWorkers(
  inputs: readonly Input[],
  count: number,
  script: string,
  project: CliProjectOptions & { lineKeys: boolean },
  inThread: (inputs: readonly Input[]) => Promise<FileOutcome[]>,
): Promise<{ outcomes: FileOutcome[]; problems: string[] }> {
  const outcomes: FileOutcome[] = new Array(inputs.length);
  const fileIndexes = inputs.flatMap((input, i) => (input.kind === 'file' ? [i] : []));
  const batches: number[][] = [];
  for (let i = 0; i < fileIndexes.length; i += BATCH) batches.push(fileIndexes.slice(i, i + BATCH));
  const problems: string[] = [];
  let next = 0;

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: { ...project, role: WORKER_ROLE } satisfies WorkerData });
      let asked = 0;
      let answered = 0;
      const sendBatch = () => {
        if (next >= batches.length) return;
        worker.postMessage({ batch: next, inputs: batches[next++].map((i) => inputs[i]) } satisfies ToWorker);
        asked++;
      };
      // The next batch, or once the worker has answered all it was given and none is left, the end.
      const send = () => {
        sendBatch();
        if (answered === asked && next >= batches.length) worker.postMessage({ done: true } satisfies ToWorker);
      };
      worker.on('message', (message: FromWorker) => {
        if ('problems' in message) {
          problems.push(...message.problems);
          return;
        }
        batches[message.batch].forEach((inputIndex, k) => (outcomes[inputIndex] = message.outcomes[k]));
        answered++;
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`an analysis worker stopped with exit code ${code}`))));
      // Two batches in hand: while this thread analyses its own batch it answers no one,
      // and a worker with nothing queued would wait for it.
      sendBatch();
      send();
    });

  await Promise.all([...Array.from({ length: count }, runWorker), inThreadPart()]);
  return { outcomes, problems };

  async function inThreadPart(): Promise<void> {
    const stdin = inputs.flatMap((input, i) => (input.kind === 'stdin' ? [i] : []));
    const done = await inThread(stdin.map((i) => inputs[i]));
    stdin.forEach((inputIndex, k) => (outcomes[inputIndex] = done[k]));
    while (next < batches.length) {
      const batch = batches[next++];
      const results = await inThread(batch.map((i) => inputs[i]));
      batch.forEach((inputIndex, k) => (outcomes[inputIndex] = results[k]));
      // Let the workers' answers in: each waits for its next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
