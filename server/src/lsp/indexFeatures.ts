/**
 * The workspace index in the editor: cross-reference requests (links, definition,
 * references, workspace symbols), the RFCs view (`rfc/listRfcs`, `rfc/indexChanged`), and
 * re-publishing open RFCs whose cross-file findings an index change altered.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import { workspaceView } from '../engine';
import type { ProjectService } from '../project/service';
import { IndexChangedNotification, ListRfcsRequest } from '../protocol';
import type { DocumentAnalyses, DocumentAnalysis } from './documentAnalyses';
import { definition, documentLinks, references, workspaceSymbols, type CrossReferenceContext } from './features/crossReferences';
import type { DiagnosticsPublisher } from './publisher';
import { noParams, position, shape, string, textDocument, type RequestGuard } from './requestGuard';

/** The capabilities the workspace index adds to the server's. */
export const indexCapabilities: ServerCapabilities = {
  documentLinkProvider: { resolveProvider: false },
  definitionProvider: true,
  referencesProvider: true,
  workspaceSymbolProvider: true,
};

/** How long to wait before re-publishing open documents after the index changed (a burst of changes costs one). */
const REPUBLISH_MS = 50;
/** `rfc/indexChanged` is sent at most this often. */
const NOTIFY_MS = 300;

/** What the cross-reference features of an open RFC read. */
export function crossReferenceContext(project: ProjectService, result: DocumentAnalysis): CrossReferenceContext {
  return { entry: project.entryOf(result), view: workspaceView(project.index.all()), ready: project.index.isReady() };
}

export function connectIndexFeatures(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyses: DocumentAnalyses,
  project: ProjectService,
  publisher: DiagnosticsPublisher,
  guard: RequestGuard,
  /** The version of a document whose findings the user was shown last (`rfc.run: "onSave"` holds newer ones back). */
  shownVersion: (uri: string) => number | undefined,
): void {
  let republishTimer: ReturnType<typeof setTimeout> | undefined;
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  project.index.onDidChange(({ numbers }) => {
    if (numbers && !republishTimer) {
      republishTimer = setTimeout(() => {
        republishTimer = undefined;
        for (const document of documents.all()) {
          void analyses.current(document.uri).then((result) => {
            // Only the version the client has now and was shown (a newer publish may be on its
            // way, or be held until a save), and only when its cross-file findings changed.
            const current = result && result.version === documents.get(document.uri)?.version && result.version === shownVersion(document.uri);
            if (current && publisher.crossFileChanged(result)) publisher.publish(result);
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
  documents.onDidClose((e) => project.index.documentClosed(e.document.uri));

  const contextOf = async (uri: string) => {
    const result = await analyses.current(uri);
    return result?.isRfc ? crossReferenceContext(project, result) : undefined;
  };
  const atPosition = shape({ textDocument, position });
  connection.onDocumentLinks(
    guard.request('textDocument/documentLink', shape({ textDocument }), async (params) => {
      const context = await contextOf(params.textDocument.uri);
      return context ? documentLinks(context) : [];
    }),
  );
  connection.onDefinition(
    guard.request('textDocument/definition', atPosition, async (params) => {
      const context = await contextOf(params.textDocument.uri);
      return context ? definition(context, params.position) : null;
    }),
  );
  const referenceContext = (v: unknown, name: string) =>
    typeof v === 'object' && v !== null && typeof (v as { includeDeclaration?: unknown }).includeDeclaration === 'boolean' ? undefined : `"${name}" must be { includeDeclaration: boolean }`;
  connection.onReferences(
    guard.request('textDocument/references', shape({ textDocument, position, context: referenceContext }), async (params) => {
      const context = await contextOf(params.textDocument.uri);
      return context ? references(context, params.position, params.context.includeDeclaration) : null;
    }),
  );
  connection.onWorkspaceSymbol(
    guard.request('workspace/symbol', shape({ query: string }), (params) => workspaceSymbols(workspaceView(project.index.all()), params.query)),
  );
  connection.onRequest(ListRfcsRequest.type, guard.request(ListRfcsRequest.method, noParams, () => ({ rfcs: project.index.list() })));
}
