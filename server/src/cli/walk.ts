/**
 * The one walker rfc-lint uses for folders and globs. Written here rather than using a glob
 * library's walker (tinyglobby, fast-glob): rfc-lint must say which folders it could not
 * read (they pass over them without a word), visit each real file once whatever the path
 * to it, and never follow a link out of the tree it was asked about; matching stays
 * picomatch's.
 *
 * - Links to folders are not followed (as git and the editor's index treat them), so a
 *   `rfcs/current -> 2026` link does not check 2026's RFCs twice.
 * - A link to a file is checked as its target when the target lies inside the current
 *   folder or the folder being walked; one pointing elsewhere (`passwd.md -> /etc/passwd`)
 *   is skipped with a note.
 * - Each real file is listed once (by device and inode): hard links and links to a file
 *   already listed add nothing.
 * - FIFOs, sockets and devices with a wanted name are listed: reading refuses them by name.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { printable } from './escape';
import { displayPath, readReason } from './paths';

export interface WalkState {
  /** The current folder (real path): links inside it are followed. */
  cwd: string;
  /** The current folder as given (it may be reached through a link itself). */
  given: string;
  /** Folders that could not be read, as messages: the run exits 2. */
  skipped: string[];
  /** What was left out on purpose (links out of the tree), as notes on standard error. */
  notes: string[];
  /** Real files already listed, by device and inode. */
  seen: Set<string>;
}

export interface WalkFilter {
  /** Whether to go into a folder, by its name. */
  enter(name: string): boolean;
  /** Whether a file is wanted, by its absolute path (as reached, before links are resolved). */
  want(file: string): boolean;
}

export function newWalkState(cwd: string): WalkState {
  return { cwd: realOrSelf(cwd), given: path.resolve(cwd), skipped: [], notes: [], seen: new Set() };
}

/** The wanted files under `folder`, sorted by path, each once; `folder` must be a folder. */
export function walkFiles(folder: string, filter: WalkFilter, state: WalkState): string[] {
  const out: string[] = [];
  const tree = realOrSelf(folder);
  visit(folder, filter, state, tree, out);
  return out;
}

/** Adds a file named directly (a command-line path) unless its real file is already listed; returns whether it was new. */
export function firstVisit(file: string, state: WalkState): boolean {
  const key = identity(file);
  if (state.seen.has(key)) return false;
  state.seen.add(key);
  return true;
}

function visit(folder: string, filter: WalkFilter, state: WalkState, tree: string, out: string[]): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    // Said once, though several globs may walk past it.
    const message = `cannot read folder '${printable(displayPath(folder, state.cwd))}': ${readReason(error)}; its files were not checked`;
    if (!state.skipped.includes(message)) state.skipped.push(message);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (filter.enter(entry.name)) visit(file, filter, state, tree, out);
      continue;
    }
    if (!filter.want(file)) continue;
    let target = file;
    if (entry.isSymbolicLink()) {
      const resolved = resolveLink(file);
      if (resolved === undefined || resolved.isDirectory) continue; // broken, circular, or a folder: not followed
      if (state.seen.has(identity(resolved.real))) continue; // already listed, or named on the command line and refused there
      if (!inside(resolved.real, state.cwd) && !inside(resolved.real, tree)) {
        state.notes.push(`'${printable(displayPath(file, state.cwd))}' links outside the folders being checked; not checked`);
        continue;
      }
      target = underGiven(resolved.real, state);
    }
    if (firstVisit(target, state)) out.push(target);
  }
}

/**
 * The file a command-line path stands for: itself, or for a link its target (as a path
 * under the current folder as given when it lies there), so the settings and the cross-file
 * rules know it as the file it is.
 */
export function linkTarget(file: string, state: WalkState): string {
  try {
    // The link may be the file or a folder on its path (`rfcs/current/a.md`).
    const real = realpathSync(file);
    if (inside(real, state.cwd)) return underGiven(real, state);
    return lstatSync(file).isSymbolicLink() ? real : file;
  } catch {
    return file; // read errors are reported when the file is read
  }
}

/** A real path inside the current folder, written under the current folder as given. */
function underGiven(real: string, state: WalkState): string {
  return inside(real, state.cwd) ? path.join(state.given, path.relative(state.cwd, real)) : real;
}

function resolveLink(file: string): { real: string; isDirectory: boolean } | undefined {
  try {
    return { real: realpathSync(file), isDirectory: statSync(file).isDirectory() };
  } catch {
    return undefined;
  }
}

function identity(file: string): string {
  try {
    const info = statSync(file, { bigint: true });
    return `${info.dev}:${info.ino}`;
  } catch {
    return `path:${file}`;
  }
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative));
}
