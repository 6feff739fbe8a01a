/**
 * The workspace index: one small entry per RFC of the workspace folders (number, title,
 * status, completeness, mentions of other RFCs; never the text), for the cross-file rules,
 * cross-references, the RFC list and numbering. Every markdown file of the folders that is
 * an RFC by the service's test is in it; hidden and node_modules folders, binary files and
 * files over 32 MB are not. Open documents stand in for their files until closed. Kept
 * current by file events (a rename is a delete and a create; a deleted folder takes its
 * RFCs with it and starts a new scan) and by a new scan when settings, templates or
 * folders change. Scans read files through the injected file system, a few at a time,
 * yielding between files so requests are answered meanwhile.
 *
 * Why one file of more than 300 lines: one class whose state (disk records, the open
 * overlay, read tickets, pending rescans and the caches derived from them) must change
 * together; walking folders and reading records already live in indexScan.ts.
 */
import { applyFindingFilter, numberOf, workspaceFindings, type Finding, type Lifecycle, type RfcIndexEntry } from '../engine';
import type { ProjectFiles } from './files';
import { indexFolderOf, readRecord, walkMarkdown, type IndexedRfc, type RecordReader } from './indexScan';
import { canonical, isInside } from './uris';

export type { IndexedRfc } from './indexScan';

/** Work-done progress while indexing; any of it may be left out. */
export interface ProgressReporter {
  begin(title: string, percentage: number, message: string): void;
  report(percentage: number, message: string): void;
  done(): void;
}

/** What changed: `numbers` when an RFC came, went, or changed its number or file name (other RFCs' findings may change). */
export type IndexChangeListener = (change: { numbers: boolean }) => void;

/** A file event, as the editor reports it. */
export interface FileChange {
  uri: string;
  type: 'created' | 'changed' | 'deleted';
}

/** One RFC of the workspace index, as the RFC list shows it (rfc/listRfcs). */
export interface ListedRfc {
  uri: string;
  /** The RFC number from the metadata line (or the file name); absent when it has none. */
  number?: string;
  title: string;
  /** The Status line's value; absent when missing or still a placeholder. */
  status?: string;
  percent: number;
  /** How many problems the engine reports for it, the cross-file rules' included. */
  problems: number;
  /** Its lifecycle stage, read from its status as the rules read it; absent when unknown. */
  stage?: Exclude<Lifecycle, 'unknown'>;
}

export interface IndexHost {
  files: ProjectFiles;
  read: RecordReader;
  log(message: string): void;
  /** A new pause for one scan, awaited between files: it lets pending requests run (see timeSlices.ts). */
  newPause(): () => Promise<void>;
  /** A progress reporter for a scan, if the editor shows progress. */
  progress?(): Promise<ProgressReporter | undefined>;
  /** A scan is about to read this many files (an index worker is worth starting only for many). */
  scanning?(files: number): void;
}

/** Files read at the same time during a scan (and so, with an index worker, given to it: see node/indexWorkers.ts). */
const CONCURRENCY = 24;

export class WorkspaceIndex {
  private folders: string[] = [];
  /** The folders the last scan could read: only their RFCs get cross-file findings. */
  private indexedFolders = new Set<string>();
  private disk = new Map<string, IndexedRfc>();
  /** Open documents: their latest record (null: open and not an RFC) stands in for the disk. */
  private readonly open = new Map<string, IndexedRfc | null>();
  private ready = false;
  private scanning: Promise<void> | undefined;
  private rescanWanted = false;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  /** Files changed while a scan runs: read again once it is done. */
  private touched: Set<string> | undefined;
  /** Per file, the ticket of the newest read: an older read finishing later is dropped. */
  private readonly reads = new Map<string, number>();
  private tickets = 0;
  private merged: RfcIndexEntry[] | undefined;
  /** Per series, the numbers in use and their RFCs, until something changes (quick fixes ask on every cursor move). */
  private readonly numbersBySeries = new Map<string, { uri: string; number: string }[]>();
  /** Per file, whether it lies in a folder the last scan read (URI arithmetic once per file, not per request). */
  private readonly indexedCache = new Map<string, boolean>();
  private readonly listeners: IndexChangeListener[] = [];
  private scanned!: () => void;
  /** Settles when the first scan is done (or failed). */
  readonly firstScan = new Promise<void>((resolve) => (this.scanned = resolve));

  constructor(private readonly host: IndexHost) {}

  // ---- folders and scans -------------------------------------------------------------

  setFolders(folders: readonly string[]): void {
    this.folders = folders.map(canonical);
    this.indexedCache.clear();
  }

  /** The first scan, with progress. */
  start(): Promise<void> {
    return this.scan();
  }

