/**
 * `rfc.enable` and `rfc.run`: when the editor shows an RFC's findings. They are editor
 * settings, not `.rfcrc.json` keys: whether a folder is checked while typing is a person's
 * choice, what an RFC must contain is the team's.
 *
 * - `enable: false` (a folder, a workspace): its documents are not checked at all: no
 *   findings, completeness, sections, completion or hover. They stay in the workspace index
 *   (the RFCs view, numbering): New RFC must not reuse their numbers.
 * - `run: "onSave"`: findings and completeness are shown when a document is opened or
 *   saved, and when settings or templates change; analyses that requests need meanwhile
 *   (outline, code actions) are not shown.
 */
import type { SettingsSource } from './settingsSource';

export type RunMode = 'onType' | 'onSave';

export interface CheckingSwitches {
  enable: boolean;
  run: RunMode;
}

/** The switches in a raw `rfc` settings object; a missing or malformed one is its default. */
export function checkingSwitches(raw: unknown): CheckingSwitches {
  const value = raw !== null && typeof raw === 'object' ? (raw as { enable?: unknown; run?: unknown }) : {};
  return {
    enable: value.enable !== false,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
  };
}

/**
 * Which analyses are shown under `rfc.run`: in `onSave` mode only those released by an
 * open, a save or a settings change. Remembers the version last shown of each document,
 * so an index change re-publishes only what the user has already been shown.
 */
export class ShownAnalyses {
  /** Documents whose next analysis is shown whatever the mode. */
  private readonly released = new Set<string>();
  private readonly versions = new Map<string, number>();

  constructor(private readonly settings: SettingsSource) {}

  async switchesFor(uri: string): Promise<CheckingSwitches> {
    return checkingSwitches(await this.settings.get(uri));
  }

  /** The next analysis of the document is shown (it was opened or saved, or settings changed). */
  release(uri: string): void {
    this.released.add(uri);
  }

  /** Whether a release is still pending (no analysis took it), taking it. */
  takeRelease(uri: string): boolean {
    return this.released.delete(uri);
  }

  /** Whether a new analysis of the document is shown now. */
  async mayShow(uri: string): Promise<boolean> {
    return this.takeRelease(uri) || (await this.switchesFor(uri)).run === 'onType';
  }

  shown(uri: string, version: number): void {
    this.versions.set(uri, version);
  }

  /** The version of the document whose analysis was shown last. */
  shownVersion(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  forget(uri: string): void {
    this.released.delete(uri);
    this.versions.delete(uri);
  }
}
