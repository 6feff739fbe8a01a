import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { ProjectService } from '../project/service';
import { toDiagnostics } from './convert';
import type { DocumentAnalysis } from './documentAnalyses';

/**
 * Sends diagnostics: an open RFC's findings with its cross-file ones, and the problems of a
 * file the project reads for settings (a template that cannot be used, an `.rfcrc.json`
 * with wrong keys), on that file whether it is open or not. Remembers the cross-file
 * findings sent per document, so an index change re-publishes only what it changed.
 */
export class DiagnosticsPublisher {
  private readonly crossFile = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly project: ProjectService,
  ) {}

  publish(result: DocumentAnalysis): void {
    const findings = result.isRfc ? toDiagnostics(this.project.findingsOf(result)) : [];
    this.crossFile.set(result.uri, JSON.stringify(this.project.crossFileFindings(result)));
    void this.connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: [...this.problems(result.uri), ...findings] });
  }

  /** A file's problems alone (it is not open as a document). */
  publishProblems(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: this.problems(uri) });
  }

  /** Whether the document's cross-file findings differ from those last published (then publish it again). */
  crossFileChanged(result: DocumentAnalysis): boolean {
    return (this.crossFile.get(result.uri) ?? '[]') !== JSON.stringify(this.project.crossFileFindings(result));
  }

  clear(uri: string): void {
    this.crossFile.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: this.problems(uri) });
  }

  private problems(uri: string): Diagnostic[] {
    return this.project.problemsOf(uri).map((problem) => ({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Error,
      source: 'rfc',
      code: problem.code,
      message: problem.message,
    }));
  }
}
