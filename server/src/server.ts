/**
 * The RFC Assistant language server: adapts the engine to LSP. Handlers stay thin: look up
 * the document's analysis, return an empty answer when it is gone, convert, reply.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { toDiagnostics, toDocumentSymbols } from './convert';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { COMPLETION_TRIGGERS, completionItems } from './features/completion';
import { fixContextFor } from './features/fixContext';
import { hover } from './features/hover';
import { defaultTemplate } from './defaultTemplate';
import { DocumentAnalyses, type DocumentAnalysis } from './documentAnalyses';
import { insertSectionEdit } from './engine';
import { prepareNewRfc } from './newRfc/newRfc';
import {
  AnalysisReadyNotification,
  CompletenessRequest,
  InsertSectionRequest,
  NewRfcRequest,
  PlaceholdersRequest,
  ValidateTitleRequest,
  type RfcSettings,
} from './protocol';
import { validateTitle } from './newRfc/slug';
import { RfcFileMatcher } from './rfcFiles';
import { SettingsCache } from './settings';
import { TeamTemplates } from './teamTemplates';
import { connectTeamTemplates, openDocumentAt, problemsChangedHandler, watchTemplateFiles } from './templateWatch';
import { connectWorkspaceIndex, WorkspaceIndex, workspaceIndexCapabilities } from './workspaceIndex';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const rfcFiles = new RfcFileMatcher();
let canPullConfiguration = false;
let canRegisterConfigurationChange = false;
let clientHasWorkspaceFolders = false;
const settings = new SettingsCache(connection, () => canPullConfiguration);
let canWatchFiles = false;
// Team templates and .rfcrc.json (server/src/teamTemplates.ts, templateWatch.ts).
const teamTemplates = new TeamTemplates(
  {
    openDocument: openDocumentAt(documents),
    error: (message) => connection.console.error(message),
    info: (message) => connection.console.info(message),
    problemsChanged: problemsChangedHandler(documents, () => analyses),
  },
  defaultTemplate,
);
/** The document's settings (VS Code's over .rfcrc.json) and its template. */
const settingsFor = async (uri: string) => teamTemplates.settings(uri, await settings.get(uri));
const templateFor = (uri: string, s: RfcSettings) =>
  teamTemplates.template(uri, s).catch((error: unknown) => {
    connection.console.error(`Template lookup for ${uri} failed: ${(error as Error).stack ?? String(error)}`);
    return defaultTemplate();
  });

const analyses = new DocumentAnalyses(
  {
    settings: settingsFor,
    template: templateFor,
    isTemplate: (uri, s) => teamTemplates.isTemplate(uri, s),
    matchesRfcFiles: (uri, s) => rfcFiles.matches(uri, s.files),
    publish(result) {
      workspaceIndex.documentAnalysed(result);
      publishDiagnostics(result);
      void connection.sendNotification(AnalysisReadyNotification.type, {
        uri: result.uri,
        version: result.version,
        isRfc: result.isRfc,
        percent: result.isRfc ? result.analysis.completeness.percent : undefined,
      });
    },
    clear: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
    log: (message) => connection.console.error(message),
  },
  (uri) => documents.get(uri),
);

// ---- workspace index and cross-references (server/src/workspaceIndex.ts) ----
const workspaceIndex = new WorkspaceIndex({
  settings: settingsFor,
  template: templateFor,
  isTemplate: (uri, s) => teamTemplates.isTemplate(uri, s),
  matchesRfcFiles: (uri, s) => rfcFiles.matches(uri, s.files),
  progress: () => connection.window.createWorkDoneProgress(),
  log: (message) => connection.console.error(message),
});
/** An open document's diagnostics: its findings and the cross-file ones, or a template's problem. */
function publishDiagnostics(result: DocumentAnalysis): void {
  const diagnostics = result.isRfc ? toDiagnostics(workspaceIndex.findingsToPublish(result)) : teamTemplates.diagnostics(result.uri);
  void connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics });
}
/** The numbers the document's template series uses elsewhere in the workspace (for "next free number"). */
const takenNumbers = (result: DocumentAnalysis) =>
  workspaceIndex.takenNumbers(result.analysis.template.metadata.find((f) => f.kind.type === 'number')?.normalizedKey, result.uri);
// ---- end of workspace index ----

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  canPullConfiguration = capabilities.workspace?.configuration === true;
  canRegisterConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  clientHasWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  rfcFiles.setWorkspaceFolders(folders);
  teamTemplates.setWorkspaceFolders(folders);
  workspaceIndex.setFolders(folders);
  teamTemplates.setTrusted((params.initializationOptions as { trusted?: unknown } | undefined)?.trusted !== false);
  canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'RFC sections' },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      hoverProvider: true,
      ...workspaceIndexCapabilities,
      workspace: { workspaceFolders: { supported: true, changeNotifications: clientHasWorkspaceFolders } },
    },
    serverInfo: { name: 'RFC Assistant', version: process.env.RFC_ASSISTANT_VERSION ?? undefined },
  };
});

