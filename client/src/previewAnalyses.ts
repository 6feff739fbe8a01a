import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CompletenessRequest, PlaceholderTextsRequest } from '../../server/src/protocol';
import type { PreviewFigures } from './previewPlugin';
import type { RfcState } from './rfcState';
import { countSectionStates } from './sectionStates';

/** The setting that turns the preview's banner and marks off. */
export const PREVIEW_SETTING = 'rfc.preview.enable';
/** Analyses arrive after each typing pause; one preview refresh for a burst of them. */
const REFRESH_DELAY_MS = 250;

/** The figures of one analysed version. */
export interface PreviewAnalysis extends PreviewFigures {
  version: number;
}

/**
 * What the markdown preview shows of each RFC, from the server. markdown-it renders
 * synchronously, so the plugin reads what is known here and never waits: the first render
 * of a document asks the server (and shows nothing of it yet); the answer refreshes the
 * preview. After that, each new analysis of a rendered document is fetched again and
 * refreshes the preview (debounced), as does a change of `rfc.preview.enable`.
 */
export class PreviewAnalyses implements vscode.Disposable {
  /** Per document URI: its figures, or null when the server says it is not an open RFC. */
  private readonly known = new Map<string, PreviewAnalysis | null>();
  /** Documents a preview has rendered: only these are fetched after each analysis. */
  private readonly rendered = new Set<string>();
  private readonly inFlight = new Set<string>();
  private readonly again = new Set<string>();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly updated = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [this.updated];
  /** Fires with a document's URI after its figures were fetched (tests wait on it). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly state: RfcState,
    private readonly log: vscode.OutputChannel,
  ) {
    this.disposables.push(
      state.onDidAnalyze((params) => {
        // A rendered document that is, or was, an RFC.
        if (this.rendered.has(params.uri) && (params.isRfc || this.known.get(params.uri) !== null)) void this.fetch(params.uri);
      }),
      // Nothing from a server that is gone; the restarted one analyses again, which fetches again.
      state.onDidChangeServer((running) => {
        if (running) return;
        this.known.clear();
        this.scheduleRefresh();
      }),
      // A preview that renders it again opens it again, and asks again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.known.delete(d.uri.toString());
        this.rendered.delete(d.uri.toString());
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(PREVIEW_SETTING)) this.scheduleRefresh();
      }),
    );
  }

  /**
   * The figures for a render of `currentDocument` (the markdown extension's `vscode.Uri`):
   * undefined when there is no document, the preview is turned off for it, or nothing is
   * known yet (then the server is asked, and the answer refreshes the preview).
   */
  figuresFor(currentDocument: unknown): PreviewFigures | undefined {
    const uri = asUri(currentDocument);
    if (!uri || !vscode.workspace.getConfiguration('rfc', uri).get<boolean>('preview.enable', true)) return undefined;
    const key = uri.toString();
    this.rendered.add(key);
    const known = this.known.get(key);
    if (known === undefined && this.state.serverRunning) void this.fetch(key);
    return known ?? undefined;
  }

  /** The figures last fetched for a document (null: not an RFC; undefined: not fetched). */
  analysisOf(uri: vscode.Uri): PreviewAnalysis | null | undefined {
    return this.known.get(uri.toString());
  }

  /** One request pair per document at a time; an analysis meanwhile asks again after it. */
  private async fetch(uri: string): Promise<void> {
    if (this.inFlight.has(uri)) {
      this.again.add(uri);
      return;
    }
    this.inFlight.add(uri);
    try {
      await this.load(uri);
    } finally {
      this.inFlight.delete(uri);
      if (this.again.delete(uri)) void this.fetch(uri);
    }
  }

  private async load(uri: string): Promise<void> {
    let next: PreviewAnalysis | null;
    try {
      const [completeness, texts] = await Promise.all([
        this.client.sendRequest(CompletenessRequest.type, { uri }),
        this.client.sendRequest(PlaceholderTextsRequest.type, { uri }),
      ]);
      if (completeness && texts) {
        next = {
          version: texts.version,
          percent: completeness.percent,
          // What Next Placeholder visits and the preview marks, the title and metadata's included.
          placeholdersLeft: texts.placeholders.length,
          sectionsMissing: countSectionStates(completeness.sections).missing,
          placeholders: texts.placeholders,
        };
      } else next = null;
    } catch (error) {
      this.log.appendLine(`Preview: the analysis of ${uri} could not be fetched: ${String(error)}`);
      return;
    }
    if (!this.state.serverRunning) return;
    const previous = this.known.get(uri);
    this.known.set(uri, next);
    // Not an RFC, and the preview showed nothing of it: nothing to redraw.
    const redraw = !(previous === undefined && next === null) && JSON.stringify(previous) !== JSON.stringify(next);
    if (redraw) this.scheduleRefresh();
    this.updated.fire(uri);
  }

  private scheduleRefresh(): void {
    if (this.rendered.size === 0) return;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      // The built-in markdown extension may be disabled: then there is no preview to refresh.
      vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, (error: unknown) => {
        this.log.appendLine(`Preview: markdown.preview.refresh failed: ${String(error)}`);
      });
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The markdown extension passes a `vscode.Uri`; anything else (a string render) has no document. */
function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  const like = value as { scheme?: unknown; path?: unknown } | undefined;
  if (like && typeof like.scheme === 'string' && typeof like.path === 'string') return vscode.Uri.from(like as { scheme: string; path: string });
  return undefined;
}
