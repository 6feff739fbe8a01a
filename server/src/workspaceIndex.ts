/**
 * The workspace index: one small entry per RFC of the workspace folders (number, title,
 * status, completeness, mentions of other RFCs; never the text), for the cross-file rules
 * (`duplicate-number`, `number-mismatch`, `unknown-reference`), links, hover, definition,
 * references, workspace symbols, the RFC list and New RFC numbering.
 *
 * Which files: every markdown file under a workspace folder on the local disk, skipping
 * `node_modules` and hidden folders (`.git`, `.vscode`, `.rfc`, …), that is an RFC by the
 * same test as an open document: it matches the `rfc.files` globs, or it looks like an RFC
 * of its template (the title prefix, `RFC:`, or the template's first metadata line,
 * `**RFC Number**:`). Team templates are not RFCs. Binary files and files over 32 MB are
 * skipped.
 *
 * Kept current by `workspace/didChangeWatchedFiles` (a rename arrives as a delete and a
 * create; a deleted folder takes its RFCs with it and starts a new scan), by open
 * documents (their latest analysis stands in for the disk until they are closed) and by a
 * new scan when settings, templates or workspace folders change.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import {
  FileChangeType,
  type Connection,
  type FileEvent,
  type ServerCapabilities,
  type TextDocuments,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { DocumentAnalyses, DocumentAnalysis } from './documentAnalyses';
import {
  analyzeDocument,
  applyFindingFilter,
  findingFilterOf,
  indexEntryOf,
  numberOf,
  workspaceFindings,
  workspaceView,
  type Analysis,
  type Finding,
  type FindingFilter,
  type RfcIndexEntry,
  type TemplateModel,
} from './engine';
import { definition, documentLinks, references, workspaceSymbols, type CrossReferenceContext } from './features/crossReferences';
import type { NumberSource } from './newRfc/newRfc';
import { IndexChangedNotification, ListRfcsRequest, type RfcListEntry, type RfcSettings } from './protocol';
import { analysisOptionsOf } from './settings';

/** What the index keeps of one RFC. */
export interface IndexedRfc {
  entry: RfcIndexEntry;
  /** Its suppression comments, rule settings and lifecycle, for the cross-file findings. */
  filter: FindingFilter;
  /** How many findings its own analysis has (after settings), the cross-file ones not counted. */
  problems: number;
}

export interface WorkspaceIndexHost {
  /** The settings of a file or folder (VS Code's over `.rfcrc.json`). */
  settings(uri: string): Promise<RfcSettings>;
  template(uri: string, settings: RfcSettings): Promise<TemplateModel>;
  isTemplate(uri: string, settings: RfcSettings): boolean;
  matchesRfcFiles(uri: string, settings: RfcSettings): boolean;
  /** A work-done progress reporter: a silent one when the client shows no progress. */
  progress(): Promise<Pick<WorkDoneProgressServerReporter, 'begin' | 'report' | 'done'>>;
  log(message: string): void;
}

/** What changed: `numbers` when an RFC came, went, or changed its number or file name (other RFCs' findings may change). */
export type IndexChangeListener = (change: { numbers: boolean }) => void;

/** Files larger than this are not indexed (as rfc-lint skips them): no RFC is this long. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** At most this many markdown files are read per scan; the rest are left out (and logged). */
const MAX_FILES = 20_000;
/** Enough of a file to tell whether an RFC starts there (title and metadata). */
const HEAD_CHARS = 8 * 1024;
/** Files read at the same time during a scan. */
const CONCURRENCY = 8;

/** Folders never looked into: dependencies and hidden folders (`.git`, `.vscode`, `.rfc` templates). */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

