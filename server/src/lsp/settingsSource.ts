import type { Connection } from 'vscode-languageserver';

/**
 * The editor's `rfc` settings for a document, raw (the project service sanitises them).
 * Clients that answer `workspace/configuration` (VS Code) are asked per workspace folder,
 * scoped to the folder (a document outside every folder: to the document), and the answer
 * cached until they say settings changed. VS Code's resource settings differ by workspace
 * folder, never by file within one (language overrides need a language, which a scope URI
 * does not carry), so asking per file, as this did, changed no answer and cost the
 * workspace index a round trip over stdio for every file it read. Clients that cannot be asked
 * (Neovim 0.7, some others) push settings with `workspace/didChangeConfiguration`; the
 * `rfc` section they push is used for every document. A client that can be asked but has
 * no `rfc` section to give answers null (newer Neovim answers from `config.settings`, which
 * a plugin pushing with `client.notify` leaves empty): then what it pushed applies, so a
 * push is never dropped for an empty answer. Neither: the defaults.
 */
export class SettingsSource {
  private readonly cache = new Map<string, Promise<unknown>>();
  private pushed: unknown;
  private canPull = false;

  /** `scopeOf` gives the URI a document's settings are asked for and cached under. */
  constructor(
    private readonly connection: Connection,
    private readonly scopeOf: (uri: string) => string,
  ) {}

  setCanPull(canPull: boolean): void {
    this.canPull = canPull;
  }

  /** The `rfc` section a client pushed (`{ settings: { rfc: {...} } }`), if it pushed one. */
  push(settings: unknown): void {
    const rfc = (settings as { rfc?: unknown } | null | undefined)?.rfc;
    if (rfc !== undefined) this.pushed = rfc;
  }

  get(uri: string): Promise<unknown> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    const scope = this.scopeOf(uri);
    let settings = this.cache.get(scope);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: scope, section: 'rfc' }).then(
        (reply: unknown) => reply ?? this.pushed,
        () => this.pushed,
      );
      this.cache.set(scope, settings);
    }
    return settings;
  }

  /** A closed document outside the workspace folders leaves the cache (folders' answers stay). */
  forget(uri: string): void {
    if (this.scopeOf(uri) === uri) this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
