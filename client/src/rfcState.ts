import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { AnalysisReadyNotification, type AnalysisReadyParams } from '../../server/src/protocol';

/** The context key that `when` clauses use for "the active editor shows an RFC". */
export const RFC_EDITOR_CONTEXT = 'rfc.isRfcEditor';

/**
 * What the server last said about each document (is it an RFC, its completeness), fed by
 * its `rfc/analysisReady` notifications: the client never decides this itself. When the
 * server stops (a crash: the language client restarts it), everything it said is
 * forgotten, so no view shows numbers from a server that is gone; the restarted server
 * analyses the open documents again.
 */
export class RfcState implements vscode.Disposable {
  private readonly latest = new Map<string, AnalysisReadyParams>();
  private readonly emitter = new vscode.EventEmitter<AnalysisReadyParams>();
  private readonly serverEmitter = new vscode.EventEmitter<boolean>();
  private readonly disposables: vscode.Disposable[] = [this.emitter, this.serverEmitter];
  private running = false;
  /** Fires after each analysis the server publishes. */
  readonly onDidAnalyze = this.emitter.event;
  /** Fires when the server starts running (true) or stops (false). */
  readonly onDidChangeServer = this.serverEmitter.event;

  constructor(client: BaseLanguageClient) {
    this.running = client.state === State.Running;
    this.disposables.push(
      client.onDidChangeState(({ newState }) => {
        const running = newState === State.Running;
        if (running === this.running) return;
        this.running = running;
        if (!running) this.latest.clear();
        this.updateContext();
        this.serverEmitter.fire(running);
      }),
      client.onNotification(AnalysisReadyNotification.type, (params) => {
        this.latest.set(params.uri, params);
        this.updateContext();
        this.emitter.fire(params);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.workspace.onDidCloseTextDocument((d) => this.latest.delete(d.uri.toString())),
    );
  }

  /** Whether the language server is running now. */
  get serverRunning(): boolean {
    return this.running;
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