connection.onInitialized(() => {
  if (canRegisterConfigurationChange) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rfc' });
  }
  if (canWatchFiles) watchTemplateFiles(connection);
  void workspaceIndex.start();
  if (clientHasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      rfcFiles.updateWorkspaceFolders(
        event.added.map((f) => f.uri),
        event.removed.map((f) => f.uri),
      );
      teamTemplates.updateWorkspaceFolders(
        event.added.map((f) => f.uri),
        event.removed.map((f) => f.uri),
      );
      workspaceIndex.updateFolders(
        event.added.map((f) => f.uri),
        event.removed.map((f) => f.uri),
      );
      analyses.invalidateAll(documents.keys());
    });
  }
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  analyses.invalidateAll(documents.keys());
  workspaceIndex.rescan();
});

// TextDocuments reports an opened document as changed too; that first "change" must not
// push the immediate analysis of an open back by the typing debounce.
const justOpened = new Map<string, number>();
documents.onDidOpen((e) => {
  justOpened.set(e.document.uri, e.document.version);
  analyses.schedule(e.document.uri, 0);
});
documents.onDidChangeContent((e) => {
  const opened = justOpened.get(e.document.uri);
  justOpened.delete(e.document.uri);
  if (opened !== e.document.version) analyses.schedule(e.document.uri);
});
documents.onDidClose((e) => {
  justOpened.delete(e.document.uri);
  settings.forget(e.document.uri);
  analyses.close(e.document.uri);
});

connection.onDocumentSymbol(async (params) => {
  const result = await analyses.current(params.textDocument.uri);
  return result?.isRfc ? toDocumentSymbols(result.analysis) : [];
});

connection.onRequest(CompletenessRequest.type, async (params) => {
  const result = await analyses.current(params.uri);
  if (!result?.isRfc) return null;
  return { ...result.analysis.completeness, uri: result.uri, version: result.version };
});

connection.onRequest(PlaceholdersRequest.type, async (params) => {
  const result = await analyses.current(params.uri);
  return result?.isRfc ? [...result.analysis.placeholders] : [];
});

connection.onRequest(InsertSectionRequest.type, async (params) => {
  const result = await analyses.current(params.uri);
  return (result?.isRfc && insertSectionEdit(result.analysis, params.sectionId)) || null;
});

connection.onRequest(NewRfcRequest.type, async (params) => {
  // The template a file in the target folder would follow (an explicit templateUri wins).
  const scope = params.directoryUri ? `${params.directoryUri.replace(/\/+$/, '')}/new-rfc.md` : 'untitled:New RFC';
  if (params.templateUri && !(await teamTemplates.mayRead(params.templateUri))) {
    return { error: `the template ${params.templateUri} is outside the workspace folders, and an untrusted workspace reads nothing outside them.` };
  }
  const template = params.templateUri ? defaultTemplate() : await templateFor(scope, await settingsFor(scope));
  return prepareNewRfc(params, template, await workspaceIndex.numberSource());
});

connection.onRequest(ValidateTitleRequest.type, (params) => validateTitle(params.title) ?? null);

// ---- editing intelligence: quick fixes, completion, hover (server/src/features) ----

connection.onCodeAction(async (params) => {
  const result = await analyses.current(params.textDocument.uri);
  if (!result?.isRfc) return [];
  const context = await fixContextFor(result.uri, result.analysis.template, takenNumbers(result));
  return codeActions(result.analysis, params, context, workspaceIndex.findingsOf(result));
});

connection.onCompletion(async (params) => {
  const result = await analyses.current(params.textDocument.uri);
  if (!result?.isRfc) return [];
  return completionItems(result.analysis, params.position, await fixContextFor(result.uri, result.analysis.template, takenNumbers(result)));
});

connection.onHover(async (params) => {
  const result = await analyses.current(params.textDocument.uri);
  return result?.isRfc ? hover(result.analysis, params.position, workspaceIndex.context(result)) : null;
});

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));

connectTeamTemplates(connection, documents, analyses, teamTemplates, (changes, templatesChanged) => {
  workspaceIndex.filesChanged(changes);
  if (templatesChanged) workspaceIndex.rescan();
});
connectWorkspaceIndex(connection, documents, analyses, workspaceIndex, publishDiagnostics);
documents.listen(connection);
connection.listen();
