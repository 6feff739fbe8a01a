/**
 * The project service: what a workspace of RFCs is, once, for the language server and
 * rfc-lint alike (and the browser next). Created with what it may use, as
 * vscode-markdown-languageservice's `createLanguageService({ workspace, ... })` is:
 *
 * - `files`: the file system (read, stat, list, real locations), never reached otherwise;
 * - `openDocument`: the editor's text of open documents;
 * - `editorSettings`: the editor's `rfc` settings for a document;
 * - trust (`setTrusted`) and a log.
 *
 * It owns: which settings each document follows (the nearest `.rfcrc.json` under the
 * editor's), which template (and the trust boundary), whether a document is an RFC, the
 * workspace index with the cross-file findings, and numbering.
 *
 * Why one file of more than 300 lines: it is the one façade both adapters call; each method
 * is a few lines delegating to configs.ts, templateStore.ts, classify.ts, workspaceIndex.ts
 * or numbering.ts, and splitting it would only split the list of what the service offers.
 */
import { analyzeDocument, findingFilterOf, indexEntryOf, type Analysis, type Finding, type FixContext, type RfcIndexEntry, type TemplateModel } from '../engine';
import { isRfc, matchesRfcFiles } from './classify';
import { PROJECT_CONFIG_FILE } from './config';
import { ConfigResolver, type FoundConfig } from './configs';
import { documentSettings, type DocumentSettings } from './documentSettings';
import type { ProjectFiles } from './files';
import { Numbering } from './numbering';
import { ProblemRegistry, type FileProblem } from './problems';
import { analysisOptionsOf, sanitize } from './settings';
import { TemplateStore } from './templateStore';
import { timeSlicer } from './timeSlices';
import { TrustBoundary } from './trust';
import { basename, canonical, displayPath, folderUri, innermostFolder, parentOf } from './uris';
import { fileNameOf, indexRecordOf, recordOf, type IndexAnalyser, type IndexJob } from './indexRecord';
import { WorkspaceIndex, type FileChange, type IndexedRfc, type ProgressReporter } from './workspaceIndex';

export interface ProjectHost {
  files: ProjectFiles;
  /** The built-in template (bundled with the adapter: it is a markdown file the bundler inlines). */
  builtInTemplate(): TemplateModel;
  /** The editor's text of an open document (it stands in for the file; a template open is read from there). */
  openDocument(uri: string): { text: string; version: number } | undefined;
  /** The editor's raw `rfc` settings for a document (sanitised here); undefined: the defaults. */
  editorSettings(uri: string): Promise<unknown>;
  log: { error(message: string): void; info(message: string): void };
  /** The problems of a template or configuration file changed (re-publish its diagnostics and the RFCs that use it). */
  problemsChanged?(uri: string): void;
  /** Lets pending requests run between files of a scan; default: a zero timeout. */
  yieldNow?(): Promise<void>;
  /** No requests wait on this process (rfc-lint): long work (a very large template) runs without pauses. */
  batch?: boolean;
  progress?(): Promise<ProgressReporter | undefined>;
  /** One configuration file for every document instead of the nearest (rfc-lint --config). */
  configFile?: string;
  /**
   * Where the search for the nearest `.rfcrc.json` stops when not at the document's workspace
   * folder (rfc-lint run in a subfolder of a repository: the repository's root).
   */
  configRoot?: string;
  /** One template for every document (rfc-lint --template). */
  templateFile?: string;
  /**
   * How much of a file the index reads: all of it (the editor lists completeness and
   * problems), or only its head up to the first `##` section, enough for numbers, titles
   * and statuses (rfc-lint compares its checked files with the others).
   */
  indexDepth?: 'full' | 'head';
  /** Analyses files of the index elsewhere (the Node server's worker thread), as far as it will. */
  indexAnalyser?: IndexAnalyser;
}

/** A document analysed as the project sees it. */
export interface ProjectAnalysis {
  uri: string;
  analysis: Analysis;
  settings: DocumentSettings;
  /** A template file itself is never an RFC. */
  isTemplate: boolean;
  isRfc: boolean;
}

export class ProjectService {
  readonly index: WorkspaceIndex;
  readonly problems: ProblemRegistry;
  private readonly trust: TrustBoundary;
  private readonly configs: ConfigResolver;
  private readonly templates: TemplateStore;
  private readonly numbering: Numbering;
  private folders: string[] = [];
  private readonly entries = new WeakMap<Analysis, RfcIndexEntry>();
  /**
   * One settings object per configuration file, workspace folder and editor settings, until
   * something changes: what is derived from settings (the template, which files are
   * templates) is cached with the object, so documents sharing settings share the work.
   */
  private readonly settingsCache = new Map<string, DocumentSettings>();