export class WorkspaceIndex {
  /** File-system paths of the workspace folders on the local disk. */
  private folders: string[] = [];
  /** The folders the last scan could read: only their RFCs get cross-file findings. */
  private indexedFolders = new Set<string>();
  private disk = new Map<string, IndexedRfc>();
  /** Open documents by key: their latest analysis (null: open and not an RFC) stands in for the disk. */
  private readonly open = new Map<string, IndexedRfc | null>();
  private ready = false;
  private scanning: Promise<void> | undefined;
  private rescanWanted = false;
  private rescanTimer: NodeJS.Timeout | undefined;
  /** Keys changed on disk while a scan runs: read again once it is done. */
  private touched: Set<string> | undefined;
  /** Per key, the ticket of the newest read: an older read finishing later is dropped. */
  private readonly reads = new Map<string, number>();
  private tickets = 0;
  private folderSettings = new Map<string, Promise<RfcSettings>>();
  private merged: RfcIndexEntry[] | undefined;
  /** Numbers New RFC handed out this session, per series: their files may not be written yet. */
  private readonly handedOut = new Map<string, Set<string>>();
  private readonly entries = new WeakMap<Analysis, RfcIndexEntry>();
  private readonly listeners: IndexChangeListener[] = [];
  /** Per open document, the cross-file findings last published (JSON). */
  private readonly published = new Map<string, string>();
  private scanned!: () => void;
  /** Settles when the first scan is done (or failed). */
  private readonly firstScan = new Promise<void>((resolve) => (this.scanned = resolve));

  constructor(private readonly host: WorkspaceIndexHost) {}

