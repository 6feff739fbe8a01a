import type { TemplateModel } from '../engine';
import type { DocumentSettings } from './documentSettings';
import type { ProjectFiles } from './files';
import type { ProblemRegistry } from './problems';
import { configuredTemplate, discoveryCandidates, MAX_TEMPLATE_BYTES, templateFiles, templateFromBytes, templateFromText, type TemplateChoice } from './templates';
import type { TrustBoundary } from './trust';
import { displayPath } from './uris';

type Loaded = TemplateModel | { error: string };

/** The editor's text of an open document, when it is open. */
export type OpenText = (uri: string) => { text: string; version: number } | undefined;

const OUTSIDE = 'it is outside the workspace folders, and in an untrusted workspace nothing outside them is read';

/**
 * Reads, caches and chooses templates. A template open in the editor is read from there
 * (its unsaved edits count); on disk it is read again when its size or time changes. The
 * template of each document under each setting is resolved once, so analyses while typing
 * do no file-system work; `forget` drops that when a template, a configuration file, trust
 * or the folders change. A template that cannot be used is a problem of its file (logged
 * once, a diagnostic while open) and the built-in template stands in.
 */
export class TemplateStore {
  private readonly models = new Map<string, { stamp: string; loaded: Promise<Loaded> }>();
  /** Per template file chosen (and why), the model documents get: loaded and checked once. */
  private readonly resolved = new Map<string, Promise<TemplateModel>>();
  /**
   * Per settings object (the service hands out one per configuration and folder), what
   * discovery found and which files are templates: a thousand RFCs under one `.rfcrc.json`
   * stat the discovery places once, not a thousand times.
   */
  private discovered = new WeakMap<DocumentSettings, Promise<TemplateChoice | undefined>>();
  private templateFileSets = new WeakMap<DocumentSettings, ReadonlySet<string>>();
  /** Per `.rfcrc.json`, the problems of the templates it names (by template and setting). */
  private readonly configProblems = new Map<string, Map<string, string>>();
  /** Template files looked for, existing or not: a change to one matters. */
  readonly consulted = new Set<string>();

  constructor(
    private readonly files: ProjectFiles,
    private readonly trust: TrustBoundary,
    private readonly problems: ProblemRegistry,
    private readonly builtIn: () => TemplateModel,
    private readonly openText: OpenText,
    private readonly log: (message: string) => void,
    /** A new pause for one template build (see timeSlices.ts). */
    private readonly newPause: () => () => Promise<void>,
  ) {}

  /** The template a document follows (the built-in one when none is set or found, or the one set cannot be used). */
  async templateFor(uri: string | undefined, settings: DocumentSettings): Promise<TemplateModel> {
    try {
      const choice = await this.choose(uri, settings);
      if (!choice) return this.builtIn();
      const key = `${choice.uri}\n${choice.source}`;
      let template = this.resolved.get(key);
      if (!template) {
        if (this.resolved.size >= 1000) this.resolved.clear();
        template = this.resolve(choice);
        this.resolved.set(key, template);
      }
      return await template;
    } catch (error) {
      this.log(`Choosing the template of ${uri ?? 'an untitled document'} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return this.builtIn();
    }
  }

  /** The template file a document follows, named or discovered; undefined for the built-in one. */
  choose(uri: string | undefined, settings: DocumentSettings): Promise<TemplateChoice | undefined> {
    const configured = configuredTemplate(uri, settings);
    if (configured) return Promise.resolve(configured);
    let found = this.discovered.get(settings);
    if (!found) {
      found = this.discover(settings);
      this.discovered.set(settings, found);
    }
    return found;
  }

  private async discover(settings: DocumentSettings): Promise<TemplateChoice | undefined> {
    for (const candidate of discoveryCandidates(settings)) {
      this.consulted.add(candidate.uri);
      if (this.openText(candidate.uri) || (await this.files.stat(candidate.uri))) return candidate;
    }
    return undefined;
  }

  /** A template file as a model, or why it cannot be used (read through the trust boundary, open text first). */
  async load(choice: TemplateChoice): Promise<Loaded> {
    const uri = choice.uri;
    this.consulted.add(uri);
    if (!(await this.trust.allows(uri))) return { error: OUTSIDE };
    const open = this.openText(uri);
    if (open) return this.cached(uri, `open:${open.version}`, () => templateFromText(open.text, this.newPause()));
    const stat = await this.files.stat(uri);
    if (!stat) return { error: 'it does not exist' };
    if (stat.type === 'directory') return { error: 'it is a folder' };
    if (stat.type !== 'file') return { error: 'it is not a file' };
    const stamp = `${stat.mtime}:${stat.size}`;
    return this.cached(uri, stamp, async () => {
      const read = await this.files.read(uri, MAX_TEMPLATE_BYTES);
      return 'error' in read ? { error: read.error } : templateFromBytes(read.bytes, this.newPause());
    });
  }

  /** Whether the document is a team template (named by the settings or at a discovery place): a template is never an RFC. */
  isTemplate(uri: string, settings: DocumentSettings): boolean {
    let files = this.templateFileSets.get(settings);
    if (!files) {
      files = new Set(templateFiles(settings));
      this.templateFileSets.set(settings, files);
    }
    return files.has(uri);
  }

  /** Templates or settings changed: choose every document's template again (a changed file is read again). */
  forget(changed: readonly string[] = []): void {
    for (const uri of changed) this.models.delete(uri);
    this.resolved.clear();
    this.discovered = new WeakMap();
    this.templateFileSets = new WeakMap();
  }

  private async resolve(choice: TemplateChoice): Promise<TemplateModel> {
    const loaded = await this.load(choice);
    const shown = displayPath(choice.uri);
    if ('error' in loaded) {
      const problem = templateProblem(choice, loaded.error);
      this.problems.set(choice.uri, 'template', [problem]);
      this.sayInConfig(choice, problem);
      return this.builtIn();
    }
    this.problems.set(choice.uri, 'template', [], `The template ${shown} (${choice.source}) is usable again.`);
    this.sayInConfig(choice, undefined);
    return loaded;
  }

  /**
   * A template that cannot be used is also a problem of the `.rfcrc.json` naming it: a
   * device or a FIFO is never opened in the editor, the configuration file is.
   */
  private sayInConfig(choice: TemplateChoice, problem: string | undefined): void {
    if (!choice.setIn) return;
    const said = this.configProblems.get(choice.setIn) ?? new Map<string, string>();
    const key = `${choice.uri}\n${choice.source}`;
    if (problem === undefined) said.delete(key);
    else said.set(key, problem);
    this.configProblems.set(choice.setIn, said);
    this.problems.set(choice.setIn, 'template', [...said.values()], undefined, true);
  }

  /** The model of a file at this stamp, built once (documents asking while it is built share the build). */
  private cached(uri: string, stamp: string, load: () => Promise<Loaded>): Promise<Loaded> {
    const known = this.models.get(uri);
    if (known?.stamp === stamp) return known.loaded;
    const loaded = load();
    this.models.set(uri, { stamp, loaded });
    return loaded;
  }
}

/** The message for a template that cannot be used. */
export function templateProblem(choice: TemplateChoice, reason: string): string {
  return `Cannot use the template ${displayPath(choice.uri)} (${choice.source}): ${reason}. Using the built-in template instead.`;
}
