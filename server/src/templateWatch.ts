/**
 * Keeps open RFCs in step with their templates: a template or `.rfcrc.json` changed on
 * disk (workspace/didChangeWatchedFiles), a template edited in the editor, or workspace
 * trust granted makes every open document be analysed again.
 */
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeWatchedFilesNotification, WatchKind, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { DEBOUNCE_MS, type DocumentAnalyses } from './documentAnalyses';
import { WorkspaceTrustNotification } from './protocol';
import type { TeamTemplates } from './teamTemplates';

/**
 * Asks the client to report changes to markdown files and `.rfcrc.json` (templates can be
 * any markdown file; the workspace index reads the RFCs among the markdown files), and
 * deletions of anything: a deleted or renamed folder is reported as one event for the
 * folder, not for the RFCs in it.
 */
export function watchTemplateFiles(connection: Connection): void {
  void connection.client
    .register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/.rfcrc.json' }, { globPattern: '**/*', kind: WatchKind.Delete }],
    })
    .catch((error: unknown) => connection.console.error(`Could not watch template files: ${(error as Error).message}`));
}

/**
 * `filesChanged` also receives every watched-file event (the workspace index's), and
 * whether a template or `.rfcrc.json` was among them.
 */
export function connectTeamTemplates(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyses: DocumentAnalyses,
  templates: TeamTemplates,
  filesChanged?: (changes: FileEvent[], templatesChanged: boolean) => void,
): void {
  let timer: NodeJS.Timeout | undefined;
  /** Re-analyses every open document, once for a burst of changes. */
  const reanalyse = (delay: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      analyses.invalidateAll(documents.keys());
    }, delay);
  };

  connection.onDidChangeWatchedFiles((params) => {
    const templatesChanged = templates.filesChanged(params.changes.map((c) => c.uri));
    if (templatesChanged) reanalyse(0);
    filesChanged?.(params.changes, templatesChanged);
  });
  // A template open in the editor is read from the editor, so its edits count at once.
  documents.onDidChangeContent((e) => {
    if (templates.documentChanged(e.document.uri)) reanalyse(DEBOUNCE_MS);
  });
  documents.onDidClose((e) => {
    if (templates.documentChanged(e.document.uri)) reanalyse(0);
  });
  connection.onNotification(WorkspaceTrustNotification.type, (params) => {
    if (templates.setTrusted(params.trusted !== false)) reanalyse(0);
  });
}

/** Re-publishes after a template problem appeared or went away (the template's own diagnostics change). */
export function problemsChangedHandler(documents: TextDocuments<TextDocument>, analyses: () => DocumentAnalyses): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      analyses().invalidateAll(documents.keys());
    }, 0);
  };
}

/** Finds the open document of a file-system path (a template open in the editor is read from there). */
export function openDocumentAt(documents: TextDocuments<TextDocument>): (fsPath: string) => { text: string; version: number } | undefined {
  return (fsPath) => {
    for (const document of documents.all()) {
      const uri = URI.parse(document.uri);
      if (uri.scheme === 'file' && path.normalize(uri.fsPath) === fsPath) return { text: document.getText(), version: document.version };
    }
    return undefined;
  };
}