  /** A new scan soon (settings, templates or folders changed); the old index serves until it is done. */
  rescan(): void {
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      if (this.scanning) this.rescanWanted = true;
      else void this.scan();
    }, 100);
  }

  onDidChange(listener: IndexChangeListener): void {
    this.listeners.push(listener);
  }

  /** Whether the first scan is done. */
  isReady(): boolean {
    return this.ready;
  }

  private scan(): Promise<void> {
    const run = async () => {
      this.touched = new Set();
      let reporter: ProgressReporter | undefined;
      try {
        reporter = await this.host.progress?.();
      } catch (error) {
        this.host.log(`No progress for indexing: ${(error as Error).message}`);
      }
      reporter?.begin('Indexing RFCs', 0, 'Looking for RFCs');
      try {
        const { files, listed: indexed } = await walkMarkdown(this.host.files, this.folders, undefined, this.host.log);
        files.sort();
        this.host.scanning?.(files.length);
        const fresh = new Map<string, IndexedRfc>();
        let next = 0;
        let done = 0;
        let reported = 0;
        let reportedAt = Date.now();
        const pause = this.host.newPause();
        const worker = async () => {
          while (next < files.length) {
            const file = files[next++];
            // An open document stands in for its file (and is read again when closed).
            const record = this.open.has(file) ? undefined : await this.read(file);
            if (record) fresh.set(file, record);
            done++;
            const percent = Math.floor((done / files.length) * 100);
            if (reporter && (percent - reported >= 5 || Date.now() - reportedAt > 250)) {
              reported = percent;
              reportedAt = Date.now();
              reporter.report(percent, `${done}/${files.length} files`);
            }
            // Analysis is synchronous: let requests and edits through between files.
            await pause();
          }
        };
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
        this.disk = fresh;
        this.indexedFolders = indexed;
        this.indexedCache.clear();
        this.ready = true;
        this.merged = undefined;
        this.numbersBySeries.clear();
        reporter?.report(100, `${fresh.size} RFC${fresh.size === 1 ? '' : 's'}`);
        const touched = this.touched;
        this.touched = undefined;
        for (const key of touched) void this.update(key);
        this.emit(true);
      } catch (error) {
        this.host.log(`Indexing the workspace failed: ${(error as Error).stack ?? String(error)}`);
      } finally {
        this.touched = undefined;
        reporter?.done();
        this.scanned();
      }
    };
    const scanning = run().finally(() => {
      this.scanning = undefined;
      if (this.rescanWanted) {
        this.rescanWanted = false;
        this.rescan();
      }
    });
    this.scanning = scanning;
    return scanning;
  }

  private read(uri: string): Promise<IndexedRfc | undefined> {
    if (!indexFolderOf(uri, this.folders)) return Promise.resolve(undefined);
    return readRecord(this.host.files, uri, async (u, text) => {
      try {
        return await this.host.read(u, text);
      } catch (error) {
        this.host.log(`Indexing ${u} failed: ${(error as Error).stack ?? String(error)}`);
        return undefined;
      }
    });
  }

  // ---- changes -----------------------------------------------------------------------

  /** Files created, changed or deleted. */
  filesChanged(changes: readonly FileChange[]): void {
    for (const change of changes) {
      const uri = canonical(change.uri);
      if (/\.md$/i.test(uri)) {
        if (indexFolderOf(uri, this.folders)) void this.update(uri);
      } else if (change.type === 'deleted') {
        // A deleted folder is reported alone, not file by file; a renamed one too (its new
        // name is not reported at all): drop its RFCs and look again.
        let had = false;
        for (const known of [...this.disk.keys()]) {
          if (known !== uri && isInside(known, uri)) {
            had = true;
            void this.update(known);
          }
        }
        if (had) this.rescan();
      }
    }
  }

  /** Reads one file again and updates its record. */
  private async update(uri: string): Promise<void> {
    this.touched?.add(uri);
    const ticket = ++this.tickets;
    this.reads.set(uri, ticket);
    const record = await this.read(uri);
    if (this.reads.get(uri) !== ticket) return;
    this.reads.delete(uri);
    const before = this.current(uri);
    if (record) this.disk.set(uri, record);
    else this.disk.delete(uri);
    this.changed(uri, before);
  }

  /** An open document was analysed: its record (null: not an RFC) stands in for the file. */
  documentAnalysed(uri: string, record: IndexedRfc | null): void {
    const key = canonical(uri);
    if (!indexFolderOf(key, this.folders)) return;
    const before = this.current(key);
    this.open.set(key, record);
    this.changed(key, before);
  }

  /** An open document was closed: the file counts again. */
  documentClosed(uri: string): void {
    const key = canonical(uri);
    if (!this.open.has(key)) return;
    const before = this.current(key);
    this.open.delete(key);
    this.changed(key, before);
    void this.update(key);
  }

  private changed(key: string, before: IndexedRfc | undefined): void {
    this.merged = undefined;
    this.numbersBySeries.clear();
    const after = this.current(key);
    const numbers = signature(before) !== signature(after);
    if (numbers || listing(before) !== listing(after)) this.emit(numbers);
  }

  private emit(numbers: boolean): void {
    for (const listener of this.listeners) listener({ numbers });
  }

  private current(key: string): IndexedRfc | undefined {
    return this.open.has(key) ? (this.open.get(key) ?? undefined) : this.disk.get(key);
  }

  // ---- reading -----------------------------------------------------------------------

  /** Every RFC, open ones as edited; the same array until something changes. */
  all(): readonly RfcIndexEntry[] {
    if (!this.merged) this.merged = [...this.records()].map(([, r]) => r.entry);
    return this.merged;
  }

  /** The RFCs of the folders the last scan read: disk records, open documents standing in for theirs. */
  private *records(): Iterable<[string, IndexedRfc]> {
    for (const [key, record] of this.disk) if (!this.open.has(key) && this.isIndexed(key)) yield [key, record];
    for (const [key, record] of this.open) if (record && this.isIndexed(key)) yield [key, record];
  }

  /**
   * The cross-file findings of an RFC (its entry, under its filter), once the first scan is
   * done and when it is in a folder the scan could read.
   */
  crossFileFindings(entry: RfcIndexEntry, filter: IndexedRfc['filter']): Finding[] {
    if (!this.crossFileChecked(canonical(entry.uri))) return [];
    return applyFindingFilter(workspaceFindings(entry, this.all()), filter);
  }

  /** Whether cross-file findings are given for this file. */
  crossFileChecked(uri: string): boolean {
    return this.ready && this.isIndexed(uri);
  }

  private isIndexed(key: string): boolean {
    let indexed = this.indexedCache.get(key);
    if (indexed === undefined) {
      const folder = indexFolderOf(key, this.folders);
      indexed = folder !== undefined && this.indexedFolders.has(folder);
      if (this.indexedCache.size > 100_000) this.indexedCache.clear();
      this.indexedCache.set(key, indexed);
    }
    return indexed;
  }

  /** The RFCs for a list, sorted by number then title. */
  list(): ListedRfc[] {
    const all = this.all();
    const items: ListedRfc[] = [];
    for (const [key, record] of this.records()) {
      const { entry } = record;
      const cross = this.crossFileChecked(key) ? applyFindingFilter(workspaceFindings(entry, all), record.filter).length : 0;
      const item: ListedRfc = { uri: entry.uri, title: entry.title, percent: entry.percent, problems: record.problems + cross };
      const number = numberOf(entry);
      if (number !== undefined) item.number = number;
      if (entry.status !== undefined) item.status = entry.status;
      if (record.filter.lifecycle !== 'unknown') item.stage = record.filter.lifecycle;
      items.push(item);
    }
    return items.sort(
      (a, b) => (a.number ?? '\uffff').localeCompare(b.number ?? '\uffff', undefined, { numeric: true }) || a.title.localeCompare(b.title) || (a.uri < b.uri ? -1 : 1),
    );
  }

  /** Numbers in use by RFCs of a series (their numbers and file name numbers), but the one at `exceptUri`. */
  takenNumbers(series: string | undefined, exceptUri?: string): string[] {
    let numbers = this.numbersBySeries.get(series ?? '');
    if (!numbers) {
      numbers = [];
      for (const [key, { entry }] of this.records()) {
        if (entry.series !== series) continue;
        if (entry.number !== undefined) numbers.push({ uri: key, number: entry.number });
        if (entry.fileNumber !== undefined) numbers.push({ uri: key, number: entry.fileNumber });
      }
      this.numbersBySeries.set(series ?? '', numbers);
    }
    const except = exceptUri === undefined ? undefined : canonical(exceptUri);
    return numbers.filter((n) => n.uri !== except).map((n) => n.number);
  }
}

/** What other RFCs' findings depend on: the RFC's numbers and name. */
function signature(record: IndexedRfc | undefined): string {
  if (!record) return '';
  const { entry } = record;
  return JSON.stringify([entry.fileName, entry.number, entry.fileNumber, entry.series]);
}

/** What the RFC list shows of it. */
function listing(record: IndexedRfc | undefined): string {
  if (!record) return '';
  const { entry } = record;
  return JSON.stringify([entry.title, entry.status, entry.percent, record.problems, record.filter.lifecycle]);
}
