/**
 * A small but real LSP client for tests: it spawns the bundled language server
 * (`node dist/server.js --stdio`), talks JSON-RPC to it over stdio, answers its
 * `workspace/configuration` requests from a settings object the test controls, and records
 * every `textDocument/publishDiagnostics` and `rfc/analysisReady` notification, so tests
 * wait on events (with a timeout) instead of sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidSaveTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  WorkspaceFoldersRequest,
  type DocumentSymbol,
  type FileEvent,
  type InitializeResult,
  type Registration,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ProgressToken,
  type Range,
  type SymbolInformation,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import type { ProjectFiles } from '../../server/src/project/files';
import {
  AnalysisReadyNotification,
  CompletenessRequest,
  FsListRequest,
  FsReadHeadRequest,
  FsReadRequest,
  FsStatRequest,
  toBase64,
  type AnalysisReadyParams,
  type CompletenessResult,
} from '../../server/src/protocol';
import { serverBundle } from './paths';

/** The `rfc` settings section as the client sends it; anything goes, the server sanitises it. */
export type RfcSettingsReply = Record<string, unknown> | null;

export interface StartOptions {
  /** Workspace folder URIs sent in `initialize`; defaults to `file:///ws`. */
  workspaceFolders?: string[];
  /** The `rfc` section answered to `workspace/configuration`; defaults to `{}` (server defaults). */
  settings?: RfcSettingsReply;
  /** Advertise `workspace.configuration` (settings pull); default true. */
  configuration?: boolean;
  /** Advertise `workspace.workspaceFolders` (folder change events), as VS Code does; default true. */
  workspaceFolderSupport?: boolean;
  /** Advertise dynamic registration of `workspace/didChangeWatchedFiles`, as VS Code does; default false. */
  watchedFilesSupport?: boolean;
  /** `initializationOptions` sent in `initialize` (e.g. `{ trusted: false }`). */
  initializationOptions?: unknown;
  /** Advertise `window.workDoneProgress` (server-initiated progress), as VS Code does; default false. */
  workDoneProgress?: boolean;
  /**
   * The command that starts the server, `--stdio` appended (e.g. an installed
   * `rfc-language-server` bin); defaults to `node dist/server.js`.
   */
  serverCommand?: readonly string[];
  /**
   * A file system this client serves to the server's `rfc/fs/*` requests, as VS Code does
   * with `vscode.workspace.fs` for URIs the server cannot read itself (a virtual workspace).
   * None: those requests are answered "method not found", as by editors other than VS Code.
   */
  files?: ProjectFiles;
}

/** A `$/progress` notification: its token and value (`{ kind: 'begin' | 'report' | 'end', ... }`). */
export interface ProgressParams {
  token: ProgressToken;
  value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number; cancellable?: boolean };
}

/** One recorded server-to-client notification, with when it arrived. */
export interface Received<T> {
  params: T;
  /** `performance.now()` at arrival. */
  at: number;
  /** Position in the client's list of recorded notifications of this kind. */
  index: number;
}

