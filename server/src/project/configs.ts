import { parseProjectConfig, PROJECT_CONFIG_FILE, type ProjectConfig } from './config';
import type { ProjectFiles } from './files';
import type { ProblemRegistry } from './problems';
import type { TrustBoundary } from './trust';
import { displayPath, isInside, join, parentOf } from './uris';

/** No `.rfcrc.json` is this large; a larger one is refused rather than read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The configuration a file follows, and where it is. */
export interface FoundConfig {
  /** The `.rfcrc.json` file. */
  uri: string;
  /** Its folder: the paths and globs it names are relative to it. */
  folder: string;
  config: ProjectConfig;
  /** It is there but cannot be used (not a file, not JSON, untrusted): the defaults apply, and it still ends the search. */
  ignored?: boolean;
}

/**
 * Finds the `.rfcrc.json` each file follows: the nearest one in the file's folder or above,
 * up to the root (the workspace folder in the editor, the current folder for rfc-lint), as
 * markdownlint-cli2 and ESLint find theirs. A file outside the root follows the root's.
 * Lookups are cached per folder until `forget` (a configuration file changed).
 */
export class ConfigResolver {
  private readonly byFolder = new Map<string, Promise<FoundConfig | undefined>>();
  /** Every `.rfcrc.json` looked for, existing or not: a change to one matters. */
  readonly consulted = new Set<string>();

  constructor(
    private readonly files: ProjectFiles,
    private readonly trust: TrustBoundary,
    private readonly problems: ProblemRegistry,
  ) {}

  /** The configuration of a file under `root` (undefined: none up to the root). */
  nearest(file: string, root: string): Promise<FoundConfig | undefined> {
    const start = isInside(file, root) && file !== root ? parentOf(file) : root;
    return this.at(isInside(start, root) ? start : root, root);
  }

  /** Exactly this configuration file (rfc-lint --config): its problems are reported like any other's. */
  async explicit(uri: string): Promise<FoundConfig | { error: string }> {
    const read = await this.read(uri);
    return read ?? { error: `${displayPath(uri)} does not exist` };
  }

  forget(): void {
    this.byFolder.clear();
  }

  private at(folder: string, root: string): Promise<FoundConfig | undefined> {
    const key = `${root}\n${folder}`;
    let found = this.byFolder.get(key);
    if (!found) {
      found = (async () => (await this.read(join(folder, PROJECT_CONFIG_FILE))) ?? (folder === root || !isInside(folder, root) ? undefined : this.at(parentOf(folder), root)))();
      this.byFolder.set(key, found);
    }
    return found;
  }

  /** Reads and checks one configuration file; undefined when there is none. Its problems are recorded. */
  private async read(uri: string): Promise<FoundConfig | undefined> {
    this.consulted.add(uri);
    const stat = await this.files.stat(uri);
    if (!stat) {
      this.problems.set(uri, 'config', []);
      return undefined;
    }
    const shown = displayPath(uri);
    const found: FoundConfig = { uri, folder: parentOf(uri), config: {}, ignored: true };
    if (!(await this.trust.allows(uri))) {
      this.problems.set(uri, 'config', [`ignoring ${shown}: it is outside the workspace folders, and in an untrusted workspace nothing outside them is read.`]);
      return found;
    }
    if (stat.type !== 'file') {
      this.problems.set(uri, 'config', [`ignoring ${shown}: it is not a file.`]);
      return found;
    }
    const read = await this.files.read(uri, MAX_CONFIG_BYTES);
    if ('error' in read) {
      this.problems.set(uri, 'config', [`ignoring ${shown}: ${read.error}.`]);
      return found;
    }
    const parsed = parseProjectConfig(new TextDecoder('utf-8').decode(read.bytes));
    if (parsed.error) {
      this.problems.set(uri, 'config', [`ignoring ${shown}: ${parsed.error}.`]);
      return found;
    }
    this.problems.set(
      uri,
      'config',
      parsed.problems.map((p) => `${shown}: ${p}.`),
      `${shown} is read without problems again.`,
    );
    return { uri, folder: found.folder, config: parsed.config };
  }
}