  constructor(private readonly host: ProjectHost) {
    this.problems = new ProblemRegistry({ error: host.log.error, info: host.log.info, changed: (uri) => host.problemsChanged?.(uri) });
    this.trust = new TrustBoundary(host.files);
    this.configs = new ConfigResolver(host.files, this.trust, this.problems);
    const yieldNow = host.yieldNow ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    // Long work (a large template, an index scan) pauses for requests, unless nobody waits (rfc-lint).
    const newPause = () => (host.batch ? () => Promise.resolve() : timeSlicer(yieldNow));
    this.templates = new TemplateStore(host.files, this.trust, this.problems, host.builtInTemplate, (uri) => host.openDocument(uri), host.log.error, newPause);
    this.index = new WorkspaceIndex({
      files: host.files,
      read: (uri, text) => this.readRecord(uri, text),
      log: host.log.error,
      newPause,
      progress: host.progress,
      scanning: (files) => host.indexAnalyser?.scanning?.(files),
    });
    this.numbering = new Numbering(this.index, host.files, this.trust);
  }

  // ---- the workspace -----------------------------------------------------------------

  setFolders(uris: readonly string[]): void {
    this.folders = uris.map(folderUri).map(canonical);
    this.trust.setFolders(this.folders);
    this.index.setFolders(this.folders);
    this.forget();
  }

  updateFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map((u) => canonical(folderUri(u))));
    const kept = this.folders.filter((f) => !gone.has(f));
    this.setFolders([...kept, ...added.map((u) => canonical(folderUri(u))).filter((f) => !kept.includes(f))]);
    this.index.rescan();
  }

  workspaceFolders(): readonly string[] {
    return this.folders;
  }

  /** Returns true when trust changed (every document then needs a new analysis). */
  setTrusted(trusted: boolean): boolean {
    if (!this.trust.setTrusted(trusted)) return false;
    this.forget();
    return true;
  }

  /**
   * Files changed on disk. Returns true when a template or `.rfcrc.json` that matters (or
   * could, once created) is among them: documents then need a new analysis, and the index
   * a new scan.
   */
  filesChanged(changes: readonly FileChange[]): boolean {
    const settingsChanged = changes.some((c) => this.affectsSettings(canonical(c.uri)));
    if (settingsChanged) this.forget(changes.map((c) => canonical(c.uri)));
    this.index.filesChanged(changes);
    if (settingsChanged) this.index.rescan();
    return settingsChanged;
  }

  /** An open document changed, opened or closed: true when it is a template in use (documents need a new analysis). */
  documentChanged(uri: string): boolean {
    if (!this.templates.consulted.has(canonical(uri))) return false;
    this.templates.forget();
    return true;
  }

  /** The editor's settings changed: every document's settings and template are found again. */
  settingsChanged(): void {
    this.forget();
    this.index.rescan();
  }

  private affectsSettings(uri: string): boolean {
    const name = basename(uri);
    return (
      this.templates.consulted.has(uri) ||
      this.configs.consulted.has(uri) ||
      name === PROJECT_CONFIG_FILE ||
      name === '0000-template.md' ||
      (name === 'template.md' && basename(parentOf(uri)) === '.rfc')
    );
  }

  private forget(changed: readonly string[] = []): void {
    this.settingsCache.clear();
    this.configs.forget();
    this.templates.forget(changed);
  }

  // ---- one document ------------------------------------------------------------------

  /** The workspace folder a document belongs to (innermost), else the first one. */
  folderOf(uri: string): string | undefined {
    return innermostFolder(uri, this.folders) ?? this.folders[0];
  }

  /** The innermost workspace folder holding the URI; undefined outside them all (no fallback). */
  workspaceFolderOf(uri: string): string | undefined {
    return innermostFolder(uri, this.folders);
  }

  /** The settings a document follows: the editor's over the nearest `.rfcrc.json`'s. */
  async settingsFor(uri: string): Promise<DocumentSettings> {
    const folder = this.folderOf(uri);
    const raw = await this.host.editorSettings(uri);
    const found = await this.configOf(uri, folder);
    const key = `${found?.uri ?? ''}\n${folder ?? parentOf(uri)}\n${raw === undefined ? '' : JSON.stringify(raw)}`;
    const known = this.settingsCache.get(key);
    if (known) return known;
    if (this.settingsCache.size >= 1000) this.settingsCache.clear();
    const settings = documentSettings(sanitize(raw), found, folder ?? parentOf(uri));
    if (this.host.templateFile) {
      // One template for all: named by URI, chosen before any setting.
      settings.values = { ...settings.values, template: displayPath(this.host.templateFile), templates: {} };
      settings.bases = { ...settings.bases, template: parentOf(this.host.templateFile) };
      settings.templateSource = '--template';
    }
    this.settingsCache.set(key, settings);
    return settings;
  }

  private async configOf(uri: string, folder: string | undefined): Promise<FoundConfig | undefined> {
    if (this.host.configFile) {
      const found = await this.configs.explicit(this.host.configFile);
      return 'error' in found ? undefined : found;
    }
    const root = this.host.configRoot ?? folder;
    return root ? this.configs.nearest(canonical(uri), root) : undefined;
  }

  /** The template a document follows under its settings. */
  templateFor(uri: string | undefined, settings: DocumentSettings): Promise<TemplateModel> {
    return this.templates.templateFor(uri === undefined ? undefined : canonical(uri), settings);
  }

  /** The template file a document is checked against (undefined: the built-in one, also when the chosen one cannot be used), for reports. */
  async templateFileOf(uri: string | undefined, settings: DocumentSettings): Promise<string | undefined> {
    const choice = await this.templates.choose(uri === undefined ? undefined : canonical(uri), settings);
    return choice && !('error' in (await this.templates.load(choice))) ? choice.uri : undefined;
  }

  /** A template file chosen for a document, loaded, or why it cannot be used. */
  async loadTemplate(uri: string | undefined, settings: DocumentSettings): Promise<TemplateModel | { error: string; source: string; uri: string }> {
    const choice = await this.templates.choose(uri === undefined ? undefined : canonical(uri), settings);
    if (!choice) return this.host.builtInTemplate();
    const loaded = await this.templates.load(choice);
    return 'error' in loaded ? { ...loaded, source: choice.source, uri: choice.uri } : loaded;
  }

  isTemplate(uri: string, settings: DocumentSettings): boolean {
    return this.templates.isTemplate(canonical(uri), settings);
  }

  /**
   * Analyses a document as the project sees it: under its settings, against its template,
   * classified once. `previous` makes the analysis incremental.
   */
  async analyze(uri: string, text: string, previous?: Analysis, known?: { settings: DocumentSettings; template: TemplateModel }): Promise<ProjectAnalysis> {
    const settings = known?.settings ?? (await this.settingsFor(uri));
    const template = known?.template ?? (await this.templateFor(uri, settings));
    const analysis = analyzeDocument(text, template, analysisOptionsOf(settings.values), previous);
    const isTemplate = this.isTemplate(uri, settings);
    return { uri, analysis, settings, isTemplate, isRfc: isRfc(uri, analysis, settings, isTemplate) };
  }

  /** The problems of a file the project reads for settings (a template, a `.rfcrc.json`). */
  problemsOf(uri: string): readonly FileProblem[] {
    return this.problems.of(canonical(uri));
  }

  // ---- the index and what it answers -------------------------------------------------

  /** An index record from a file's text, or undefined when it is no RFC (used by scans). */
  private async readRecord(uri: string, text: string): Promise<IndexedRfc | undefined> {
    const settings = await this.settingsFor(uri);
    if (this.isTemplate(uri, settings)) return undefined;
    const template = await this.templateFor(uri, settings);
    const job: IndexJob = {
      uri,
      text,
      options: analysisOptionsOf(settings.values),
      rules: settings.values.rules,
      filesMatch: matchesRfcFiles(uri, settings),
      // Numbers, title and status stand before the first section; mentions are the checked files' business.
      headOnly: this.host.indexDepth === 'head',
    };
    const elsewhere = this.host.indexAnalyser?.offer(job, template);
    if (elsewhere) {
      try {
        return await elsewhere;
      } catch (error) {
        this.host.log.error(`Indexing ${uri} in a worker failed, so here: ${(error as Error).message}`);
      }
    }
    return indexRecordOf(job, template);
  }

  /** What the index keeps of an analysed RFC. */
  recordOf(result: ProjectAnalysis): IndexedRfc {
    return recordOf(result.uri, result.analysis, result.settings.values.rules, this.entryOf(result));
  }

  /** The index entry of an analysis (cached per analysis). */
  entryOf(result: ProjectAnalysis): RfcIndexEntry {
    let entry = this.entries.get(result.analysis);
    if (!entry) {
      entry = indexEntryOf(result.uri, fileNameOf(result.uri), result.analysis);
      this.entries.set(result.analysis, entry);
    }
    return entry;
  }

  /** An open document was analysed: it stands in for its file in the index. */
  documentAnalysed(result: ProjectAnalysis): void {
    this.index.documentAnalysed(result.uri, result.isRfc ? this.recordOf(result) : null);
  }

  /** The cross-file findings of an analysed RFC (none before the first scan, or outside the indexed folders). */
  crossFileFindings(result: ProjectAnalysis): Finding[] {
    if (!result.isRfc) return [];
    return this.index.crossFileFindings(this.entryOf(result), findingFilterOf(result.analysis, result.settings.values.rules));
  }

  /** An analysed RFC's findings with the cross-file ones, sorted by position. */
  findingsOf(result: ProjectAnalysis): readonly Finding[] {
    const own = result.analysis.findings;
    const extra = this.crossFileFindings(result);
    return extra.length === 0 ? own : [...own, ...extra].sort(byPosition);
  }

  /** What quick fixes and completions need: today and the next free number, from the index (no file is read). */
  fixContext(result: ProjectAnalysis, today: string): FixContext {
    return { today, nextNumber: this.numbering.nextFor(result.analysis.template, Number(today.slice(0, 4)), result.uri) };
  }

  /** New RFC's numbers: see Numbering. */
  get numbers(): Numbering {
    return this.numbering;
  }
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