interface Waiter<T> {
  matches(params: T): boolean;
  resolve(value: Received<T>): void;
  reject(error: Error): void;
  since: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Every client started and not yet disposed, so after-hooks (and process exit) can end their servers. */
const live = new Set<LspClient>();

process.once('exit', () => {
  for (const client of live) client.kill();
});

/** Ends every server still running; for `after`/`afterEach` hooks. */
export async function disposeAllClients(): Promise<void> {
  await Promise.all([...live].map((c) => c.dispose()));
}

/** How many servers are still running (tests assert it drops to zero). */
export function liveClientCount(): number {
  return live.size;
}

export class LspClient {
  /** The reply to `initialize`. */
  initializeResult!: InitializeResult;
  /** The `rfc` section answered to the next `workspace/configuration` request. */
  settings: RfcSettingsReply;
  /** Everything the server wrote to stderr. */
  stderr = '';
  /** `window/logMessage` and `window/showMessage` texts (where `connection.console.error` goes). */
  readonly logMessages: string[] = [];
  readonly diagnostics: Received<PublishDiagnosticsParams>[] = [];
  readonly analysisReady: Received<AnalysisReadyParams>[] = [];
  /** Every `workspace/configuration` request received: its scope URIs. */
  readonly configurationRequests: (string | undefined)[][] = [];
  /** Every capability the server registered with `client/registerCapability`. */
  readonly registrations: Registration[] = [];
  /** The tokens of every `window/workDoneProgress/create` request received. */
  readonly progressTokens: ProgressToken[] = [];
  /** Every `$/progress` notification received. */
  readonly progress: Received<ProgressParams>[] = [];
  /** Every notification of the methods recorded with `recordNotifications` (e.g. `rfc/indexChanged`). */
  readonly notifications: Received<{ method: string; params: unknown }>[] = [];
  /** The workspace folder URIs, as announced in `initialize` and later changes. */
  workspaceFolders: string[] = [];
  /** Exit code (or signal) once the server process has ended. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private readonly documents = new Map<string, TextDocument>();
  private readonly diagnosticWaiters = new Set<Waiter<PublishDiagnosticsParams>>();
  private readonly readyWaiters = new Set<Waiter<AnalysisReadyParams>>();
  private readonly progressWaiters = new Set<Waiter<ProgressParams>>();
  private readonly notificationWaiters = new Set<Waiter<{ method: string; params: unknown }>>();
  private readonly exited: Promise<void>;
  private connectionError: Error | undefined;
  /** Notification counts at the last document or settings change; waits look from there on. */
  private markDiagnostics = 0;
  private markReady = 0;
  private markNotifications = 0;

