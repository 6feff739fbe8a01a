/**
 * The RFC Assistant language server, whatever hosts it: adapts the project service and the
 * engine to LSP on a connection the host made. Two thin entries start it: lsp/server.ts (a
 * Node process: stdio or IPC, Node's file system) and web/server.ts (a Web Worker: messages,
 * the client's file system). Nothing here imports a Node built-in or
 * `vscode-languageserver/node`, so the browser bundle builds. Handlers stay thin: look up
 * the document's analysis, return an empty answer when it is gone, delegate, convert, reply.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { editedDocuments } from './editedDocument';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { defaultTemplate } from '../defaultTemplate';
import { insertSectionEdit } from '../engine';
import type { ProjectFiles } from '../project/files';
import { prepareNewRfc } from '../project/newRfc';
import { ProjectService } from '../project/service';
import { validateTitle } from '../project/slug';
import { canonical } from '../project/uris';
import { AnalysisReadyNotification, CompletenessRequest, InsertSectionRequest, NewRfcRequest, PlaceholdersRequest, PlaceholderTextsRequest, ValidateTitleRequest } from '../protocol';
import { placeholderTexts, toDocumentSymbols } from './convert';
import { DocumentAnalyses, type DocumentAnalysis } from './documentAnalyses';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { COMPLETION_TRIGGERS, completionItems } from './features/completion';
import { hover } from './features/hover';
import { connectFileEvents, watchFiles } from './fileEvents';
import { connectIndexFeatures, crossReferenceContext, indexCapabilities } from './indexFeatures';
import { DiagnosticsPublisher } from './publisher';
import { codeActionContext, optionalString, position, range, RequestGuard, shape, string, textDocument } from './requestGuard';
import { SettingsSource } from './settingsSource';
import { today } from './today';
import type { IndexAnalyser } from '../project/indexRecord';
import { ShownAnalyses } from './checking';
import { connectDocumentEvents } from './documentEvents';

/** What differs between the hosts the server runs in (a Node process, a Web Worker). */
export interface ServerHost {
  /** Where the project's files are read: Node's file system, or the client's. */
  files: ProjectFiles;
  /** The extension's version, for `serverInfo`; undefined when the host does not know it. */
  version: string | undefined;
  /** Lets pending I/O and messages run between slices of a long job (the workspace scan). */
  yieldNow(): Promise<void>;
  /** Analyses files of the workspace index on another thread, as far as it will (Node). */
  indexAnalyser?: IndexAnalyser;
}

