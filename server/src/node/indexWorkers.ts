/**
 * The language server's index on two cores (Node only): a worker thread running this same
 * script (see indexWorker.ts) analyses files of the workspace scan while the main thread,
 * which answers the editor, analyses others between requests. The main thread offers each
 * file here first; with MAX_IN_FLIGHT files already given to the worker it keeps the file.
 * The worker is started only for a scan of START_AT files or more, and rebuilds each
 * template from its text once. If it fails, every file it had is analysed in the main
 * thread instead, and it is not used again. Records are the same either way: both threads
 * run indexRecordOf (project/indexRecord.ts).
 */
import { availableParallelism } from 'node:os';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import type { TemplateModel } from '../engine';
import type { IndexAnalyser, IndexJob } from '../project/indexRecord';
import type { IndexedRfc } from '../project/indexScan';

/** Marks the worker threads of the server's script (workerData.role). */
export const INDEX_WORKER_ROLE = 'rfc-index-worker';

/** Whether this thread is an index worker (the server's script started by IndexWorkers). */
export function isIndexWorkerThread(): boolean {
  return !isMainThread && (workerData as { role?: string } | undefined)?.role === INDEX_WORKER_ROLE;
}

/** What the main thread sends: a template's text (once per template), or a file to analyse. */
export type ToIndexWorker = { template: { id: string; text: string } } | { seq: number; templateId: string; job: IndexJob };
/** What the worker answers: a file's record (null: no RFC), or why it could not. */
export type FromIndexWorker = { seq: number; record: IndexedRfc | null } | { seq: number; error: string };

/**
 * Files given to the worker at a time. The main thread reads its answers only between its
 * own slices of work (16 ms), so the worker holds more than a slice's worth, not to idle in
 * between; the index's other files are analysed in the main thread meanwhile (it reads 24
 * at a time). With 2 the worker was starved and took a third of the files; with 12 (of 16
 * read) the index of 2,000 RFCs took 1.04-1.25 times rfc-lint and outline requests 44-82 ms
 * at p95; with 20 (of 24) the same 1.04-1.25 times, and 30-55 ms (six runs each, interleaved).
 */
const MAX_IN_FLIGHT = 20;
/**
 * The fewest files a scan reads for the worker to start. A new worker is a V8 isolate that
 * compiles the engine again and runs it cold for its first few hundred files (about half
 * a second of CPU), and on two cores its compiler threads take CPU from the main thread:
 * with the worker from the 32nd file, indexing 500 RFCs took 1.5-1.7 s and 129-131 MB,
 * without it 1.2-1.4 s and 92-107 MB, outline requests meanwhile 78-115 and 85-149 ms at p95
 * (four runs each, `codeActions.bench.js --rfcs 250`). rfc-lint's threads follow the same
 * rule (cli/pool.ts). Once started, the worker stays warm for later scans of any size.
 */
const START_AT = 700;
/** Templates the worker keeps; files of further templates are analysed in the main thread. */
const MAX_TEMPLATES = 16;

interface Pending {
  resolve(record: IndexedRfc | undefined): void;
  reject(error: Error): void;
}

export class IndexWorkers implements IndexAnalyser {
  private worker: Worker | undefined;
  private failed = false;
  private nextSeq = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly templatesSent = new Set<string>();
  /** Files in the current scan, as the index said (scanning). */
  private scanFiles = 0;

  /** `script`: this server's own bundle, which runs the worker when started as one. */
  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
    private readonly startAt = START_AT,
  ) {}

  /** Whether a second core is there to use. */
  static useful(): boolean {
    return availableParallelism() > 1;
  }

  scanning(files: number): void {
    this.scanFiles = files;
  }

  offer(job: IndexJob, template: TemplateModel): Promise<IndexedRfc | undefined> | undefined {
    if (this.failed || this.pending.size >= MAX_IN_FLIGHT) return undefined;
    if (!this.worker && this.scanFiles < this.startAt) return undefined;
    if (!this.templatesSent.has(template.id) && this.templatesSent.size >= MAX_TEMPLATES) return undefined;
    const worker = this.started();
    if (!worker) return undefined;
    if (!this.templatesSent.has(template.id)) {
      this.templatesSent.add(template.id);
      worker.postMessage({ template: { id: template.id, text: template.text } } satisfies ToIndexWorker);
    }
    const seq = this.nextSeq++;
    if (this.pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      worker.postMessage({ seq, templateId: template.id, job } satisfies ToIndexWorker);
    });
  }

  /** Stops the worker (the process's exit needs no call: an idle worker does not keep it alive). */
  dispose(): void {
    const worker = this.worker;
    this.stop('the server stopped it');
    void worker?.terminate();
  }

  private started(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = new Worker(this.script, { workerData: { role: INDEX_WORKER_ROLE } });
      worker.on('message', (message: FromIndexWorker) => this.answered(message));
      worker.on('error', (error) => this.stop(`the index worker failed: ${error.message}`));
      worker.on('exit', (code) => this.stop(`the index worker stopped (exit code ${code})`));
      // Idle, it keeps no process alive (ref'd only while files are out, see offer). After the
      // listeners: adding a 'message' listener refs the worker's port again.
      worker.unref();
      this.worker = worker;
      return worker;
    } catch (error) {
      this.stop(`the index worker could not start: ${(error as Error).message}`);
      return undefined;
    }
  }

  private answered(message: FromIndexWorker): void {
    const waiting = this.pending.get(message.seq);
    if (!waiting) return;
    this.pending.delete(message.seq);
    if (this.pending.size === 0) this.worker?.unref();
    if ('error' in message) waiting.reject(new Error(message.error));
    else waiting.resolve(message.record ?? undefined);
  }

  /** The worker is gone: what it had is analysed here (each offer's caller catches), and nothing more goes to it. */
  private stop(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.worker = undefined;
    this.log(`Indexing continues in the main thread: ${reason}.`);
    const error = new Error(reason);
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
