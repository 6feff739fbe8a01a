/**
 * Team templates and `.rfcrc.json` for the language server: which template each document
 * follows (see project/templates.ts for the order), reading and caching template files,
 * reporting a template that cannot be used (once, in the log, and as a diagnostic on the
 * template when it is open), and workspace trust: untrusted, nothing outside the
 * workspace folders is read, symbolic links included.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { TemplateModel } from './engine';
import { mergeSettings, parseProjectConfig, PROJECT_CONFIG_FILE, type ProjectConfig } from './project/config';
import {
  configuredTemplate,
  discoveryCandidates,
  readFailure,
  templateFiles,
  templateFromBytes,
  templateFromText,
  templateProblem,
  type TemplateChoice,
} from './project/templates';
import type { RfcSettings } from './protocol';

export interface TeamTemplatesHost {
  /** The editor's text of an open document at this file-system path, if one is open. */
  openDocument(fsPath: string): { text: string; version: number } | undefined;
  /** An error for the output channel. */
  error(message: string): void;
  info(message: string): void;
  /** The problem reported for a file appeared, changed or went away: re-publish its diagnostics. */
  problemsChanged(fsPath: string): void;
}

/** Where a document is: its path, the workspace folder whose settings it follows, and its path relative to it. */
interface Place {
  fsPath?: string;
  folder?: string;
  relative?: string;
}

type Located = { real: string } | { missing: unknown } | { outside: true };

type Loaded = TemplateModel | { error: string };

const OUTSIDE = 'it is outside the workspace folders, and in an untrusted workspace nothing outside them is read';

export class TeamTemplates {
  private trusted = true;
  private folders: string[] = [];
  private realFolders: Promise<string[]> | undefined;
  private readonly configs = new Map<string, Promise<ProjectConfig>>();
  private readonly models = new Map<string, { stamp: string; loaded: Loaded }>();
  /**
   * The template of each document under each template setting, resolved once: analyses on
   * typing then do no file-system work (a reply must not wait on the disk while newer edits
   * arrive). Forgotten when a template, `.rfcrc.json`, trust or the folders change.
   */
  private readonly resolved = new Map<string, Promise<TemplateModel>>();
  /** Problems reported, by file: each is logged once while it lasts. */
  private readonly problems = new Map<string, { message: string; code: string }>();
  /** Template and configuration files consulted, existing or not: a change to one matters. */
  private readonly consulted = new Set<string>();

  constructor(
    private readonly host: TeamTemplatesHost,
    private readonly builtIn: () => TemplateModel,
  ) {}

