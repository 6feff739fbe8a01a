/**
 * Which template a document follows, shared by the language server and `rfc-lint`:
 *
 * 1. `rfc.templates`: the first glob (relative to the workspace folder) matching the
 *    document's path names its template;
 * 2. else `rfc.template`;
 * 3. else a discovered one: `.rfc/template.md` at the workspace folder root, else
 *    `<rfc.directory>/0000-template.md`;
 * 4. else the built-in template.
 *
 * A template that is named or found but cannot be used is an error (reported by the
 * caller), and the built-in template stands in; it never falls through to the next step.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';
import { buildTemplateModel, type TemplateModel } from '../engine';
import type { RfcSettings } from '../protocol';

export interface TemplateChoice {
  /** Absolute file-system path. */
  path: string;
  /** Where the choice comes from, for messages: `rfc.templates 'adr/**'`, `rfc.template`, `discovered`. */
  source: string;
}

/** Template files are never this large; a bigger one is refused rather than parsed. */
const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;

const matchers = new Map<string, (path: string) => boolean>();

function matcher(glob: string): (path: string) => boolean {
  let m = matchers.get(glob);
  if (!m) {
    m = picomatch(glob, { dot: true, nocase: process.platform === 'win32' });
    matchers.set(glob, m);
  }
  return m;
}

/**
 * The template `rfc.templates` or `rfc.template` names for a document, given its path
 * relative to the workspace folder (`/`-separated; undefined for an untitled document,
 * which only `rfc.template` applies to). Undefined when neither names one, or when a
 * relative template path has no folder to be relative to.
 */
export function configuredTemplate(relativePath: string | undefined, folder: string | undefined, settings: RfcSettings): TemplateChoice | undefined {
  if (relativePath !== undefined) {
    for (const [glob, template] of Object.entries(settings.templates)) {
      if (!matcher(glob)(relativePath)) continue;
      const resolved = resolveTemplatePath(template, folder);
      if (resolved) return { path: resolved, source: `rfc.templates '${glob}'` };
    }
  }
  if (settings.template !== '') {
    const resolved = resolveTemplatePath(settings.template, folder);
    if (resolved) return { path: resolved, source: 'rfc.template' };
  }
  return undefined;
}

/** Where a template is looked for when none is configured, in order; the first that exists wins. */
export function discoveryCandidates(folder: string | undefined, settings: RfcSettings): TemplateChoice[] {
  if (!folder) return [];
  const directory = settings.directory.trim() || '.';
  const candidates = [{ path: path.join(folder, '.rfc', 'template.md'), source: 'discovered' }];
  // The RFC folder must stay inside the workspace folder, as New RFC requires.
  if (!path.isAbsolute(directory) && !directory.split(/[\\/]+/).includes('..')) {
    candidates.push({ path: path.join(folder, directory, '0000-template.md'), source: 'discovered' });
  }
  return candidates;
}

/** Every template file the settings name or discovery would find for documents of a folder. */
export function templateFiles(folder: string | undefined, settings: RfcSettings): string[] {
  const named = [settings.template, ...Object.values(settings.templates)].filter((t) => t !== '');
  const paths = named.map((t) => resolveTemplatePath(t, folder)).filter((p): p is string => p !== undefined);
  return [...paths, ...discoveryCandidates(folder, settings).map((c) => c.path)].map((p) => path.normalize(p));
}

/** An absolute path as it is, a relative one against the folder; undefined without a folder. */
export function resolveTemplatePath(setting: string, folder: string | undefined): string | undefined {
  if (path.isAbsolute(setting)) return path.normalize(setting);
  return folder ? path.resolve(folder, setting) : undefined;
}

/** A template file's bytes as a model, or why they are not a usable template. */
export function templateFromBytes(bytes: Uint8Array): TemplateModel | { error: string } {
  if (bytes.length > MAX_TEMPLATE_BYTES) return { error: 'it is larger than 4 MB' };
  if (bytes.subarray(0, 8192).includes(0)) return { error: 'it is not a text file' };
  return templateFromText(new TextDecoder('utf-8').decode(bytes));
}

/** A template's text as a model, or why it is not a usable template. */
export function templateFromText(text: string): TemplateModel | { error: string } {
  if (text.includes('\u0000')) return { error: 'it is not a text file' };
  const model = buildTemplateModel(text);
  if (!model.title && model.sections.length === 0) return { error: 'it has no headings, so it defines no sections' };
  return model;
}

/** Why a file could not be read, in words. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'it does not exist';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'it cannot be read (permission denied)';
  return (error as Error).message;
}

/** The message for a template that cannot be used. */
export function templateProblem(choice: TemplateChoice, reason: string): string {
  return `Cannot use the template ${choice.path} (${choice.source}): ${reason}. Using the built-in template instead.`;
}
