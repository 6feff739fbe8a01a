import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CompletenessRequest, type CompletenessResult } from '../../server/src/protocol';
import { countSectionStates } from './sectionStates';
import type { RfcState } from './rfcState';

/**
 * `$(checklist) RFC 62%` while an RFC is the active editor, updated after each analysis
 * (no polling). The tooltip lists what is left; clicking reveals the sections view.
 */
export class CompletenessStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rfc.completeness', vscode.StatusBarAlignment.Left, 50);
  private readonly updated = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.item, this.updated];
  /** Fires after the item changed (tests wait on it). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly state: RfcState,
    private readonly log: vscode.OutputChannel,
  ) {
    this.item.name = 'RFC Completeness';
    this.item.command = 'rfcSections.focus';
    this.disposables.push(
      state.onDidAnalyze((params) => {
        if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) void this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      state.onDidChangeServer(() => void this.update()),
    );
    void this.update();
  }

  private shown = false;

  /** Whether the item is on the status bar now. */
  get visible(): boolean {
    return this.shown;
  }

  /** The text shown now (for tests and for the screenshot check). */
  get text(): string | undefined {
    return this.item.text;
  }

  /** The tooltip's text now (for tests). */
  get tooltipText(): string | undefined {
    const tooltip = this.item.tooltip;
    return typeof tooltip === 'string' ? tooltip : tooltip?.value;
  }

  private async update(): Promise<void> {
    if (!this.state.serverRunning) {
      this.showStopped();
      return;
    }
    const editor = this.state.activeRfcEditor();
    if (!editor) {
      this.shown = false;
      this.item.hide();
      this.updated.fire();
      return;
    }
    const uri = editor.document.uri.toString();
    let result: CompletenessResult | null;
    try {
      result = await this.client.sendRequest(CompletenessRequest.type, { uri });
    } catch (error) {
      this.log.appendLine(`Completeness request failed: ${String(error)}`);
      return;
    }
    // The user may have switched editors (or the server stopped) while the request was out.
    if (!result || !this.state.serverRunning || vscode.window.activeTextEditor?.document.uri.toString() !== uri) return;
    const done = result.percent === 100;
    this.item.text = `${done ? '$(pass-filled)' : '$(checklist)'} RFC ${result.percent}%`;
    this.item.color = done ? new vscode.ThemeColor('testing.iconPassed') : undefined;
    this.item.backgroundColor = undefined;
    this.item.command = 'rfcSections.focus';
    this.item.tooltip = tooltip(result, editor.document.uri);
    this.item.accessibilityInformation = { label: `RFC ${result.percent} percent complete`, role: 'button' };
    this.item.show();
    this.shown = true;
    this.updated.fire();
  }

  /** While the server is down: no numbers from it, but a word that it stopped, on every editor. */
  private showStopped(): void {
    this.item.text = '$(debug-disconnect) RFC server stopped';
    this.item.color = undefined;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.tooltip = 'The RFC Assistant language server stopped. VS Code restarts it after a crash; the "RFC Assistant" output says why it stopped.';
    this.item.accessibilityInformation = { label: 'RFC language server stopped', role: 'button' };
    this.item.command = 'rfc.showOutput';
    this.item.show();
    this.shown = true;
    this.updated.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function tooltip(result: CompletenessResult, uri: vscode.Uri): vscode.MarkdownString {
  const counts = countSectionStates(result.sections);
  const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rfc');
  const bySeverity = (s: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === s).length;
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**RFC ${result.percent}% complete** (${result.complete} of ${result.total} parts done)\n\n`);
  md.appendMarkdown(`- Sections present: ${counts.present} of ${counts.total}\n`);
  md.appendMarkdown(`- Sections missing: ${counts.missing}\n`);
  md.appendMarkdown(`- Placeholders left: ${result.placeholdersLeft}\n`);
  md.appendMarkdown(
    `- Problems: ${bySeverity(vscode.DiagnosticSeverity.Error)} errors, ${bySeverity(vscode.DiagnosticSeverity.Warning)} warnings, ${bySeverity(vscode.DiagnosticSeverity.Information)} infos\n\n`,
  );
  md.appendMarkdown('Click to show the RFC sections.');
  return md;
}
