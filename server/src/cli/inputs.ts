/**
 * What rfc-lint checks: command-line paths, folders, globs and standard input turned into
 * a list of inputs, optionally narrowed to the files changed since a git ref.
 */
import * as fs from 'node:fs';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { changedFiles } from './changedSince';
import { InputError } from './errors';
import { printable } from './escape';
import { displayPath, readReason } from './paths';

/** Folders never searched for RFCs: dependencies, build output and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
/** What globs never match inside (a glob names them explicitly to reach them). */
const GLOB_IGNORE = ['**/node_modules/**', '**/.git/**'];

export interface FileInput {
  kind: 'file';
  absolute: string;
  /** As reports name it (see displayPath). */
  path: string;
  /**
   * Named on the command line, matched by a glob or by the `files` globs: always checked.
   * Found in a folder: checked only when it looks like an RFC or matches the `files` globs.
   */
  explicit: boolean;
}

export interface StdinInput {
  kind: 'stdin';
  /** `<stdin>`, or the `--stdin-filename` path as files are shown. */
  path: string;
  /** The file `--stdin-filename` names, for template choice and `files` matching; undefined for `<stdin>`. */
  absolute?: string;
}

export type Input = FileInput | StdinInput;

export interface InputOptions {
  cwd: string;
  /** The `files` globs: what is checked when no path is given (only what lies in cwd). */
  files: readonly string[];
  /** The folder the `files` globs are relative to: that of the .rfcrc.json setting them, else cwd. */
  filesBase?: string;
  stdinFilename?: string;
  changedSince?: string;
}

export interface CollectedInputs {
  inputs: Input[];
  /** Folders that could not be read (no permission, gone), each a message: the run exits 2. */
  skipped: string[];
}

/**
 * The inputs in command-line order (each folder and glob sorted), without repeats. Throws
 * InputError for a path that does not exist, a glob that matches nothing, or a failed git.
 * A folder it cannot read, named or met on the way, is skipped and said in `skipped`: the
 * rest is still checked, and the run does not pass as if the folder held nothing.
 */
export async function collectInputs(operands: readonly string[], options: InputOptions): Promise<CollectedInputs> {
  const { cwd } = options;
  const inputs: Input[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const addFile = (absolute: string, explicit: boolean) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    inputs.push({ kind: 'file', absolute, path: displayPath(absolute, cwd), explicit });
  };

  if (operands.length === 0) {
    const base = options.filesBase ?? cwd;
    for (const file of expandGlobs(options.files, base, skipped)) if (base === cwd || isInside(file, cwd)) addFile(file, true);
  }
  for (const operand of operands) {
    if (operand === '-') {
      const absolute = options.stdinFilename === undefined ? undefined : path.resolve(cwd, options.stdinFilename);
      inputs.push({ kind: 'stdin', path: absolute === undefined ? '<stdin>' : displayPath(absolute, cwd), absolute });
      continue;
    }
    const absolute = path.resolve(cwd, operand);
    let stats;
    try {
      stats = statSync(absolute);
    } catch (error) {
      if (isDynamicPattern(operand)) {
        const matches = expandGlobs([operand], cwd, skipped);
        if (matches.length === 0) throw new InputError(`no files match '${printable(operand)}'`);
        for (const file of matches) addFile(file, true);
        continue;
      }
      throw new InputError(`cannot read '${printable(operand)}': ${readReason(error)}`);
    }
    if (stats.isDirectory()) for (const file of walk(absolute, operand, skipped)) addFile(file, false);
    else addFile(absolute, true);
  }

  if (options.changedSince === undefined) return { inputs, skipped };
  const changed = await changedFiles(options.changedSince, cwd);
  return { inputs: inputs.filter((input) => input.kind === 'stdin' || changed.has(realPath(input.absolute))), skipped };
}

/**
 * Absolute paths of the files the globs match (relative to cwd), sorted; never inside
 * node_modules or .git. tinyglobby passes over a folder it cannot read without a word: its
 * file system is wrapped to note each one in `skipped`.
 */
export function expandGlobs(globs: readonly string[], cwd: string, skipped: string[]): string[] {
  if (globs.length === 0) return [];
  const noting = {
    ...fs,
    readdirSync: ((folder: fs.PathLike, options?: unknown) => {
      try {
        return fs.readdirSync(folder, options as never);
      } catch (error) {
        skipped.push(cannotRead(displayPath(String(folder), cwd), error));
        throw error;
      }
    }) as typeof fs.readdirSync,
  };
  return globSync([...globs], { cwd, absolute: true, dot: true, onlyFiles: true, ignore: GLOB_IGNORE, expandDirectories: false, fs: noting })
    .map((file) => path.normalize(file))
    .sort(compareStrings);
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
}

function cannotRead(shown: string, error: unknown): string {
  return `cannot read folder '${printable(shown)}': ${readReason(error)}; its files were not checked`;
}

/** The markdown files under a folder, sorted, skipping dependency, build and hidden folders. */
function walk(folder: string, shown: string, skipped: string[], out: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    skipped.push(cannotRead(shown, error));
    return out;
  }
  entries.sort((a, b) => compareStrings(a.name, b.name));
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(file, path.join(shown, entry.name), skipped, out);
    } else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) {
      out.push(file);
    }
  }
  return out;
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file; // Read errors are reported when the file is read.
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
