import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CompletenessRequest, type SectionReport } from '../../server/src/protocol';
import { describeState } from './sectionStates';
import type { RfcState } from './rfcState';

/** One entry of the RFC Sections view: a template section and its state in the active RFC. */
export interface SectionNode {
  uri: vscode.Uri;
  section: SectionReport;
}

const ICONS: Record<SectionReport['state'], [string, string | undefined]> = {
  complete: ['pass-filled', 'testing.iconPassed'],
  'not-applicable': ['circle-slash', 'disabledForeground'],
  placeholders: ['edit', 'list.warningForeground'],
  guidance: ['edit', 'list.warningForeground'],
  example: ['edit', 'list.warningForeground'],
  invalid: ['warning', 'list.warningForeground'],
  empty: ['circle-large-outline', 'list.warningForeground'],
  incomplete: ['circle-large-outline', undefined],
  missing: ['dash', 'disabledForeground'],
};

/**
 * "RFC Sections": the template's sections for the active RFC with their state, from the
 * server's `rfc/completeness` report. Missing sections are ghost entries with an inline
 * "Insert section" action. Refreshes after each analysis of the active RFC.
 */
export class SectionsTreeProvider implements vscode.TreeDataProvider<SectionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SectionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private roots: SectionNode[] = [];
  private refreshes = 0;
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires when the tree has new content (tests wait on it). */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly state: RfcState,
    private readonly log: vscode.OutputChannel,
  ) {
    this.disposables.push(
      this.refreshed,
      state.onDidAnalyze((params) => {
        if (params.uri === vscode.window.activeTextEditor?.document.uri.toString()) void this.refresh();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      state.onDidChangeServer(() => void this.refresh()),
    );
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const ticket = ++this.refreshes;
    const editor = this.state.activeRfcEditor();
    let roots: SectionNode[] = [];
    if (editor) {
      try {
        const result = await this.client.sendRequest(CompletenessRequest.type, { uri: editor.document.uri.toString() });
        roots = (result?.sections ?? []).map((section) => ({ uri: editor.document.uri, section }));
      } catch (error) {
        this.log.appendLine(`Sections view: completeness request failed: ${String(error)}`);
      }
    }
    if (ticket !== this.refreshes) return; // a newer refresh is under way
    this.roots = roots;
    this.changed.fire(undefined);
    this.refreshed.fire();
  }

  getChildren(node?: SectionNode): SectionNode[] {
    if (!node) return this.roots;
    return node.section.children.map((section) => ({ uri: node.uri, section }));
  }

  getTreeItem(node: SectionNode): vscode.TreeItem {
    const { section } = node;
    const item = new vscode.TreeItem(
      section.name,
      section.children.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `${node.uri.toString()}#${section.id}`;
    item.description = describeState(section);
    const [icon, color] = ICONS[section.state];
    item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    item.contextValue = section.state === 'missing' ? 'missing' : 'present';
    item.tooltip = `${section.name}: ${describeState(section)}`;
    if (section.line !== undefined) {
      item.command = { command: 'rfc.sections.reveal', title: 'Reveal Section', arguments: [node.uri, section.line] };
    }
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Selects and reveals a section's heading line. */
export async function revealSection(uri: vscode.Uri, line: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
  const position = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(position, editor.document.lineAt(line).range.end);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
