/**
 * rfc-lint's side of the project's one walk (project/walk.ts) over the real file system:
 * paths in and out instead of URIs, and what the walk left out turned into messages.
 * Links to files are followed when they lead inside the current folder or the folder
 * walked; FIFOs and devices with a wanted name are listed, to be refused by name on reading.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { nodeFilesSync } from '../node/nodeFilesSync';
import { Walk } from '../project/walk';
import { printable } from './escape';
import { displayPath } from './paths';

export interface PathFilter {
  /** Whether to go into a folder, by its name. */
  enter(name: string): boolean;
  /** Whether a file is wanted, by its absolute path as reached. */
  want(file: string): boolean;
}

export class FileWalk {
  /** What was left out on purpose (links and globs reaching outside), as notes for standard error. */
  readonly notes: string[] = [];
  private readonly walk: Walk;
  private readonly realCwd: string;

  private constructor(
    /** The current folder as given (it may be reached through a link itself). */
    readonly cwd: string,
    realCwd: string,
  ) {
    this.realCwd = realCwd;
    this.walk = new Walk(nodeFilesSync, { linkRoots: [uriOf(realCwd)], keepSpecial: true });
  }

  static async create(cwd: string): Promise<FileWalk> {
    const real = await nodeFilesSync.realUri(uriOf(cwd));
    return new FileWalk(path.resolve(cwd), real === undefined ? path.resolve(cwd) : pathOf(real));
  }

  /** Folders that could not be read, once each, as messages: the run exits 2. */
  get skipped(): string[] {
    const messages = this.walk.unreadable.map(({ uri, reason }) => `folder '${printable(displayPath(pathOf(uri), this.cwd))}' was not checked: ${reason}`);
    return [...new Set(messages)];
  }

  /** The wanted files under a folder, sorted, each real file once (a link as the file it leads to). */
  async files(folder: string, filter: PathFilter): Promise<string[]> {
    const found = await this.walk.list(uriOf(folder), { enter: filter.enter, want: (uri) => filter.want(pathOf(uri)) });
    for (const link of this.walk.linkedOutside.splice(0)) {
      this.notes.push(`'${printable(displayPath(pathOf(link), this.cwd))}' links outside the folders being checked; not checked`);
    }
    return found.map((f) => this.underCwd(pathOf(f.file)));
  }

  /** Whether a file named on the command line is new to this run (by the real file it is). */
  async firstVisit(file: string): Promise<boolean> {
    return this.walk.firstVisit((await nodeFilesSync.realUri(uriOf(file))) ?? uriOf(file));
  }

  /**
   * The file a command-line path stands for: itself, or when a link is on its way (the file
   * or a folder above it) the file it leads to, under the current folder as given when it
   * lies there, so the settings and the cross-file rules know it as the file it is.
   */
  async target(file: string): Promise<string> {
    const real = await nodeFilesSync.realUri(uriOf(file));
    return real === undefined ? file : this.underCwd(pathOf(real));
  }

  /** A real path inside the current folder, written under the current folder as given. */
  private underCwd(file: string): string {
    const relative = path.relative(this.realCwd, file);
    const inside = relative === '' || (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative));
    return inside ? path.join(this.cwd, relative) : file;
  }
}

function uriOf(file: string): string {
  return URI.file(file).toString();
}

function pathOf(uri: string): string {
  return URI.parse(uri).fsPath;
}
