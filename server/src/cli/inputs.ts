/**
 * What rfc-lint checks: command-line paths, folders, globs and standard input turned into
 * a list of inputs, optionally narrowed to the files changed since a git ref.
 */
import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { changedFiles } from './changedSince';
import { InputError } from './errors';
import { printable } from './escape';
import { displayPath } from './paths';
import { readFailure } from '../node/nodeFiles';
import { FileWalk } from './walk';

/** Folders never searched for RFCs: dependencies, build output and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
/** Folders globs never go into. */
const GLOB_SKIPPED = new Set(['node_modules', '.git']);

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
  /** What was left out on purpose (links and globs reaching outside), each a note for standard error. */
  notes: string[];
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
  const walk = await FileWalk.create(cwd);
  const add = (absolute: string, explicit: boolean, shown = displayPath(absolute, cwd)) => inputs.push({ kind: 'file', absolute, path: shown, explicit });

  if (operands.length === 0) {
    const base = options.filesBase ?? cwd;
    for (const file of await expandGlobs(options.files, base, walk)) if (base === cwd || isInside(file, cwd)) add(file, true);
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
      if (picomatch.scan(operand).isGlob) {
        const before = walk.notes.length;
        const matches = await expandGlobs([operand], cwd, walk);
        if (matches.length === 0 && walk.notes.length === before) throw new InputError(`no files match '${printable(operand)}'`);
        for (const file of matches) add(file, true);
        continue;
      }
      throw new InputError(`cannot read '${printable(operand)}': ${readFailure(error)}`);
    }
    if (stats.isDirectory()) {
      const filter = { enter: (name: string) => !SKIPPED_FOLDERS.has(name) && !name.startsWith('.'), want: (file: string) => /\.(md|markdown)$/i.test(file) };
      for (const file of await walk.files(absolute, filter)) add(file, false);
    } else if (await walk.firstVisit(absolute)) {
      // Named on the command line: checked wherever it leads, shown as named, and known to
      // the settings and the cross-file rules as the file it really is (a link is its target).
      add(await walk.target(absolute), true, displayPath(absolute, cwd));
    }
  }

  const { skipped, notes } = walk;
  if (options.changedSince === undefined) return { inputs, skipped, notes };
  const changed = await changedFiles(options.changedSince, cwd);
  return { inputs: inputs.filter((input) => input.kind === 'stdin' || changed.has(realPath(input.absolute))), skipped, notes };
}

/**
 * Absolute paths of the files the globs match (relative to `base`), in the order walked
 * (sorted per glob); never inside node_modules or .git. A glob reaching outside `base`
 * (`../x/*.md`, `/etc/host*`) matches nothing there: it is left out with a note.
 */
export async function expandGlobs(globs: readonly string[], base: string, walk: FileWalk): Promise<string[]> {
  // Globs that start from the same folder share one walk (the default "files" globs all
  // start at the project root).
  const byStart = new Map<string, string[]>();
  for (const glob of globs) {
    const normalized = glob.replace(/\\/g, '/');
    if (path.isAbsolute(normalized) || /^[a-zA-Z]:/.test(normalized) || normalized.split('/').includes('..')) {
      walk.notes.push(`the glob '${printable(glob)}' reaches outside ${path.resolve(base) === walk.cwd ? 'the current folder' : `'${printable(displayPath(base, walk.cwd))}'`}; nothing there is checked`);
      continue;
    }
    const start = path.resolve(base, picomatch.scan(normalized).base || '.');
    byStart.set(start, [...(byStart.get(start) ?? []), normalized]);
  }
  const out: string[] = [];
  for (const [start, patterns] of byStart) {
    const matcher = picomatch(patterns, { dot: true });
    let info;
    try {
      info = statSync(start);
    } catch {
      continue; // the globs' fixed part names nothing: no match
    }
    if (!info.isDirectory()) {
      if (matcher(path.relative(base, start).split(path.sep).join('/')) && (await walk.firstVisit(start))) out.push(start);
      continue;
    }
    const filter = {
      enter: (name: string) => !GLOB_SKIPPED.has(name),
      want: (file: string) => matcher(path.relative(base, file).split(path.sep).join('/')),
    };
    out.push(...(await walk.files(start, filter)));
  }
  return out;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
}

/** The OS's realpath: one call per file, where Node's own resolves and caches each folder of the path (half the time over 10,000 files). */
function realPath(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return file; // Read errors are reported when the file is read.
  }
}