  // ---- folders and scans -------------------------------------------------------------

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(localPath).filter((p): p is string => p !== undefined);
  }

  updateFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map(localPath));
    const kept = this.folders.filter((f) => !gone.has(f));
    this.folders = [...kept, ...added.map(localPath).filter((p): p is string => p !== undefined && !kept.includes(p))];
    this.rescan();
  }

  /** The first scan, with progress (call once the client is initialized). */
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

  private scan(): Promise<void> {
    const run = async () => {
      this.touched = new Set();
      this.folderSettings.clear();
      let reporter: Awaited<ReturnType<WorkspaceIndexHost['progress']>> | undefined;
      try {
        reporter = await this.host.progress();
      } catch (error) {
        this.host.log(`No progress for indexing: ${(error as Error).message}`);
      }
      reporter?.begin('Indexing RFCs', 0, 'Looking for RFCs', false);
      try {
        const indexed = new Set<string>();
        const files: string[] = [];
        for (const folder of this.folders) if (await this.walk(folder, files)) indexed.add(folder);
        files.sort();
        const fresh = new Map<string, IndexedRfc>();
        let next = 0;
        let done = 0;
        let reported = 0;
        let reportedAt = performance.now();
        const worker = async () => {
          while (next < files.length) {
            const file = files[next++];
            const record = await this.read(file);
            if (record) fresh.set(file, record);
            done++;
            const percent = Math.floor((done / files.length) * 100);
            if (reporter && (percent - reported >= 5 || performance.now() - reportedAt > 250)) {
              reported = percent;
              reportedAt = performance.now();
              reporter.report(percent, `${done}/${files.length} files`);
            }
            // Analysis is synchronous: let requests and edits through between files.
            await new Promise((resolve) => setImmediate(resolve));
          }
        };
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker));
        this.disk = fresh;
        this.indexedFolders = indexed;
        this.ready = true;
        this.merged = undefined;
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

  /** Collects the markdown files of a folder; false when the folder cannot be read. */
  private async walk(folder: string, into: string[]): Promise<boolean> {
    try {
      if (!(await stat(folder)).isDirectory()) return false;
    } catch {
      return false;
    }
    const stack = [folder];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      let children;
      try {
        children = await readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const child of children) {
        // Symbolic links are not followed: they may lead outside the folder or in circles.
        if (child.isDirectory()) {
          if (!isSkippedFolder(child.name)) stack.push(path.join(dir, child.name));
        } else if (child.isFile() && /\.md$/i.test(child.name)) {
          if (into.length >= MAX_FILES) {
            this.host.log(`The workspace has more than ${MAX_FILES} markdown files; the others are not indexed.`);
            return true;
          }
          into.push(path.join(dir, child.name));
        }
      }
    }
    return true;
  }

  /** Reads and analyses one file: its record when it is an RFC of an indexable place. */
  private async read(file: string): Promise<IndexedRfc | undefined> {
    const folder = this.folderOf(file);
    if (!folder) return undefined;
    let bytes: Buffer;
    try {
      const info = await stat(file);
      if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
      bytes = await readFile(file);
    } catch {
      return undefined;
    }
    if (bytes.subarray(0, 8192).includes(0)) return undefined;
    const text = new TextDecoder('utf-8').decode(bytes);
    const uri = URI.file(file).toString();
    try {
      const settings = await this.settingsOf(folder);
      if (this.host.isTemplate(uri, settings)) return undefined;
      const template = await this.host.template(uri, settings);
      const byPath = this.host.matchesRfcFiles(uri, settings);
      if (!byPath && text.length > HEAD_CHARS) {
        // Most markdown files are no RFCs: their first lines tell, without analysing the rest.
        const cut = text.lastIndexOf('\n', HEAD_CHARS);
        if (!analyzeDocument(text.slice(0, cut > 0 ? cut + 1 : HEAD_CHARS), template).looksLikeRfc) return undefined;
      }
      const analysis = analyzeDocument(text, template, analysisOptionsOf(settings));
      if (!byPath && !analysis.looksLikeRfc) return undefined;
      return { entry: indexEntryOf(uri, path.basename(file), analysis), filter: findingFilterOf(analysis, settings.rules), problems: analysis.findings.length };
    } catch (error) {
      this.host.log(`Indexing ${file} failed: ${(error as Error).stack ?? String(error)}`);
      return undefined;
    }
  }

  private settingsOf(folder: string): Promise<RfcSettings> {
    let settings = this.folderSettings.get(folder);
    if (!settings) {
      settings = this.host.settings(URI.file(folder).toString());
      this.folderSettings.set(folder, settings);
    }
    return settings;
  }

  /** The innermost workspace folder holding the path, unless the path is in a skipped folder. */
  private folderOf(file: string): string | undefined {
    const folder = this.folders.filter((f) => isInside(file, f)).sort((a, b) => b.length - a.length)[0];
    if (!folder) return undefined;
    const parts = path.relative(folder, file).split(path.sep);
    return parts.slice(0, -1).some(isSkippedFolder) ? undefined : folder;
  }

  // ---- changes -----------------------------------------------------------------------

  /** Files created, changed or deleted on disk (`workspace/didChangeWatchedFiles`). */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      const key = keyOf(change.uri);
      if (!path.isAbsolute(key)) continue;
      if (/\.md$/i.test(key)) {
        if (this.folderOf(key)) void this.update(key);
      } else if (change.type === FileChangeType.Deleted) {
        // A deleted folder is reported alone, not file by file; a renamed one too (its new
        // name is not reported at all): drop its RFCs and look again.
        const prefix = key + path.sep;
        let had = false;
        for (const known of [...this.disk.keys()]) {
          if (known.startsWith(prefix)) {
            had = true;
            void this.update(known);
          }
        }
        if (had) this.rescan();
      }
    }
  }

  /** Reads one file again and updates its record. */
  private async update(key: string): Promise<void> {
    this.touched?.add(key);
    const ticket = ++this.tickets;
    this.reads.set(key, ticket);
    const record = await this.read(key);
    if (this.reads.get(key) !== ticket) return;
    this.reads.delete(key);
    const before = this.current(key);
    if (record) this.disk.set(key, record);
    else this.disk.delete(key);
    this.changed(key, before);
  }

  /** An open document was analysed: its analysis stands in for the file on disk. */
  documentAnalysed(result: DocumentAnalysis): void {
    const key = keyOf(result.uri);
    if (!this.inFolders(key)) return;
    const before = this.current(key);
    this.open.set(
      key,
      result.isRfc
        ? { entry: this.entryOf(result), filter: findingFilterOf(result.analysis, result.settings.rules), problems: result.analysis.findings.length }
        : null,
    );
    this.changed(key, before);
  }

  /** An open document was closed: the file on disk counts again. */
  documentClosed(uri: string): void {
    this.published.delete(uri);
    const key = keyOf(uri);
    if (!this.open.has(key)) return;
    const before = this.current(key);
    this.open.delete(key);
    this.changed(key, before);
    if (path.isAbsolute(key)) void this.update(key);
  }

  private changed(key: string, before: IndexedRfc | undefined): void {
    this.merged = undefined;
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

  private inFolders(key: string): boolean {
    return path.isAbsolute(key) && this.folderOf(key) !== undefined;
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

  /** The index entry of an open document's analysis (cached per analysis). */
  entryOf(result: DocumentAnalysis): RfcIndexEntry {
    let entry = this.entries.get(result.analysis);
    if (!entry) {
      entry = indexEntryOf(result.uri, fileNameOf(result.uri), result.analysis);
      this.entries.set(result.analysis, entry);
    }
    return entry;
  }

  /** What the cross-reference features of an open document read. */
  context(result: DocumentAnalysis): CrossReferenceContext {
    return { entry: this.entryOf(result), view: workspaceView(this.all()), ready: this.ready };
  }

  /**
   * An open document's findings with the cross-file ones, sorted by position. Cross-file
   * findings come once the first scan is done, for RFCs in a workspace folder it could read.
   */
  findingsOf(result: DocumentAnalysis): readonly Finding[] {
    const own = result.analysis.findings;
    const extra = this.crossFileFindings(result);
    return extra.length === 0 ? own : [...own, ...extra].sort(byPosition);
  }

  /** findingsOf for a publish: remembers the cross-file findings sent, so crossFileChanged can tell. */
  findingsToPublish(result: DocumentAnalysis): readonly Finding[] {
    this.published.set(result.uri, JSON.stringify(this.crossFileFindings(result)));
    return this.findingsOf(result);
  }

  /** Whether the document's cross-file findings differ from those last published (then publish it again). */
  crossFileChanged(result: DocumentAnalysis): boolean {
    return (this.published.get(result.uri) ?? '[]') !== JSON.stringify(this.crossFileFindings(result));
  }

  private crossFileFindings(result: DocumentAnalysis): Finding[] {
    if (!result.isRfc || !this.crossFileChecked(keyOf(result.uri))) return [];
    return applyFindingFilter(workspaceFindings(this.entryOf(result), this.all()), findingFilterOf(result.analysis, result.settings.rules));
  }

  private crossFileChecked(key: string): boolean {
    return this.ready && this.isIndexed(key);
  }

  /** In a workspace folder the last scan could read (a folder not on the local disk has no index). */
  private isIndexed(key: string): boolean {
    if (!path.isAbsolute(key)) return false;
    const folder = this.folderOf(key);
    return folder !== undefined && this.indexedFolders.has(folder);
  }

  /** The RFCs for the RFCs view, sorted by number then title. */
  list(): RfcListEntry[] {
    const all = this.all();
    const items: RfcListEntry[] = [];
    for (const [key, record] of this.records()) {
      const { entry } = record;
      const cross = this.crossFileChecked(key) ? applyFindingFilter(workspaceFindings(entry, all), record.filter).length : 0;
      const item: RfcListEntry = { uri: entry.uri, title: entry.title, percent: entry.percent, problems: record.problems + cross };
      const number = numberOf(entry);
      if (number !== undefined) item.number = number;
      if (entry.status !== undefined) item.status = entry.status;
      items.push(item);
    }
    return items.sort(
      (a, b) => (a.number ?? '\uffff').localeCompare(b.number ?? '\uffff', undefined, { numeric: true }) || a.title.localeCompare(b.title) || (a.uri < b.uri ? -1 : 1),
    );
  }

  /** Numbers in use by RFCs of a series (numbers and file name numbers), but the one at `exceptUri`, and those handed out. */
  takenNumbers(series: string | undefined, exceptUri?: string): string[] {
    const except = exceptUri === undefined ? undefined : keyOf(exceptUri);
    const taken: string[] = [];
    for (const [key, { entry }] of this.records()) {
      if (key === except || entry.series !== series) continue;
      if (entry.number !== undefined) taken.push(entry.number);
      if (entry.fileNumber !== undefined) taken.push(entry.fileNumber);
    }
    taken.push(...(this.handedOut.get(series ?? '') ?? []));
    return taken;
  }

  /**
   * New RFC's numbers: the index's and those handed out this session, once the first scan
   * is done (a number handed out before would not know the workspace's RFCs), or after
   * `waitMs` at most.
   */
  async numberSource(waitMs = 30_000): Promise<NumberSource> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.firstScan, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    return {
      taken: (series) => this.takenNumbers(series),
      handedOut: (series, number) => {
        const key = series ?? '';
        const set = this.handedOut.get(key) ?? new Set<string>();
        set.add(number);
        this.handedOut.set(key, set);
      },
    };
  }
}

