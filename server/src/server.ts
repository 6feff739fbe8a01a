/**
 * The RFC Assistant language server: adapts the engine to LSP. Handlers stay thin: look up
 * the document's analysis, return an empty answer when it is gone, convert, reply.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { toDiagnostics, toDocumentSymbols } from './convert';
import { defaultTemplate } from './defaultTemplate';
import { DocumentAnalyses } from './documentAnalyses';
import { insertSectionEdit } from './engine';
import { prepareNewRfc } from './newRfc/newRfc';
import {
  AnalysisReadyNotification,
  CompletenessRequest,
  InsertSectionRequest,
  NewRfcRequest,
  PlaceholdersRequest,
  ValidateTitleRequest,
} from './protocol';
import { validateTitle } from './newRfc/slug';
import { RfcFileMatcher } from './rfcFiles';
import { SettingsCache } from './settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const rfcFiles = new RfcFileMatcher();
let canPullConfiguration = false;
let canRegisterConfigurationChange = false;
let clientHasWorkspaceFolders = false;
const settings = new SettingsCache(connection, () => canPullConfiguration);

const analyses = new DocumentAnalyses(
  {
    settings: (uri) => settings.get(uri),
    template: () => defaultTemplate(),
    matchesRfcFiles: (uri, s) => rfcFiles.matches(uri, s.files),
    publish(result) {
      const diagnostics = result.isRfc ? toDiagnostics(result.analysis.findings) : [];
      void connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics });
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

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  canPullConfiguration = capabilities.workspace?.configuration === true;
  canRegisterConfigurationChange = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  clientHasWorkspaceFolders = capabilities.workspace?.workspaceFolders === true;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  rfcFiles.setWorkspaceFolders(folders);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'RFC sections' },
      workspace: { workspaceFolders: { supported: true, changeNotifications: clientHasWorkspaceFolders } },
    },
    serverInfo: { name: 'RFC Assistant', version: process.env.RFC_ASSISTANT_VERSION ?? undefined },
  };
});

connection.onInitialized(() => {
  if (canRegisterConfigurationChange) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'rfc' });
  }
  if (clientHasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      rfcFiles.updateWorkspaceFolders(
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

connection.onRequest(NewRfcRequest.type, (params) => prepareNewRfc(params, defaultTemplate()));

connection.onRequest(ValidateTitleRequest.type, (params) => validateTitle(params.title) ?? null);

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));

documents.listen(connection);
connection.listen();
