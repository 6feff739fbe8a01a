import picomatch from 'picomatch';
import { URI } from 'vscode-uri';

/**
 * Decides by path whether a markdown file is an RFC: it matches one of the `rfc.files`
 * globs, relative to the workspace folder that holds it (absolute when in none).
 */
export class RfcFileMatcher {
  private matchers = new Map<string, (path: string) => boolean>();

  private workspaceFolders: string[] = [];

  setWorkspaceFolders(uris: string[]): void {
    this.workspaceFolders = uris.map(folderPath);
  }

  updateWorkspaceFolders(added: string[], removed: string[]): void {
    const gone = new Set(removed.map(folderPath));
    this.workspaceFolders = [...this.workspaceFolders.filter((f) => !gone.has(f)), ...added.map(folderPath)];
  }

  matches(uri: string, globs: readonly string[]): boolean {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file' && parsed.scheme !== 'vscode-remote' && parsed.scheme !== 'vscode-vfs') return false;
    const path = parsed.path;
    const folder = this.workspaceFolders.find((f) => path.startsWith(f));
    const relative = folder ? path.slice(folder.length) : path.replace(/^\//, '');
    return globs.some((glob) => this.matcher(glob)(relative));
  }

  private matcher(glob: string): (path: string) => boolean {
    let m = this.matchers.get(glob);
    if (!m) {
      m = picomatch(glob, { dot: true, nocase: process.platform === 'win32' });
      this.matchers.set(glob, m);
    }
    return m;
  }
}

/** A folder URI's path with a trailing slash, so `/ws` never matches `/ws2/...`. */
function folderPath(uri: string): string {
  return URI.parse(uri).path.replace(/\/?$/, '/');
}
