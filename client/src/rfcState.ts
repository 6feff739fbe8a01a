import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnalysisReadyNotification, type AnalysisReadyParams } from '../../server/src/protocol';

/** The context key that `when` clauses use for "the active editor shows an RFC". */
export const RFC_EDITOR_CONTEXT = 'rfc.isRfcEditor';

/**
 * What the server last said about each document (is it an RFC, its completeness), fed by
 * its `rfc/analysisReady` notifications: the client never decides this itself.
 */
export class RfcState implements vscode.Disposable {
  private readonly latest = new Map<string, AnalysisReadyParams>();
  private readonly emitter = new vscode.EventEmitter<AnalysisReadyParams>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  /** Fires after each analysis the server publishes. */
  readonly onDidAnalyze = this.emitter.event;

  constructor(client: LanguageClient) {
    this.disposables.push(
      client.onNotification(AnalysisReadyNotification.type, (params) => {
        this.latest.set(params.uri, params);
        this.updateContext();
        this.emitter.fire(params);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.workspace.onDidCloseTextDocument((d) => this.latest.delete(d.uri.toString())),
    );
  }

  isRfc(uri: vscode.Uri): boolean {
    return this.latest.get(uri.toString())?.isRfc === true;
  }

  /** The last analysis of a document, if the server has analysed it. */
  analysisOf(uri: vscode.Uri): AnalysisReadyParams | undefined {
    return this.latest.get(uri.toString());
  }

  /** The active editor when it shows an RFC. */
  activeRfcEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor && this.isRfc(editor.document.uri) ? editor : undefined;
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', RFC_EDITOR_CONTEXT, this.activeRfcEditor() !== undefined);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
