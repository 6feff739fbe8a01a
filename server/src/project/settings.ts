/**
 * The settings: the `rfc.*` settings of an editor and the keys of `.rfcrc.json` are the
 * same, with the same defaults. Read from either, a value of the wrong shape falls back to
 * its default, value by value, so a bad setting never stops analysis; `sanitize` also says
 * what it dropped, naming the key, for the messages about `.rfcrc.json`.
 */
import { ruleIds, type AnalysisOptions, type RuleSetting } from '../engine';

/** The settings of one document. */
export interface RfcSettings {
  /** Globs of markdown files always treated as RFCs (relative to the folder they are set for). */
  files: string[];
  /** Per rule id: `auto`, `off` or a severity replacing the rule's own. */
  rules: Record<string, RuleSetting>;
  /** The RFC folder (New RFC; `0000-template.md` discovery). */
  directory: string;
  /** The team's template; empty: `templates`, discovery, built-in. */
  template: string;
  /** Globs to template paths, in order; the first matching glob wins over `template`. */
  templates: Record<string, string>;
  /** Other names of template sections: the template's heading → headings that stand for it (`{ "Summary": ["Overview"] }`). */
  aliases: Record<string, string[]>;
  /** The team's status values beyond the template's, each with its lifecycle stage (`{ "Active": "approved" }`). */
  statuses: Record<string, StatusStage>;
}

/** The lifecycle stages a team's status value may stand for. */
export type StatusStage = 'draft' | 'review' | 'approved' | 'implemented';

export const defaultSettings: RfcSettings = {
  files: ['**/rfcs/**/*.md', '**/rfc/**/*.md'],
  rules: {},
  directory: 'rfcs',
  template: '',
  templates: {},
  aliases: {},
  statuses: {},
};

export const SETTING_KEYS = Object.keys(defaultSettings) as (keyof RfcSettings)[];
const SEVERITIES: readonly RuleSetting[] = ['auto', 'off', 'hint', 'information', 'warning', 'error'];
const STAGES: readonly StatusStage[] = ['draft', 'review', 'approved', 'implemented'];

/**
 * Keeps the well-formed values of a raw settings object, each missing or malformed one at
 * its default. Each value dropped is described in `problems` (when given), naming its key.
 */
export function sanitize(raw: unknown, problems?: string[]): RfcSettings {
  const value = (raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Partial<Record<keyof RfcSettings, unknown>>;
  const say = (message: string) => problems?.push(message);
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

  let files = defaultSettings.files;
  if (value.files !== undefined) {
    if (!Array.isArray(value.files)) say(`"files" must be a list of globs; the default is used`);
    else {
      files = value.files.filter((f): f is string => typeof f === 'string' && f.trim() !== '');
      if (files.length !== value.files.length) say(`"files": only non-empty strings are globs; the others are left out`);
    }
  }

  const rules: Record<string, RuleSetting> = {};
  if (value.rules !== undefined) {
    if (!isObject(value.rules)) say(`"rules" must be an object of rule ids and severities`);
    else {
      for (const [id, setting] of Object.entries(value.rules)) {
        if (!ruleIds.includes(id)) say(`"rules": there is no rule '${id}' (the rules are ${ruleIds.join(', ')})`);
        else if (!SEVERITIES.includes(setting as RuleSetting)) say(`"rules"."${id}": '${String(setting)}' is not one of ${SEVERITIES.join(', ')}`);
        else rules[id] = setting as RuleSetting;
      }
    }
  }

  const text = (key: 'directory' | 'template', fallback: string): string => {
    const v = value[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'string') {
      say(`"${key}" must be a string; the default is used`);
      return fallback;
    }
    return v.trim();
  };

  const templates: Record<string, string> = {};
  if (value.templates !== undefined) {
    if (!isObject(value.templates)) say(`"templates" must be an object of globs and template paths`);
    else {
      for (const [glob, path] of Object.entries(value.templates)) {
        if (glob.trim() !== '' && typeof path === 'string' && path.trim() !== '') templates[glob.trim()] = path.trim();
        else say(`"templates"."${glob}": a template path (a non-empty string) is needed`);
      }
    }
  }

  const aliases: Record<string, string[]> = {};
  if (value.aliases !== undefined) {
    if (!isObject(value.aliases)) say(`"aliases" must be an object of section headings and lists of other names`);
    else {
      for (const [section, names] of Object.entries(value.aliases)) {
        const list = (Array.isArray(names) ? names : [names]).filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim());
        if (section.trim() === '' || list.length === 0) say(`"aliases"."${section}": a list of other names (strings) is needed`);
        else {
          if (!Array.isArray(names) || list.length !== names.length) say(`"aliases"."${section}": only non-empty strings are names; the others are left out`);
          aliases[section.trim()] = list;
        }
      }
    }
  }

  const statuses: Record<string, StatusStage> = {};
  if (value.statuses !== undefined) {
    if (!isObject(value.statuses)) say(`"statuses" must be an object of status values and stages`);
    else {
      for (const [status, stage] of Object.entries(value.statuses)) {
        if (status.trim() !== '' && STAGES.includes(stage as StatusStage)) statuses[status.trim()] = stage as StatusStage;
        else say(`"statuses"."${status}": '${String(stage)}' is not one of ${STAGES.join(', ')}`);
      }
    }
  }

  return {
    files,
    rules,
    directory: text('directory', defaultSettings.directory) || '.',
    template: text('template', defaultSettings.template),
    templates,
    aliases,
    statuses,
  };
}

/**
 * Editor settings over a configuration file's. The editor sends only its merged values,
 * so one equal to the default counts as "not set" and the file's applies: explicitly
 * setting a default in the editor cannot override the file. `rules`, `aliases` and
 * `statuses` merge per entry (the editor's win); the other settings are replaced whole.
 */
export function mergeSettings(editor: RfcSettings, file: Partial<RfcSettings>): RfcSettings {
  const pick = <K extends keyof RfcSettings>(key: K): RfcSettings[K] =>
    file[key] !== undefined && isDefault(key, editor[key]) ? (file[key] as RfcSettings[K]) : editor[key];
  return {
    files: pick('files'),
    rules: { ...(file.rules ?? {}), ...editor.rules },
    directory: pick('directory'),
    template: pick('template'),
    templates: pick('templates'),
    aliases: { ...(file.aliases ?? {}), ...editor.aliases },
    statuses: { ...(file.statuses ?? {}), ...editor.statuses },
  };
}

/** Which keys of merged settings came from the configuration file (their paths are relative to its folder). */
export function keysFromFile(editor: RfcSettings, file: Partial<RfcSettings>): Set<keyof RfcSettings> {
  return new Set(SETTING_KEYS.filter((key) => file[key] !== undefined && isDefault(key, editor[key])));
}

export function isDefault<K extends keyof RfcSettings>(key: K, value: RfcSettings[K]): boolean {
  return JSON.stringify(value) === JSON.stringify(defaultSettings[key]);
}

/** What the engine takes of the settings for one analysis. */
export function analysisOptionsOf(settings: RfcSettings): AnalysisOptions {
  // No aliases: leave them out, so the engine's per-template name cache is reused.
  const aliases = Object.keys(settings.aliases).length > 0 ? settings.aliases : undefined;
  return { rules: settings.rules, aliases, statuses: settings.statuses };
}