/** The capabilities the workspace index adds to the server's. */
export const workspaceIndexCapabilities: ServerCapabilities = {
  documentLinkProvider: { resolveProvider: false },
  definitionProvider: true,
  referencesProvider: true,
  workspaceSymbolProvider: true,
};

/** How long to wait before re-publishing open documents after the index changed (a burst of changes costs one). */
const REPUBLISH_MS = 50;
/** `rfc/indexChanged` is sent at most this often. */
const NOTIFY_MS = 300;

/**
 * Connects the index to the LSP connection: the cross-reference requests, `rfc/listRfcs`,
 * `rfc/indexChanged`, re-publishing the open documents when numbers change, and closing.
 * `publish` sends an open document's diagnostics (cross-file findings included).
 */
export function connectWorkspaceIndex(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyses: DocumentAnalyses,
  index: WorkspaceIndex,
  publish: (result: DocumentAnalysis) => void,
): void {
  let republishTimer: NodeJS.Timeout | undefined;
  let notifyTimer: NodeJS.Timeout | undefined;
  index.onDidChange(({ numbers }) => {
    if (numbers && !republishTimer) {
      republishTimer = setTimeout(() => {
        republishTimer = undefined;
        for (const document of documents.all()) {
          void analyses.current(document.uri).then((result) => {
            // Only the version the client has now (a newer publish may be on its way), and only
            // when its cross-file findings changed.
            if (result && result.version === documents.get(document.uri)?.version && index.crossFileChanged(result)) publish(result);
          });
        }
      }, REPUBLISH_MS);
    }
    if (!notifyTimer) {
      notifyTimer = setTimeout(() => {
        notifyTimer = undefined;
        void connection.sendNotification(IndexChangedNotification.method);
      }, NOTIFY_MS);
    }
  });
  documents.onDidClose((e) => index.documentClosed(e.document.uri));

  const contextOf = async (uri: string) => {
    const result = await analyses.current(uri);
    return result?.isRfc ? index.context(result) : undefined;
  };
  connection.onDocumentLinks(async (params) => {
    const context = await contextOf(params.textDocument.uri);
    return context ? documentLinks(context) : [];
  });
  connection.onDefinition(async (params) => {
    const context = await contextOf(params.textDocument.uri);
    return context ? definition(context, params.position) : null;
  });
  connection.onReferences(async (params) => {
    const context = await contextOf(params.textDocument.uri);
    return context ? references(context, params.position, params.context.includeDeclaration) : null;
  });
  connection.onWorkspaceSymbol((params) => workspaceSymbols(workspaceView(index.all()), params.query));
  connection.onRequest(ListRfcsRequest.type, () => ({ rfcs: index.list() }));
}

/** The map key of a document: its normalised file-system path, or the URI for other schemes. */
function keyOf(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? path.normalize(parsed.fsPath) : uri;
}

function localPath(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? path.normalize(parsed.fsPath).replace(/[\\/]+$/, '') || path.sep : undefined;
}

function fileNameOf(uri: string): string {
  const name = URI.parse(uri).path.split('/').pop() ?? '';
  return name === '' ? uri : name;
}

/** The path is the folder or inside it (by path segments: `/ws2` is not in `/ws`). */
function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
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
  return JSON.stringify([entry.title, entry.status, entry.percent, record.problems]);
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
