import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSettings } from '../project/documentSettings';
import type { ProjectAnalysis, ProjectService } from '../project/service';

/** The latest analysis of one open document, as the project sees it, for the version it was computed on. */
export interface DocumentAnalysis extends ProjectAnalysis {
  version: number;
  /** The settings generation it was computed under; a settings change makes it stale. */
  generation: number;
  /**
   * An RFC where the editor turned checking off (`rfc.enable`): `isRfc` is false, so no
   * feature treats it as one, but the workspace index still counts it.
   */
  checkingOff: boolean;
}

export interface AnalysesHost {
  project: ProjectService;
  /** Called with each new analysis of the newest version of a document. */
  publish(result: DocumentAnalysis): void;
  /** Called when a document is closed or stops being analysed. */
  clear(uri: string): void;
  log(message: string): void;
  /** Whether the editor checks this document (`rfc.enable`); default: yes. */
  enabled?(uri: string): Promise<boolean>;
}

/** Wait this long after the last keystroke before analysing: typing bursts cost one analysis. */
export const DEBOUNCE_MS = 150;

/**
 * Keeps one analysis per open document, debounces re-analysis on change and never
 * publishes results for an outdated version: a result is published only if the document
 * still has the version it was computed from. Each new analysis is built incrementally
 * from the previous one, so an edit re-parses only the section it touched.
 */
export class DocumentAnalyses {
  private readonly latest = new Map<string, DocumentAnalysis>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private generation = 0;

  constructor(
    private readonly host: AnalysesHost,
    private readonly getDocument: (uri: string) => TextDocument | undefined,
  ) {}

  /** Analyses soon; a newer call for the same document replaces this one. */
  schedule(uri: string, delay = DEBOUNCE_MS): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.refresh(uri);
      }, delay),
    );
  }

  /** Marks every analysis stale (settings or workspace changed) and schedules every open document. */
  invalidateAll(uris: Iterable<string>): void {
    this.generation++;
    for (const uri of uris) this.schedule(uri, 0);
  }

  /**
   * The analysis of the document's current version, computed now if the last one is
   * outdated (requests must answer for what the user sees). Undefined when not open.
   */
  async current(uri: string): Promise<DocumentAnalysis | undefined> {
    const document = this.getDocument(uri);
    if (!document) return undefined;
    // A newer edit (or settings change) can arrive while settings and template are fetched;
    // then analyse again, so the answer is always for the version the client has now.
    for (let attempt = 0; attempt < 5; attempt++) {
      const now = this.getDocument(uri);
      if (!now) return undefined;
      const known = this.latest.get(uri);
      if (known && known.version === now.version && known.generation === this.generation) return known;
      const result = await this.refresh(uri);
      if (result && result.version === this.getDocument(uri)?.version && result.generation === this.generation) return result;
    }
    return this.latest.get(uri);
  }

  close(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.latest.delete(uri);
    this.host.clear(uri);
  }

  private async refresh(uri: string): Promise<DocumentAnalysis | undefined> {
    const document = this.getDocument(uri);
    if (!document) return undefined;
    const version = document.version;
    const generation = this.generation;
    const [settings, enabled]: [DocumentSettings, boolean] = await Promise.all([this.host.project.settingsFor(uri), this.host.enabled?.(uri) ?? true]);
    const template = await this.host.project.templateFor(uri, settings);
    const now = this.getDocument(uri);
    // The document or the settings changed while settings were fetched: the newer schedule wins.
    if (!now || now.version !== version || generation !== this.generation) return now ? this.latest.get(uri) : undefined;
    const known = this.latest.get(uri);
    if (known && known.version === version && known.generation === generation) return known;
    try {
      const analysed = await this.host.project.analyze(uri, now.getText(), known?.analysis, { settings, template });
      const result: DocumentAnalysis = { ...analysed, isRfc: analysed.isRfc && enabled, checkingOff: analysed.isRfc && !enabled, version, generation };
      this.latest.set(uri, result);
      this.host.publish(result);
      return result;
    } catch (error) {
      // The engine guards each rule; this is a failure outside them. Keep serving.
      this.host.log(`Analysis of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  }
}
