import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultTemplate } from '../defaultTemplate';
import type { TemplateModel } from '../engine';
import { mergeSettings, parseProjectConfig, PROJECT_CONFIG_FILE } from '../project/config';
import {
  configuredTemplate,
  discoveryCandidates,
  readFailure,
  templateFiles,
  templateFromBytes,
  templateProblem,
  type TemplateChoice,
} from '../project/templates';
import { defaultSettings, type RfcSettings } from '../protocol';

/**
 * The project rfc-lint runs in: the current folder stands for the workspace folder, its
 * `.rfcrc.json` for the settings, and templates are chosen as in the editor (rfc.templates,
 * rfc.template, .rfc/template.md, <directory>/0000-template.md, built-in).
 */
export class CliProject {
  readonly settings: RfcSettings;
  /** Problems with the configuration file or a template, each once; the built-in template stands in. */
  readonly problems: string[] = [];
  private readonly templates = new Map<string, TemplateModel>();
  private readonly files: Set<string>;
  private discovery: TemplateChoice | null | undefined;

  constructor(private readonly folder: string) {
    const file = path.join(folder, PROJECT_CONFIG_FILE);
    let config = {};
    if (existsSync(file)) {
      try {
        const parsed = parseProjectConfig(readFileSync(file, 'utf8'));
        if (parsed.error) this.problems.push(`ignoring ${file}: ${parsed.error}`);
        config = parsed.config;
      } catch (error) {
        this.problems.push(`ignoring ${file}: ${readFailure(error)}`);
      }
    }
    this.settings = mergeSettings(defaultSettings, config);
    this.files = new Set(templateFiles(folder, this.settings));
  }

  /** The template a file follows; for unnamed standard input (undefined), only `template` and discovery apply. */
  templateFor(file: string | undefined): TemplateModel {
    const relative = file === undefined ? undefined : this.relative(file);
    const choice = configuredTemplate(relative, this.folder, this.settings) ?? this.discovered();
    if (!choice) return defaultTemplate();
    let template = this.templates.get(choice.path);
    if (!template) {
      template = this.load(choice);
      this.templates.set(choice.path, template);
    }
    return template;
  }

  /** The discovered template (`.rfc/template.md`, `<directory>/0000-template.md`), looked for once per run. */
  private discovered(): TemplateChoice | undefined {
    if (this.discovery === undefined) this.discovery = discoveryCandidates(this.folder, this.settings).find((c) => existsSync(c.path)) ?? null;
    return this.discovery ?? undefined;
  }

  /** A team template is not an RFC: it is never checked. */
  isTemplate(file: string): boolean {
    return this.files.has(path.resolve(file));
  }

  private load(choice: TemplateChoice): TemplateModel {
    let loaded: TemplateModel | { error: string };
    try {
      loaded = templateFromBytes(readFileSync(choice.path));
    } catch (error) {
      loaded = { error: readFailure(error) };
    }
    if (!('error' in loaded)) return loaded;
    this.problems.push(templateProblem(choice, loaded.error));
    return defaultTemplate();
  }

  /** The path relative to the project folder, `/`-separated; the absolute path (no leading `/`) outside it. */
  relative(file: string): string {
    const relative = path.relative(this.folder, path.resolve(file));
    const inside = relative !== '' && relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
    return (inside ? relative : path.resolve(file)).split(path.sep).join('/').replace(/^\/+/, '');
  }
}