  // ---- state -------------------------------------------------------------------------

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris.map(folderPath).filter((p): p is string => p !== undefined);
    this.forgetFolders();
  }

  updateWorkspaceFolders(added: readonly string[], removed: readonly string[]): void {
    const gone = new Set(removed.map(folderPath));
    this.folders = [...this.folders.filter((f) => !gone.has(f)), ...added.map(folderPath).filter((p): p is string => p !== undefined)];
    this.forgetFolders();
  }

  /** Returns true when trust changed (every document then needs a new analysis). */
  setTrusted(trusted: boolean): boolean {
    if (trusted === this.trusted) return false;
    this.trusted = trusted;
    this.configs.clear();
    this.resolved.clear();
    return true;
  }

  isTrusted(): boolean {
    return this.trusted;
  }

  /**
   * Files changed on disk (workspace/didChangeWatchedFiles). True when one of them is a
   * template or `.rfcrc.json` that matters (or could, once created): documents then need a
   * new analysis.
   */
  filesChanged(uris: readonly string[]): boolean {
    let relevant = false;
    for (const uri of uris) {
      const fsPath = fileOf(uri);
      if (!fsPath) continue;
      const name = path.basename(fsPath);
      if (
        this.consulted.has(fsPath) ||
        name === PROJECT_CONFIG_FILE ||
        name === '0000-template.md' ||
        (name === 'template.md' && path.basename(path.dirname(fsPath)) === '.rfc')
      ) {
        relevant = true;
        this.models.delete(fsPath);
      }
    }
    if (relevant) {
      this.configs.clear();
      this.resolved.clear();
    }
    return relevant;
  }

  /** An open document changed (or opened, or closed): true when it is a template in use. */
  documentChanged(uri: string): boolean {
    const fsPath = fileOf(uri);
    if (fsPath === undefined || !this.consulted.has(fsPath)) return false;
    this.resolved.clear();
    return true;
  }

  // ---- per document ------------------------------------------------------------------

  /** The document's settings: VS Code's over its workspace folder's `.rfcrc.json`. */
  async settings(uri: string, editor: RfcSettings): Promise<RfcSettings> {
    const { folder } = this.place(uri);
    if (!folder) return editor;
    return mergeSettings(editor, await this.config(folder));
  }

  /** The template the document follows; the built-in one when none is set or found, or the one set cannot be used. */
  template(uri: string, settings: RfcSettings): Promise<TemplateModel> {
    const key = `${uri}\n${JSON.stringify([settings.templates, settings.template, settings.directory])}`;
    let template = this.resolved.get(key);
    if (!template) {
      if (this.resolved.size >= 1000) this.resolved.clear();
      const pending = this.resolveTemplate(uri, settings).catch((error: unknown) => {
        this.host.error(`Choosing the template of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return this.builtIn();
      });
      this.resolved.set(key, pending);
      template = pending;
    }
    return template;
  }

  private async resolveTemplate(uri: string, settings: RfcSettings): Promise<TemplateModel> {
    const { folder, relative } = this.place(uri);
    let choice = configuredTemplate(relative, folder, settings);
    if (!choice) {
      for (const candidate of discoveryCandidates(folder, settings)) {
        this.consulted.add(candidate.path);
        if (this.host.openDocument(candidate.path) || !('missing' in (await this.locate(candidate.path)))) {
          choice = candidate;
          break;
        }
      }
    }
    if (!choice) return this.builtIn();
    const loaded = await this.load(choice);
    if ('error' in loaded) {
      this.report(choice.path, templateProblem(choice, loaded.error), 'template');
      return this.builtIn();
    }
    this.resolve(choice.path, `The template ${choice.path} (${choice.source}) is usable again.`);
    return loaded;
  }

  /**
   * Whether the document is a team template (named by the settings or at a discovery
   * place): a template is all placeholders, so it is not analysed as an RFC.
   */
  isTemplate(uri: string, settings: RfcSettings): boolean {
    const { fsPath, folder } = this.place(uri);
    return fsPath !== undefined && templateFiles(folder, settings).includes(fsPath);
  }

  /** The template problem of an open file, as its diagnostic (`source: rfc`, `code: template`). */
  diagnostics(uri: string): Diagnostic[] {
    const fsPath = fileOf(uri);
    const problem = fsPath === undefined ? undefined : this.problems.get(fsPath);
    if (!problem) return [];
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: 'rfc',
        code: problem.code,
        message: problem.message,
      },
    ];
  }

  /** Whether a file named by a client (New RFC's `templateUri`) may be read: always when trusted, else inside the folders only. */
  async mayRead(uri: string): Promise<boolean> {
    if (this.trusted) return true;
    const fsPath = fileOf(uri);
    return fsPath !== undefined && !('outside' in (await this.locate(fsPath)));
  }

  // ---- internals ---------------------------------------------------------------------

  private place(uri: string): Place {
    const fsPath = fileOf(uri);
    if (fsPath === undefined) return { folder: this.folders[0] };
    const folder = this.folders.filter((f) => isInside(fsPath, f)).sort((a, b) => b.length - a.length)[0];
    if (folder) return { fsPath, folder, relative: path.relative(folder, fsPath).split(path.sep).join('/') };
    // Outside every folder: the first folder's configuration; globs see the absolute path, as rfc.files does.
    return { fsPath, folder: this.folders[0], relative: fsPath.split(path.sep).join('/').replace(/^\/+/, '') };
  }

  private config(folder: string): Promise<ProjectConfig> {
    let config = this.configs.get(folder);
    if (!config) {
      config = this.readConfig(path.join(folder, PROJECT_CONFIG_FILE));
      this.configs.set(folder, config);
    }
    return config;
  }

  private async readConfig(file: string): Promise<ProjectConfig> {
    this.consulted.add(file);
    const located = await this.locate(file);
    if ('missing' in located) {
      this.resolve(file);
      return {};
    }
    if ('outside' in located) {
      this.report(file, `Ignoring ${file}: ${OUTSIDE}.`, 'config');
      return {};
    }
    try {
      const { config, error } = parseProjectConfig(await readFile(located.real, 'utf8'));
      if (error) this.report(file, `Ignoring ${file}: ${error}.`, 'config');
      else this.resolve(file);
      return config;
    } catch (error) {
      this.report(file, `Ignoring ${file}: ${readFailure(error)}.`, 'config');
      return {};
    }
  }

  private async load(choice: TemplateChoice): Promise<Loaded> {
    const file = choice.path;
    this.consulted.add(file);
    const located = await this.locate(file);
    if ('outside' in located) return { error: OUTSIDE };
    const open = this.host.openDocument(file);
    if (open) return this.cached(file, `open:${open.version}`, () => templateFromText(open.text));
    if ('missing' in located) return { error: readFailure(located.missing) };
    try {
      const info = await stat(located.real);
      if (info.isDirectory()) return { error: 'it is a folder' };
      const stamp = `${located.real}:${info.mtimeMs}:${info.size}`;
      const known = this.models.get(file);
      if (known?.stamp === stamp) return known.loaded;
      return this.cached(file, stamp, templateFromBytes(await readFile(located.real)));
    } catch (error) {
      return { error: readFailure(error) };
    }
  }

  private cached(file: string, stamp: string, loaded: Loaded | (() => Loaded)): Loaded {
    const known = this.models.get(file);
    if (known?.stamp === stamp) return known.loaded;
    const value = typeof loaded === 'function' ? loaded() : loaded;
    this.models.set(file, { stamp, loaded: value });
    return value;
  }

  /**
   * Where a file really is. Untrusted, a path outside every workspace folder is refused
   * before anything is read, and so is one whose real path (symbolic links resolved) is.
   */
  private async locate(file: string): Promise<Located> {
    if (!this.trusted && !this.folders.some((f) => isInside(file, f))) return { outside: true };
    let real: string;
    try {
      real = await realpath(file);
    } catch (error) {
      return { missing: error };
    }
    if (!this.trusted) {
      const folders = await this.realFolderPaths();
      if (!folders.some((f) => isInside(real, f))) return { outside: true };
    }
    return { real };
  }

  private realFolderPaths(): Promise<string[]> {
    this.realFolders ??= Promise.all(this.folders.map((f) => realpath(f).catch(() => f)));
    return this.realFolders;
  }

  private forgetFolders(): void {
    this.realFolders = undefined;
    this.configs.clear();
    this.resolved.clear();
  }

  private report(file: string, message: string, code: string): void {
    const known = this.problems.get(file);
    if (known?.message === message) return;
    this.problems.set(file, { message, code });
    this.host.error(message);
    this.host.problemsChanged(file);
  }

  private resolve(file: string, message?: string): void {
    if (!this.problems.delete(file)) return;
    if (message) this.host.info(message);
    this.host.problemsChanged(file);
  }
}

/** The file-system path of a `file:` URI, normalised; undefined for other schemes. */
function fileOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? path.normalize(parsed.fsPath) : undefined;
}

function folderPath(uri: string): string | undefined {
  const fsPath = fileOf(uri);
  return fsPath === undefined ? undefined : fsPath.replace(/[\\/]+$/, '') || path.sep;
}

/** The path is the folder or inside it (compared by path segments, so `/ws2` is not in `/ws`). */
export function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative));
}