  private constructor(
    private readonly child: ChildProcess,
    private readonly connection: ProtocolConnection,
    settings: RfcSettingsReply,
  ) {
    this.settings = settings;
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        live.delete(this);
        const error = new Error(`the language server exited (code ${code}, signal ${signal})${this.context()}`);
        for (const w of this.diagnosticWaiters) w.reject(error);
        for (const w of this.readyWaiters) w.reject(error);
        for (const w of this.progressWaiters) w.reject(error);
        for (const w of this.notificationWaiters) w.reject(error);
        resolve();
      });
    });
    // Writes after the server died fail with EPIPE; the exit handler reports that.
    child.stdin!.on('error', () => undefined);

    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params.items.map((i) => i.scopeUri));
      return params.items.map((item) => (item.section === 'rfc' ? this.settings : null));
    });
    connection.onRequest(WorkspaceFoldersRequest.type, () => this.workspaceFolders.map((uri, i) => ({ uri, name: `folder${i}` })));
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const entry = { params, at: performance.now(), index: this.diagnostics.length };
      this.diagnostics.push(entry);
      settle(this.diagnosticWaiters, entry);
    });
    connection.onNotification(AnalysisReadyNotification.type, (params) => {
      const entry = { params, at: performance.now(), index: this.analysisReady.length };
      this.analysisReady.push(entry);
      settle(this.readyWaiters, entry);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.progressTokens.push(params.token);
    });
    connection.onNotification('$/progress', (params: ProgressParams) => {
      const entry = { params, at: performance.now(), index: this.progress.length };
      this.progress.push(entry);
      settle(this.progressWaiters, entry);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logMessages.push(params.message);
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.logMessages.push(params.message);
    });
    connection.onError(([error]) => (this.connectionError ??= error));
    this.recordNotifications('rfc/indexChanged');
    connection.listen();
  }

  /** Spawns the server, initializes it and sends `initialized`. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const [command, ...args] = options.serverCommand ?? [process.execPath, ...(process.env.RFC_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), serverBundle];
    const child = spawn(command!, [...args, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options.settings === undefined ? {} : options.settings);
    if (options.files) serveFiles(connection, options.files);
    live.add(client);
    const folders = options.workspaceFolders ?? ['file:///ws'];
    client.workspaceFolders = [...folders];
    try {
      client.initializeResult = await client.withTimeout(
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: folders[0] ?? null,
          workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
          initializationOptions: options.initializationOptions,
          capabilities: {
            window: { workDoneProgress: options.workDoneProgress ?? false },
            workspace: {
              configuration: options.configuration ?? true,
              workspaceFolders: options.workspaceFolderSupport ?? true,
              didChangeConfiguration: { dynamicRegistration: false },
              didChangeWatchedFiles: { dynamicRegistration: options.watchedFilesSupport ?? false },
            },
            textDocument: {
              synchronization: { dynamicRegistration: false },
              publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
              documentSymbol: { hierarchicalDocumentSymbolSupport: true },
            },
          },
        }),
        DEFAULT_TIMEOUT_MS,
        'initialize',
      );
      await connection.sendNotification(InitializedNotification.type, {});
    } catch (error) {
      await client.dispose();
      throw error;
    }
    return client;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  // ---- documents -------------------------------------------------------------------

  /** `textDocument/didOpen` (language `markdown`). */
  open(uri: string, text: string, version = 1): void {
    this.documents.set(uri, TextDocument.create(uri, 'markdown', version, text));
    this.mark();
    this.notify(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  /**
   * `textDocument/didChange` with incremental (ranged) or whole-text changes. The client
   * keeps its own copy of the text, so tests can compute later ranges from it.
   */
  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): void {
    const document = this.document(uri);
    this.documents.set(uri, TextDocument.update(document, contentChanges, version));
    this.mark();
    this.notify(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  /** Replaces `range` with `text` as the next version; returns that version. */
  edit(uri: string, range: Range, text: string): number {
    const version = this.version(uri) + 1;
    this.change(uri, version, [{ range, text }]);
    return version;
  }

  /** Replaces the first occurrence of `search` (at or after `from`) with `text`; returns the new version. */
  replace(uri: string, search: string, text: string, from = 0): number {
    return this.edit(uri, this.rangeOf(uri, search, from), text);
  }

  /** The range of the first occurrence of `search` in the document's current text. */
  rangeOf(uri: string, search: string, from = 0): Range {
    const document = this.document(uri);
    const offset = document.getText().indexOf(search, from);
    if (offset < 0) throw new Error(`'${search.slice(0, 60)}' is not in ${uri}`);
    return { start: document.positionAt(offset), end: document.positionAt(offset + search.length) };
  }

  /** `textDocument/didClose`. */
  close(uri: string): void {
    this.documents.delete(uri);
    this.mark();
    this.notify(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The client's copy of an open document's text. */
  text(uri: string): string {
    return this.document(uri).getText();
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  /** Reports the document saved (`textDocument/didSave`), as an editor does after writing it. */
  save(uri: string): void {
    this.mark();
    this.notify(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Sets the settings the server will pull and sends `workspace/didChangeConfiguration`. */
  changeSettings(settings: RfcSettingsReply): void {
    this.settings = settings;
    this.mark();
    this.notify(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Adds and removes workspace folders (`workspace/didChangeWorkspaceFolders`). */
  changeWorkspaceFolders(added: string[], removed: string[] = []): void {
    this.workspaceFolders = [...this.workspaceFolders.filter((f) => !removed.includes(f)), ...added];
    this.mark();
    this.notify(DidChangeWorkspaceFoldersNotification.type, {
      event: {
        added: added.map((uri) => ({ uri, name: uri })),
        removed: removed.map((uri) => ({ uri, name: uri })),
      },
    });
  }

  /** Reports changed files (`workspace/didChangeWatchedFiles`), as a file watcher would. */
  changeWatchedFiles(changes: FileEvent[]): void {
    this.mark();
    this.notify(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Any notification to the server; waits look from here on. */
  sendNotification(method: string, params: unknown): void {
    this.mark();
    this.notify({ method }, params);
  }

  // ---- waiting on the server -------------------------------------------------------

  /**
   * Resolves with the first `publishDiagnostics` for `uri` that satisfies `predicate`,
   * looking at publishes received since the last document or settings change this client
   * sent (or since `since`, an index into `diagnostics`). Rejects with the publishes seen
   * and the server's stderr on timeout or if the server exits.
   */
  waitForDiagnostics(
    uri: string,
    predicate: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    since = this.markDiagnostics,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(this.diagnostics, this.diagnosticWaiters, (p) => p.uri === uri && predicate(p), since, timeoutMs, () => {
      const seen = this.diagnostics.slice(since).filter((d) => d.params.uri === uri);
      return `no matching publishDiagnostics for ${uri} within ${timeoutMs} ms; saw ${seen.length} since: ${
        seen.map((d) => `v${d.params.version ?? '-'}: ${d.params.diagnostics.length} diagnostics`).join('; ') || 'none'
      }`;
    }).then((r) => r.params);
  }

  /** Waits for the publish of the document's current (client-side) version. */
  waitForVersion(uri: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PublishDiagnosticsParams> {
    const version = this.version(uri);
    return this.waitForDiagnostics(uri, (p) => p.version === version, timeoutMs);
  }

  /** Like waitForDiagnostics, for `rfc/analysisReady`. */
  waitForAnalysisReady(
    uri: string,
    predicate: (params: AnalysisReadyParams) => boolean = () => true,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    since = this.markReady,
  ): Promise<AnalysisReadyParams> {
    return this.waitFor(this.analysisReady, this.readyWaiters, (p) => p.uri === uri && predicate(p), since, timeoutMs, () => {
      const seen = this.analysisReady.slice(since).filter((d) => d.params.uri === uri);
      return `no matching rfc/analysisReady for ${uri} within ${timeoutMs} ms; saw: ${JSON.stringify(seen.map((s) => s.params))}`;
    }).then((r) => r.params);
  }

  /** Resolves with the first `$/progress` notification (from index `since`, default all) that satisfies `predicate`. */
  waitForProgress(predicate: (params: ProgressParams) => boolean, timeoutMs = DEFAULT_TIMEOUT_MS, since = 0): Promise<ProgressParams> {
    return this.waitFor(this.progress, this.progressWaiters, predicate, since, timeoutMs, () => {
      return `no matching $/progress within ${timeoutMs} ms; saw: ${JSON.stringify(this.progress.map((p) => p.params))}`;
    }).then((r) => r.params);
  }

  /** Records the server's notifications of these methods in `notifications`. */
  recordNotifications(...methods: string[]): void {
    for (const method of methods) {
      this.connection.onNotification(method, (params: unknown) => {
        const entry = { params: { method, params }, at: performance.now(), index: this.notifications.length };
        this.notifications.push(entry);
        settle(this.notificationWaiters, entry);
      });
    }
  }

  /** Resolves with the first recorded notification of `method` at or after index `since` (default: from the last change sent). */
  waitForNotification(method: string, since = this.markNotifications, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<unknown> {
    return this.waitFor(this.notifications, this.notificationWaiters, (n) => n.method === method, since, timeoutMs, () => {
      return `no ${method} notification within ${timeoutMs} ms since #${since}; saw ${this.notifications.length} notifications`;
    }).then((r) => r.params.params);
  }

  /** The publishes recorded for one document, in arrival order. */
  publishesFor(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.filter((d) => d.params.uri === uri).map((d) => d.params);
  }

  // ---- requests --------------------------------------------------------------------

  /** Any request, failing with the server's stderr after `timeoutMs`. */
  request<R>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    return this.withTimeout(this.connection.sendRequest<R>(method, params), timeoutMs, method);
  }

  async documentSymbols(uri: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<DocumentSymbol[]> {
    const result = await this.withTimeout(
      this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
      timeoutMs,
      DocumentSymbolRequest.method,
    );
    if (result === null) return [];
    if (result.some((s): s is SymbolInformation => 'location' in s)) throw new Error('expected hierarchical DocumentSymbol[]');
    return result as DocumentSymbol[];
  }

  completeness(uri: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CompletenessResult | null> {
    return this.withTimeout(this.connection.sendRequest(CompletenessRequest.type, { uri }), timeoutMs, CompletenessRequest.method);
  }

  // ---- ending ----------------------------------------------------------------------

  /**
   * `shutdown` request then `exit` notification; waits for the process to end and kills
   * it if it does not within `timeoutMs`. Returns the exit code (null when killed).
   */
  async shutdown(timeoutMs = 5_000): Promise<number | null> {
    if (!this.exit) {
      try {
        await this.withTimeout(this.connection.sendRequest(ShutdownRequest.type), timeoutMs, 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
      } catch {
        // Reported by the exit code below (null: killed).
      }
      if (!(await this.waitForExit(timeoutMs))) {
        this.kill();
        await this.exited;
      }
    }
    this.connection.dispose();
    return this.exit!.code;
  }

  /** Ends the server whatever its state: a polite shutdown first, then SIGKILL. */
  async dispose(): Promise<void> {
    if (!this.exit) await this.shutdown(2_000);
    this.connection.dispose();
    live.delete(this);
  }

  /** SIGKILL, synchronously (for process exit). */
  kill(): void {
    if (!this.exit && this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  /** Resolves true when the process exited within `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const result = await Promise.race([this.exited.then(() => true), timedOut]);
    clearTimeout(timer);
    return result;
  }

  /** The server's stderr and log messages, for assertion messages. */
  context(): string {
    const parts: string[] = [];
    if (this.connectionError) parts.push(`connection error: ${this.connectionError.message}`);
    if (this.stderr.trim() !== '') parts.push(`server stderr:\n${tail(this.stderr)}`);
    if (this.logMessages.length > 0) parts.push(`server log messages:\n${tail(this.logMessages.join('\n'))}`);
    return parts.length === 0 ? '' : `\n${parts.join('\n')}`;
  }

  /** Server output (stderr and log messages) that reports a failure: 'Uncaught' or 'failed'. */
  failureOutput(): string[] {
    return [this.stderr, ...this.logMessages]
      .flatMap((text) => text.split('\n'))
      .filter((line) => /uncaught|failed/i.test(line));
  }

  // ---- internals -------------------------------------------------------------------

  private document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) throw new Error(`${uri} is not open in the test client`);
    return document;
  }

  private mark(): void {
    this.markDiagnostics = this.diagnostics.length;
    this.markReady = this.analysisReady.length;
    this.markNotifications = this.notifications.length;
  }

  private notify<P>(type: { method: string }, params: P): void {
    if (this.exit) throw new Error(`the language server has exited; cannot send ${type.method}${this.context()}`);
    this.connection.sendNotification(type.method, params).catch((error: unknown) => (this.connectionError ??= error as Error));
  }

  private waitFor<T>(
    list: Received<T>[],
    waiters: Set<Waiter<T>>,
    matches: (params: T) => boolean,
    since: number,
    timeoutMs: number,
    describe: () => string,
  ): Promise<Received<T>> {
    const found = list.slice(since).find((r) => matches(r.params));
    if (found) return Promise.resolve(found);
    if (this.exit) return Promise.reject(new Error(`the language server has exited${this.context()}`));
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        matches,
        since,
        resolve: (value) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.reject(new Error(describe() + this.context())), timeoutMs);
      waiters.add(waiter);
    });
  }

  private async withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${timeoutMs} ms${this.context()}`)), timeoutMs);
    });
    const exited = this.exited.then(() => {
      throw new Error(`${what}: the language server exited (code ${this.exit?.code}, signal ${this.exit?.signal})${this.context()}`);
    });
    try {
      return await Promise.race([promise, timeout, exited]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function settle<T>(waiters: Set<Waiter<T>>, entry: Received<T>): void {
  for (const w of [...waiters]) if (entry.index >= w.since && w.matches(entry.params)) w.resolve(entry);
}

function tail(text: string, max = 4000): string {
  return text.length <= max ? text : `…${text.slice(-max)}`;
}

/** Answers `rfc/fs/*` from a file system, as the VS Code client does (client/src/fileServer.ts). */
function serveFiles(connection: ProtocolConnection, files: ProjectFiles): void {
  connection.onRequest(FsStatRequest.type, async ({ uri }) => (await files.stat(uri)) ?? null);
  connection.onRequest(FsReadRequest.type, async ({ uri, maxBytes }) => {
    const result = await files.read(uri, maxBytes);
    return 'bytes' in result ? { base64: toBase64(result.bytes) } : result;
  });
  connection.onRequest(FsReadHeadRequest.type, async ({ uri, bytes }) => {
    const head = await files.readHead(uri, bytes);
    return head ? toBase64(head) : null;
  });
  connection.onRequest(FsListRequest.type, async ({ uri }) => {
    const result = await files.list(uri);
    return Array.isArray(result) ? { entries: result } : result;
  });
}
