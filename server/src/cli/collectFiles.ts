import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders never searched for RFCs: dependencies, build output and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface CollectedPath {
  path: string;
  /** Named on the command line (always linted) rather than found in a folder (linted when an RFC). */
  explicit: boolean;
}

/**
 * Expands command-line paths: a file stands for itself, a folder for the markdown files
 * under it (sorted, so output is stable). Throws with a clear message for a path that
 * does not exist or cannot be read.
 */
export function collectFiles(paths: readonly string[]): CollectedPath[] {
  const out: CollectedPath[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new Error(`cannot read '${printable(path)}': ${reason(error)}`);
    }
    if (stats.isDirectory()) walk(path, out);
    else out.push({ path, explicit: true });
  }
  return out;
}

function walk(folder: string, out: CollectedPath[]): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new Error(`cannot read folder '${printable(folder)}': ${reason(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(path, out);
    } else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) {
      out.push({ path, explicit: false });
    }
  }
}

/** A path safe to print on one terminal line: control characters escaped. */
export function printable(path: string): string {
  // eslint-disable-next-line no-control-regex
  return path.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
