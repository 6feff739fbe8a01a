/**
 * Keeps open RFCs in step with the files they depend on: a template or `.rfcrc.json`
 * changed on disk (workspace/didChangeWatchedFiles), a template edited in the editor, or
 * workspace trust granted makes every open document be analysed again; every file event
 * also reaches the workspace index.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { FileChange } from '../project/workspaceIndex';
import type { ProjectService } from '../project/service';
import { WorkspaceTrustNotification } from '../protocol';
import { DEBOUNCE_MS, type DocumentAnalyses } from './documentAnalyses';

/**
 * Asks the client to report changes to markdown files and `.rfcrc.json` (templates can be
 * any markdown file; the workspace index reads the RFCs among the markdown files), and
 * deletions of anything: a deleted or renamed folder is reported as one event for the
 * folder, not for the RFCs in it.
 */
export function watchFiles(connection: Connection): void {
  void connection.client
    .register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/.rfcrc.json' }, { globPattern: '**/*', kind: WatchKind.Delete }],
    })
    .catch((error: unknown) => connection.console.error(`Could not watch template files: ${(error as Error).message}`));
}

const TYPES: Record<number, FileChange['type']> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/** Wires file events, template edits and trust to the project and the open documents' analyses. */
export function connectFileEvents(connection: Connection, documents: TextDocuments<TextDocument>, analyses: DocumentAnalyses, project: ProjectService): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Re-analyses every open document, once for a burst of changes. */
  const reanalyse = (delay: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      analyses.invalidateAll(documents.keys());
    }, delay);
  };

  connection.onDidChangeWatchedFiles((params) => {
    const changes = params.changes.map((c) => ({ uri: c.uri, type: TYPES[c.type] ?? 'changed' }));
    if (project.filesChanged(changes)) reanalyse(0);
  });
  // A template open in the editor is read from the editor, so its edits count at once.
  documents.onDidChangeContent((e) => {
    if (project.documentChanged(e.document.uri)) reanalyse(DEBOUNCE_MS);
  });
  documents.onDidClose((e) => {
    if (project.documentChanged(e.document.uri)) reanalyse(0);
  });
  connection.onNotification(WorkspaceTrustNotification.type, (params) => {
    if (project.setTrusted(params?.trusted !== false)) {
      reanalyse(0);
      project.index.rescan();
    }
  });
}
