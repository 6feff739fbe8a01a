import type { Connection } from 'vscode-languageserver';

/**
 * The editor's `rfc` settings for a document, raw (the project service sanitises them).
 * Clients that answer `workspace/configuration` (VS Code) are asked per document, scoped to
 * it, and the answer cached until they say settings changed. Clients that cannot be asked
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

  constructor(private readonly connection: Connection) {}

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
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'rfc' }).then(
        (reply: unknown) => reply ?? this.pushed,
        () => this.pushed,
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
