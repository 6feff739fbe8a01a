/**
 * An in-memory file system for the project service: its tests run on it (fast, no disk,
 * no spawning), and a browser host can hold documents in it. Paths are URI strings; folders
 * exist implicitly above every file, and `link` entries stand for symbolic links.
 */
import { tooLarge, type FileStat, type FileType, type ProjectFiles, type ReadResult } from './files';
import { canonical, isInside, parentOf, relativeTo } from './uris';

export class MemoryFiles implements ProjectFiles {
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  /** Symbolic links: the link's URI to the URI it points at. */
  private readonly links = new Map<string, string>();
  /** Folders that cannot be listed (as without permission). */
  private readonly locked = new Set<string>();
  private clock = 1;

  /** Writes (or replaces) a file; text is UTF-8 encoded. */
  write(uri: string, content: string | Uint8Array): this {
    this.files.set(canonical(uri), { bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, mtime: this.clock++ });
    return this;
  }

  delete(uri: string): this {
    const key = canonical(uri);
    for (const file of [...this.files.keys()]) if (isInside(file, key)) this.files.delete(file);
    return this;
  }

  /** A symbolic link at `uri` to `target` (a file or a folder). */
  link(uri: string, target: string): this {
    this.links.set(canonical(uri), canonical(target));
    return this;
  }

  /** Makes a folder impossible to list, as a folder without read permission is. */
  lock(folder: string): this {
    this.locked.add(canonical(folder));
    return this;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const key = this.resolve(canonical(uri));
    const file = this.files.get(key);
    if (file) return { type: 'file', size: file.bytes.length, mtime: file.mtime };
    return this.isFolder(key) ? { type: 'directory', size: 0, mtime: 0 } : undefined;
  }

  async read(uri: string, maxBytes: number): Promise<ReadResult> {
    const key = this.resolve(canonical(uri));
    const file = this.files.get(key);
    if (!file) return this.isFolder(key) ? { error: 'it is a folder' } : { error: 'it does not exist', missing: true };
    if (file.bytes.length > maxBytes) return { error: tooLarge(maxBytes) };
    return { bytes: file.bytes };
  }

  async readHead(uri: string, bytes: number): Promise<Uint8Array | undefined> {
    return this.files.get(this.resolve(canonical(uri)))?.bytes.subarray(0, bytes);
  }

  async list(folder: string): Promise<{ name: string; type: FileType }[] | { error: string }> {
    const key = this.resolve(canonical(folder));
    if (!this.isFolder(key)) return { error: this.files.has(key) ? 'it is a file' : 'it does not exist' };
    if (this.locked.has(key)) return { error: 'permission denied' };
    const entries = new Map<string, FileType>();
    for (const uri of [...this.files.keys(), ...this.links.keys()]) {
      const relative = relativeTo(key, uri);
      if (!relative) continue;
      const [name, ...rest] = relative.split('/');
      const direct = rest.length === 0;
      entries.set(name, direct ? (this.links.has(uri) ? 'other' : 'file') : 'directory');
    }
    return [...entries].map(([name, type]) => ({ name, type }));
  }

  async realUri(uri: string): Promise<string | undefined> {
    const key = this.resolve(canonical(uri));
    return this.files.has(key) || this.isFolder(key) ? key : undefined;
  }

  /** The URI with a link in its path replaced by its target. */
  private resolve(uri: string): string {
    for (const [link, target] of this.links) {
      if (uri === link) return target;
      const rest = relativeTo(link, uri);
      if (rest) return `${target}/${rest}`;
    }
    return uri;
  }

  private isFolder(uri: string): boolean {
    for (const file of this.files.keys()) if (file !== uri && isInside(file, uri)) return true;
    return parentOf(uri) !== uri && [...this.links.keys()].some((l) => l !== uri && isInside(l, uri));
  }
}
