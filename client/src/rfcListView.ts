import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { IndexChangedNotification, ListRfcsRequest, type ListRfcsResult, type RfcListEntry } from '../../server/src/protocol';

/** A status group or an RFC in the RFCs view. */
export type RfcListNode = { kind: 'status'; status: string; rfcs: RfcListEntry[] } | { kind: 'rfc'; rfc: RfcListEntry };

/** Status groups in the order of their lifecycle stage (the server reads it); others follow alphabetically, "No status" last. */
const STAGE_ORDER = ['draft', 'review', 'approved', 'implemented'];
const NO_STATUS = 'No status';

/**
 * "RFCs": every RFC of the workspace grouped by status, each with its number, title and
 * completeness; selecting one opens it. Fed by the server's index (`rfc/listRfcs`,
 * refreshed on `rfc/indexChanged`), never by reading files in the client.
 */
export class RfcListProvider implements vscode.TreeDataProvider<RfcListNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RfcListNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshed = new vscode.EventEmitter<void>();
  /** Fires when the list has new content (tests wait on it). */
  readonly onDidRefresh = this.refreshed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.refreshed];
  private groups: RfcListNode[] = [];
  private ticket = 0;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly log: vscode.OutputChannel,
  ) {
    this.disposables.push(client.onNotification(IndexChangedNotification.method, () => void this.refresh()));
  }

  /** The server stopped: show no RFCs (its list is gone) until it runs again and is asked. */
  clear(): void {
    ++this.ticket;
    this.groups = [];
    this.changed.fire(undefined);
    this.refreshed.fire();
  }

  async refresh(): Promise<void> {
    const ticket = ++this.ticket;
    let rfcs: RfcListEntry[] = [];
    try {
      const result = await this.client.sendRequest<ListRfcsResult | null>(ListRfcsRequest.method);
      rfcs = result?.rfcs ?? [];
    } catch (error) {
      this.log.appendLine(`RFCs view: listing failed: ${String(error)}`);
    }
    if (ticket !== this.ticket) return;
    this.groups = group(rfcs);
    this.changed.fire(undefined);
    this.refreshed.fire();
  }

  getChildren(node?: RfcListNode): RfcListNode[] {
    if (!node) return this.groups;
    return node.kind === 'status' ? node.rfcs.map((rfc) => ({ kind: 'rfc', rfc })) : [];
  }

  getTreeItem(node: RfcListNode): vscode.TreeItem {
    if (node.kind === 'status') {
      const item = new vscode.TreeItem(node.status, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `status:${node.status}`;
      item.description = String(node.rfcs.length);
      return item;
    }
    const { rfc } = node;
    const item = new vscode.TreeItem(rfc.number ? `${rfc.number} ${rfc.title}` : rfc.title, vscode.TreeItemCollapsibleState.None);
    item.id = `rfc:${rfc.uri}`;
    item.resourceUri = vscode.Uri.parse(rfc.uri);
    item.description = `${rfc.percent}%${rfc.problems > 0 ? ` · ${rfc.problems} ${rfc.problems === 1 ? 'problem' : 'problems'}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(rfc.percent === 100 ? 'pass-filled' : 'file-text', rfc.percent === 100 ? new vscode.ThemeColor('testing.iconPassed') : undefined);
    item.tooltip = `${rfc.title}\n${rfc.status ?? NO_STATUS}, ${rfc.percent}% complete`;
    item.command = { command: 'vscode.open', title: 'Open RFC', arguments: [item.resourceUri] };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function group(rfcs: readonly RfcListEntry[]): RfcListNode[] {
  const byStatus = new Map<string, RfcListEntry[]>();
  const stageOf = new Map<string, number>();
  for (const rfc of rfcs) {
    const status = rfc.status?.trim() || NO_STATUS;
    byStatus.set(status, [...(byStatus.get(status) ?? []), rfc]);
    const stage = rfc.stage === undefined ? -1 : STAGE_ORDER.indexOf(rfc.stage);
    if (stage >= 0) stageOf.set(status, Math.min(stageOf.get(status) ?? stage, stage));
  }
  const rank = (s: string) => (s === NO_STATUS ? 1000 : (stageOf.get(s) ?? 100));
  return [...byStatus.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([status, list]) => ({
      kind: 'status' as const,
      status,
      rfcs: [...list].sort((x, y) => (x.number ?? '\uffff').localeCompare(y.number ?? '\uffff') || x.title.localeCompare(y.title)),
    }));
}
