/**
 * Which template a document follows, for the language server and rfc-lint alike:
 *
 * 1. `templates`: the first glob matching the document's path names its template;
 * 2. else `template`;
 * 3. else a discovered one: `.rfc/template.md` at the workspace folder (the current folder
 *    for rfc-lint), else `<directory>/0000-template.md`;
 * 4. else the built-in template.
 *
 * A template that is named or found but cannot be used is an error (reported by the
 * caller), and the built-in template stands in; it never falls through to the next step.
 * Paths and globs are relative to where their setting is made: the `.rfcrc.json` that sets
 * them, else the workspace folder.
 */
import picomatch from 'picomatch/posix';
import { URI } from 'vscode-uri';
import { buildTemplateModelInSlices, type TemplateModel } from '../engine';
import type { DocumentSettings } from './documentSettings';
import { tooLarge } from './files';
import { isAbsoluteSetting, isInside, join, pathWithoutRoot, relativeTo } from './uris';

export interface TemplateChoice {
  uri: string;
  /** Where the choice comes from, for messages: `rfc.templates 'adr/**'`, `rfc.template`, `discovered`. */
  source: string;
  /** The `.rfcrc.json` that names it, when one does: a template that cannot be used is also said there. */
  setIn?: string;
}

/** Template files are never this large; a bigger one is refused rather than parsed. */
export const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;

const matchers = new Map<string, (path: string) => boolean>();

/** A glob matcher, cached (globs come from a few settings). */
export function globMatcher(glob: string): (path: string) => boolean {
  let m = matchers.get(glob);
  if (!m) {
    if (matchers.size > 500) matchers.clear();
    m = picomatch(glob, { dot: true });
    matchers.set(glob, m);
  }
  return m;
}

/** The path a glob set relative to `base` sees of a document: relative to it, or the whole path when outside. */
export function globPath(uri: string, base: string): string {
  return relativeTo(base, uri) ?? pathWithoutRoot(uri);
}

/** A path a setting names, as a URI: absolute as it is (in the scheme of `base`), relative against `base`. */
export function resolveSettingPath(value: string, base: string): string {
  if (!isAbsoluteSetting(value)) return join(base, value);
  const parsed = URI.parse(base);
  return parsed.scheme === 'file' ? URI.file(value).toString() : parsed.with({ path: value.replace(/\\/g, '/') }).toString();
}

/** The template `templates` or `template` names for a document (untitled documents: only `template`). */
export function configuredTemplate(uri: string | undefined, settings: DocumentSettings): TemplateChoice | undefined {
  const { values, bases } = settings;
  if (uri !== undefined) {
    for (const [glob, template] of Object.entries(values.templates)) {
      if (globMatcher(glob)(globPath(uri, bases.templates))) return { uri: resolveSettingPath(template, bases.templates), source: `rfc.templates '${glob}'`, ...setIn(settings, 'templates') };
    }
  }
  if (values.template !== '') return { uri: resolveSettingPath(values.template, bases.template), source: settings.templateSource ?? 'rfc.template', ...setIn(settings, 'template') };
  return undefined;
}

function setIn(settings: DocumentSettings, key: 'template' | 'templates'): { setIn?: string } {
  return settings.templateSource === undefined && settings.configKeys?.has(key) && settings.configUri ? { setIn: settings.configUri } : {};
}

/** Where a template is looked for when none is configured, in order; the first that exists wins. */
export function discoveryCandidates(settings: DocumentSettings): TemplateChoice[] {
  const candidates = [{ uri: join(settings.folder, '.rfc/template.md'), source: 'discovered' }];
  const directory = rfcDirectory(settings);
  if (directory) candidates.push({ uri: join(directory, '0000-template.md'), source: 'discovered' });
  return candidates;
}

/** The RFC folder (`directory`), when it stays inside the workspace folder (as New RFC requires). */
export function rfcDirectory(settings: DocumentSettings): string | undefined {
  const directory = settings.values.directory.trim() || '.';
  if (isAbsoluteSetting(directory) || directory.split(/[\\/]+/).includes('..')) return undefined;
  const uri = join(settings.bases.directory, directory);
  return isInside(uri, settings.folder) ? uri : undefined;
}

/** Every template file the settings name or discovery would find for a document: these are never RFCs. */
export function templateFiles(settings: DocumentSettings): string[] {
  const { values, bases } = settings;
  const named = [
    ...(values.template !== '' ? [resolveSettingPath(values.template, bases.template)] : []),
    ...Object.values(values.templates).map((t) => resolveSettingPath(t, bases.templates)),
  ];
  return [...named, ...discoveryCandidates(settings).map((c) => c.uri)];
}

/**
 * A template file's bytes as a model, or why they are not a usable template. Built in
 * slices, pausing with `pause` between them (a 4 MB template takes seconds).
 */
export async function templateFromBytes(bytes: Uint8Array, pause: () => Promise<void>): Promise<TemplateModel | { error: string }> {
  if (bytes.length > MAX_TEMPLATE_BYTES) return { error: tooLarge(MAX_TEMPLATE_BYTES) };
  if (bytes.subarray(0, 8192).includes(0)) return { error: 'it is not a text file' };
  return templateFromText(new TextDecoder('utf-8').decode(bytes), pause);
}

/** A template's text as a model, or why it is not a usable template. */
export async function templateFromText(text: string, pause: () => Promise<void>): Promise<TemplateModel | { error: string }> {
  if (text.includes('\u0000')) return { error: 'it is not a text file' };
  const model = await buildTemplateModelInSlices(text, pause);
  if (!model.title && model.sections.length === 0) return { error: 'it has no headings, so it defines no sections' };
  return model;
}
