/**
 * The project rfc-lint runs in: the project service over Node's file system, with the
 * current folder as the one workspace folder. Each file follows the nearest `.rfcrc.json`
 * in its folder or above, up to the root of the git repository holding the current folder
 * (else up to the current folder), or the one --config names; and its template (or
 * --template's).
 * The index reads the other files' heads only: the checked files are compared with them.
 */
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultTemplate } from '../defaultTemplate';
import { nodeFilesSync } from '../node/nodeFilesSync';
import { ProjectService } from '../project/service';
import { displayPath, join } from '../project/uris';
import { displayPath as shownPath } from './paths';

export interface CliProjectOptions {
  cwd: string;
  config?: string;
  template?: string;
}

/** The URI of a path (relative to the current folder). */
export function uriOf(file: string, cwd: string): string {
  return pathToFileURL(path.resolve(cwd, file)).href;
}

export function createCliProject(options: CliProjectOptions): ProjectService {
  const project = new ProjectService({
    files: nodeFilesSync,
    builtInTemplate: defaultTemplate,
    openDocument: () => undefined,
    // No editor: the defaults, under each file's .rfcrc.json.
    editorSettings: () => Promise.resolve(undefined),
    // Problems are collected in the project's registry and reported with the run.
    log: { error: () => undefined, info: () => undefined },
    yieldNow: () => Promise.resolve(),
    batch: true,
    configFile: options.config === undefined ? undefined : uriOf(options.config, options.cwd),
    templateFile: options.template === undefined ? undefined : uriOf(options.template, options.cwd),
    indexDepth: 'head',
    configRoot: pathToFileURL(repositoryRoot(options.cwd) ?? options.cwd).href,
  });
  project.setFolders([pathToFileURL(options.cwd).href]);
  return project;
}

/**
 * The root of the git repository holding a folder (the nearest folder above with a `.git`
 * folder or file, as in worktrees and submodules), if any.
 */
export function repositoryRoot(folder: string): string | undefined {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    try {
      statSync(path.join(dir, '.git'));
      return dir;
    } catch {
      // Not here: one folder up.
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** How reports name a template or configuration file: relative to the current folder when inside it. */
export function shownFile(uri: string | undefined, cwd: string): string | null {
  return uri === undefined ? null : shownPath(displayPath(uri), cwd);
}

/** A URI for a document in the current folder, to ask what settings a new file there would follow. */
export function probeUri(cwd: string): string {
  return join(pathToFileURL(cwd).href, '.rfc-lint-probe.md');
}
