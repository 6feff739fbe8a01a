/**
 * What opening, editing, saving and closing a document set off: an analysis at once on
 * open, after the typing pause on change (`rfc.run: "onType"`), shown on save, and
 * everything forgotten on close.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import type { ShownAnalyses } from './checking';
import type { DocumentAnalyses, DocumentAnalysis } from './documentAnalyses';
import type { SettingsSource } from './settingsSource';

export function connectDocumentEvents(
  documents: TextDocuments<TextDocument>,
  analyses: DocumentAnalyses,
  settings: SettingsSource,
  shown: ShownAnalyses,
  show: (result: DocumentAnalysis) => void,
): void {
  // TextDocuments reports an opened document as changed too; that first "change" must not
  // push the immediate analysis of an open back by the typing debounce.
  const justOpened = new Map<string, number>();
  documents.onDidOpen((e) => {
    justOpened.set(e.document.uri, e.document.version);
    shown.release(e.document.uri);
    analyses.schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    const { uri, version } = e.document;
    const opened = justOpened.get(uri);
    justOpened.delete(uri);
    if (opened === version) return;
    // Checked on save only: typing analyses nothing (requests still analyse what they need).
    void shown.switchesFor(uri).then((switches) => {
      if (switches.run === 'onType') analyses.schedule(uri);
    });
  });
  documents.onDidSave((e) => {
    const uri = e.document.uri;
    shown.release(uri);
    void analyses.current(uri).then((result) => {
      // The analysis was already current (a request made it): no new one took the release.
      if (result && shown.takeRelease(uri)) show(result);
    });
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    settings.forget(e.document.uri);
    shown.forget(e.document.uri);
    analyses.close(e.document.uri);
  });
}