/** Wires the project service and the features to a connection, and starts listening. */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(editedDocuments);
  const settings = new SettingsSource(connection, (uri) => project.workspaceFolderOf(uri) ?? uri);
  const shown = new ShownAnalyses(settings);
  const guard = new RequestGuard();
  let canRegisterConfigurationChange = false;
  let clientHasWorkspaceFolders = false;
  let canWatchFiles = false;

  /** An open document by URI, however the client spelled it. */
  function openDocument(uri: string): TextDocument | undefined {
    const direct = documents.get(uri);
    if (direct) return direct;
    const wanted = canonical(uri);
    return documents.all().find((d) => canonical(d.uri) === wanted);
}

  let problemsTimer: ReturnType<typeof setTimeout> | undefined;
  const project = new ProjectService({
    files: host.files,
    builtInTemplate: defaultTemplate,
    openDocument: (uri) => {
      const document = openDocument(uri);
      return document ? { text: document.getText(), version: document.version } : undefined;
    },
    editorSettings: (uri) => settings.get(uri),
    log: { error: (message) => connection.console.error(message), info: (message) => connection.console.info(message) },
    problemsChanged(uri) {
      // The file's own diagnostics, and the RFCs that use it (a template became usable or not).
      if (!openDocument(uri)) publisher.publishProblems(uri);
      if (!problemsTimer) {
        problemsTimer = setTimeout(() => {
          problemsTimer = undefined;
          analyses.invalidateAll(documents.keys());
        }, 0);
      }
    },
    yieldNow: () => host.yieldNow(),
    indexAnalyser: host.indexAnalyser,
    progress: async () => {
      const reporter = await connection.window.createWorkDoneProgress();
      return {
        begin: (title, percentage, message) => reporter.begin(title, percentage, message, false),
        report: (percentage, message) => reporter.report(percentage, message),
        done: () => reporter.done(),
      };
    },
  });
  const publisher = new DiagnosticsPublisher(connection, project);

  /** Shows an analysis: its diagnostics, and its completeness to the client's views. */
  function show(result: DocumentAnalysis): void {
    shown.shown(result.uri, result.version);
    publisher.publish(result);
    void connection.sendNotification(AnalysisReadyNotification.type, {
      uri: result.uri,
      version: result.version,
      isRfc: result.isRfc,
      percent: result.isRfc ? result.analysis.completeness.percent : undefined,
    });
}

  const analyses = new DocumentAnalyses(
    {
      project,
      publish(result) {
        // An RFC the editor does not check is still one of the workspace's RFCs.
        project.documentAnalysed(result.checkingOff ? { ...result, isRfc: true } : result);
        void shown.mayShow(result.uri).then((may) => {
          // Settings are read in between: the document may have been closed or edited meanwhile.
          if (may && documents.get(result.uri)?.version === result.version) show(result);
        });
      },
      clear: (uri) => publisher.clear(uri),
      log: (message) => connection.console.error(message),
      enabled: async (uri) => (await shown.switchesFor(uri)).enable,
    },
    (uri) => documents.get(uri),
  );

  connection.onInitialize((params): InitializeResult => {
    guard.initialize();
    const capabilities = params.capabilities;
    settings.setCanPull(capabilities.workspace?.configuration === true);
    canRegisterConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    clientHasWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
    canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    project.setFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    project.setTrusted((params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false);
    settings.push((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
    return {
      capabilities: {
        // Saves are reported for `rfc.run: "onSave"`.
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        documentSymbolProvider: { label: 'RFC sections' },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        ...indexCapabilities,
        workspace: { workspaceFolders: { supported: true, changeNotifications: clientHasWorkspaceFolders } },
      },
      serverInfo: { name: 'RFC Assistant', version: host.version },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfigurationChange) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rfc' });
    }
    if (canWatchFiles) watchFiles(connection);
    void project.index.start();
    if (clientHasWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        project.updateFolders(
          event.added.map((f) => f.uri),
          event.removed.map((f) => f.uri),
        );
        // Settings are cached per workspace folder: which folder holds a document may have changed.
        settings.clear();
        analyses.invalidateAll(documents.keys());
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    // Clients that cannot be asked push their settings here (Neovim, others).
    settings.push(params?.settings);
    settings.clear();
    project.settingsChanged();
    // A settings change is shown at once, also where findings wait for a save.
    for (const uri of documents.keys()) shown.release(uri);
    analyses.invalidateAll(documents.keys());
  });

  connectDocumentEvents(documents, analyses, settings, shown, show);

  // Every request passes the guard: -32002 before initialize, -32602 for params of the wrong shape.
  const document = shape({ uri: string });
  const atPosition = shape({ textDocument, position });

  connection.onDocumentSymbol(
    guard.request('textDocument/documentSymbol', shape({ textDocument }), async (params) => {
      const result = await analyses.current(params.textDocument.uri);
      return result?.isRfc ? toDocumentSymbols(result.analysis) : [];
    }),
  );

  connection.onRequest(
    CompletenessRequest.type,
    guard.request(CompletenessRequest.method, document, async (params) => {
      const result = await analyses.current(params.uri);
      if (!result?.isRfc) return null;
      return { ...result.analysis.completeness, uri: result.uri, version: result.version, placeholdersLeft: result.analysis.placeholders.length };
    }),
  );

  connection.onRequest(
    PlaceholdersRequest.type,
    guard.request(PlaceholdersRequest.method, document, async (params) => {
      const result = await analyses.current(params.uri);
      return result?.isRfc ? [...result.analysis.placeholders] : [];
    }),
  );

  connection.onRequest(
    PlaceholderTextsRequest.type,
    guard.request(PlaceholderTextsRequest.method, document, async (params) => {
      const result = await analyses.current(params.uri);
      if (!result?.isRfc) return null;
      return { uri: result.uri, version: result.version, placeholders: placeholderTexts(result.analysis) };
    }),
  );

  connection.onRequest(
    InsertSectionRequest.type,
    guard.request(InsertSectionRequest.method, shape({ uri: string, sectionId: string }), async (params) => {
      const result = await analyses.current(params.uri);
      return (result?.isRfc && insertSectionEdit(result.analysis, params.sectionId)) || null;
    }),
  );

  connection.onRequest(
    NewRfcRequest.type,
    guard.request(
      NewRfcRequest.method,
      shape({ title: string, authors: string, date: string, folderUri: optionalString, directoryUri: optionalString }),
      (params) => prepareNewRfc(project, params),
    ),
  );

  connection.onRequest(
    ValidateTitleRequest.type,
    guard.request(ValidateTitleRequest.method, shape({ title: string }), (params) => validateTitle(params.title) ?? null),
  );

  // ---- editing intelligence: quick fixes, completion, hover (lsp/features) ----

  connection.onCodeAction(
    guard.request('textDocument/codeAction', shape({ textDocument, range, context: codeActionContext }), async (params) => {
      const result = await analyses.current(params.textDocument.uri);
      if (!result?.isRfc) return [];
      return codeActions(result.analysis, params, project.fixContext(result, today()), project.findingsOf(result));
    }),
  );

  connection.onCompletion(
    guard.request('textDocument/completion', atPosition, async (params) => {
      const result = await analyses.current(params.textDocument.uri);
      if (!result?.isRfc) return [];
      return completionItems(result.analysis, params.position, project.fixContext(result, today()));
    }),
  );

  connection.onHover(
    guard.request('textDocument/hover', atPosition, async (params) => {
      const result = await analyses.current(params.textDocument.uri);
      return result?.isRfc ? hover(result.analysis, params.position, crossReferenceContext(project, result)) : null;
    }),
  );

  connectFileEvents(connection, documents, analyses, project);
  connectIndexFeatures(connection, documents, analyses, project, publisher, guard, (uri) => shown.shownVersion(uri));
  documents.listen(connection);
  connection.listen();
}
