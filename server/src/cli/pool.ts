/**
 * rfc-lint on every core: worker threads (this same script, see worker.ts) and the main
 * thread analyse the files in batches, each taking the next batch from a counter they share
 * (Atomics on a SharedArrayBuffer), so no thread waits for another to hand out work: the
 * main thread, busy with its own batch, used to leave a worker idle 5% of a run. Results
 * are put back in input order, so the report is the same as a one-thread run's; the
 * cross-file rules and the index run after, in the main thread. Standard input is read by
 * the main thread.
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

/** What a worker answers: a batch's outcomes, or at the end the problems its project found (unusable templates, settings). */
export type FromWorker = { batch: number; outcomes: FileOutcome[] } | { problems: string[] };

/** Marks the worker threads of this script (workerData.role). */
export const WORKER_ROLE = 'rfc-lint-worker';

export interface WorkerData extends CliProjectOptions {
  role: typeof WORKER_ROLE;
  /** Keep each file's line hashes (LintOptions.lineKeys). */
  lineKeys: boolean;
  /** Every batch of the run, in order. */
  batches: Input[][];
  /** One Int32: the number of batches taken so far, by any thread (claimBatch). */
  taken: SharedArrayBuffer;
}

/** Takes the next batch for this thread: its index, or -1 when all are taken. */
export function claimBatch(taken: Int32Array, count: number): number {
  const batch = Atomics.add(taken, 0, 1);
  return batch < count ? batch : -1;
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
  const taken = new SharedArrayBuffer(4);
  const data: WorkerData = { ...project, role: WORKER_ROLE, batches: batches.map((batch) => batch.map((i) => inputs[i])), taken };
  const problems: string[] = [];
  const put = (batch: number, results: readonly FileOutcome[]) => batches[batch].forEach((inputIndex, k) => (outcomes[inputIndex] = results[k]));

  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: data });
      worker.on('message', (message: FromWorker) => {
        if ('problems' in message) problems.push(...message.problems);
        else put(message.batch, message.outcomes);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`an analysis worker stopped with exit code ${code}`))));
    });

  await Promise.all([...Array.from({ length: count }, runWorker), inThreadPart()]);
  return { outcomes, problems };

  async function inThreadPart(): Promise<void> {
    const stdin = inputs.flatMap((input, i) => (input.kind === 'stdin' ? [i] : []));
    const done = await inThread(stdin.map((i) => inputs[i]));
    stdin.forEach((inputIndex, k) => (outcomes[inputIndex] = done[k]));
    const counter = new Int32Array(taken);
    for (let batch = claimBatch(counter, batches.length); batch >= 0; batch = claimBatch(counter, batches.length)) {
      put(batch, await inThread(data.batches[batch]));
      // Let the workers' answers in, so they are not all held until the end.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
