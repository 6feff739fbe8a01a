import type { ProjectFiles } from './files';
import { isInside } from './uris';

/**
 * The trust boundary: in an untrusted workspace nothing outside the workspace folders is
 * read, neither directly nor through a symbolic link (a path inside whose real location is
 * outside). Trusted, everything may be read.
 */
export class TrustBoundary {
  private trusted = true;
  private folders: readonly string[] = [];
  private realFolders: Promise<string[]> | undefined;

  constructor(private readonly files: ProjectFiles) {}

  /** Returns true when trust changed. */
  setTrusted(trusted: boolean): boolean {
    if (trusted === this.trusted) return false;
    this.trusted = trusted;
    return true;
  }

  isTrusted(): boolean {
    return this.trusted;
  }

  setFolders(folders: readonly string[]): void {
    this.folders = folders;
    this.realFolders = undefined;
  }

  /** Whether the file may be read: always when trusted; else when it and its real location are inside a workspace folder. */
  async allows(uri: string): Promise<boolean> {
    if (this.trusted) return true;
    if (!this.folders.some((f) => isInside(uri, f))) return false;
    const real = await this.files.realUri(uri);
    // Not there: nothing to read, nothing read outside.
    if (real === undefined) return true;
    const folders = await (this.realFolders ??= Promise.all(this.folders.map(async (f) => (await this.files.realUri(f)) ?? f)));
    return folders.some((f) => isInside(real, f));
  }
}
