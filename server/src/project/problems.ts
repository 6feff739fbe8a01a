/**
 * Problems with the files the project reads for settings, not as RFCs: a template that
 * cannot be used, an `.rfcrc.json` that is not JSON or has keys of the wrong shape. Each
 * is logged once while it lasts, shown as a diagnostic on the file while it is open, and
 * logged again as solved when it goes away.
 */

export interface FileProblem {
  message: string;
  /** `template` or `config`: the diagnostic's code. */
  code: 'template' | 'config';
}

export interface ProblemsHost {
  error(message: string): void;
  info(message: string): void;
  /** The problems of this file changed: its diagnostics (and what depends on it) need publishing again. */
  changed(uri: string): void;
}

export class ProblemRegistry {
  private readonly problems = new Map<string, FileProblem[]>();

  constructor(private readonly host: ProblemsHost) {}

  /** Sets the file's problems of one kind (none: solved); `quiet` when they are logged elsewhere already. */
  set(uri: string, code: FileProblem['code'], messages: readonly string[], solved?: string, quiet = false): void {
    const others = (this.problems.get(uri) ?? []).filter((p) => p.code !== code);
    const before = (this.problems.get(uri) ?? []).filter((p) => p.code === code).map((p) => p.message);
    if (before.join('\n') === messages.join('\n')) return;
    const now = [...others, ...messages.map((message) => ({ message, code }))];
    if (now.length > 0) this.problems.set(uri, now);
    else this.problems.delete(uri);
    if (!quiet) {
      for (const message of messages) if (!before.includes(message)) this.host.error(message);
      if (messages.length === 0 && before.length > 0 && solved) this.host.info(solved);
    }
    this.host.changed(uri);
  }

  of(uri: string): readonly FileProblem[] {
    return this.problems.get(uri) ?? [];
  }

  /** Every message once (a template's problem is also its configuration file's), for a report of a whole run (rfc-lint). */
  all(): string[] {
    return [...new Set([...this.problems.values()].flat().map((p) => p.message))];
  }
}
