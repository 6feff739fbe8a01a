/**
 * The one walk over folders: the workspace index's (server and rfc-lint) and rfc-lint's
 * folders and globs. Through ProjectFiles, so it runs on Node, in the browser and on the
 * in-memory workspace of the tests. Written here rather than taken from a glob library
 * (tinyglobby, fast-glob): those pass over unreadable folders without a word, and follow
 * links without asking where they lead.
 *
 * - Links to folders are never followed (as git and the editor treat them): a
 *   `rfcs/current -> 2026` link does not list 2026's RFCs twice.
 * - A link to a file is listed as its target when the target lies inside the folder walked
 *   or one of `linkRoots`; one leading elsewhere (`passwd.md -> /etc/passwd`) is left out
 *   and said in `linkedOutside`.
 * - Each real file is listed once per Walk, whichever path leads to it.
 * - FIFOs, sockets and devices are left out, unless `keepSpecial` (rfc-lint lists them to
 *   refuse them by name).
 * - A folder that cannot be listed is said in `unreadable` with the reason.
 */
import type { FileType, ProjectFiles } from './files';
import { isInside, relativeTo } from './uris';
import { URI } from 'vscode-uri';

export interface WalkFilter {
  /** Whether to go into a folder, by its name. */
  enter(name: string): boolean;
  /** Whether a file is wanted, by its URI as reached (before a link is resolved). */
  want(uri: string): boolean;
}

export interface WalkOptions {
  /** Folders (real URIs) inside which a link to a file is followed, besides the folder walked. */
  linkRoots?: readonly string[];
  /** List FIFOs, sockets and devices with a wanted name (rfc-lint refuses them by name). */
  keepSpecial?: boolean;
  /** At most this many files in all; then the walk stops and `truncated` is set. */
  max?: number;
}

/** A file the walk found. */
export interface WalkedFile {
  /** As reached: the folder walked, then names. */
  uri: string;
  /** The file it is: `uri`, or for a link its target (under the folder walked as named, when it lies there). */
  file: string;
}

export class Walk {
  /** Folders that could not be listed, and why (`permission denied`). */
  readonly unreadable: { uri: string; reason: string }[] = [];
  /** Links to files outside the folders walked and the link roots: not listed. */
  readonly linkedOutside: string[] = [];
  /** Whether `max` stopped the walk. */
  truncated = false;
  private readonly seen = new Set<string>();
  private count = 0;

  constructor(
    private readonly files: ProjectFiles,
    private readonly options: WalkOptions = {},
  ) {}

  /** Marks a real file as listed; false when it already was (a file named twice, or walked before). */
  firstVisit(realUri: string): boolean {
    if (this.seen.has(realUri)) return false;
    this.seen.add(realUri);
    return true;
  }

  /** The wanted files under `folder`, depth first in name order (code units), each real file once. */
  async list(folder: string, filter: WalkFilter): Promise<WalkedFile[]> {
    const out: WalkedFile[] = [];
    const real = (await this.files.realUri(folder)) ?? folder;
    await this.visit(folder, real, { given: folder, real }, filter, out);
    return out;
  }

  private async visit(folder: string, realFolder: string, root: { given: string; real: string }, filter: WalkFilter, out: WalkedFile[]): Promise<void> {
    const listed = await this.files.list(folder);
    if ('error' in listed) {
      this.unreadable.push({ uri: folder, reason: listed.error });
      return;
    }
    const entries = [...listed].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Each folder URI parsed once, not once per entry (a walk meets tens of thousands).
    const under = childOf(folder);
    const underReal = childOf(realFolder);
    for (const entry of entries) {
      if (this.truncated) return;
      const uri = under(entry.name);
      const realUri = underReal(entry.name);
      if (entry.type === 'directory') {
        if (filter.enter(entry.name)) await this.visit(uri, realUri, root, filter, out);
        continue;
      }
      if (!filter.want(uri)) continue;
      const found = entry.type === 'file' ? { uri, file: uri, real: realUri } : await this.special(uri, realUri, root);
      if (!found || !this.firstVisit(found.real)) continue;
      if (this.options.max !== undefined && this.count >= this.options.max) {
        this.truncated = true;
        return;
      }
      this.count++;
      out.push({ uri: found.uri, file: found.file });
    }
  }

  /** A link (followed when it leads to a file inside), or a FIFO, socket or device. */
  private async special(uri: string, realUri: string, root: { given: string; real: string }): Promise<{ uri: string; file: string; real: string } | undefined> {
    const target = await this.files.realUri(uri);
    if (target === undefined) return undefined; // a broken or circular link
    if (target === realUri) return this.options.keepSpecial ? { uri, file: uri, real: realUri } : undefined;
    const type: FileType | undefined = (await this.files.stat(uri))?.type;
    if (type === undefined || type === 'directory') return undefined; // links to folders are not followed
    if (type !== 'file' && !this.options.keepSpecial) return undefined;
    if (this.seen.has(target)) return undefined; // listed already, or named on the command line and dealt with there
    const inRoot = relativeTo(root.real, target);
    if (inRoot !== undefined) return { uri, file: inRoot === '' ? root.given : childOf(root.given)(inRoot), real: target };
    if ((this.options.linkRoots ?? []).some((r) => isInside(target, r))) return { uri, file: target, real: target };
    this.linkedOutside.push(uri);
    return undefined;
  }
}

/** The URIs of names (or `/`-separated relative paths) under a folder, taken as they are: no `..`, no `\` read as a separator. */
function childOf(folder: string): (name: string) => string {
  const parsed = URI.parse(folder);
  const base = parsed.path.replace(/\/+$/, '');
  return (name) => parsed.with({ path: base + '/' + name }).toString();
}
