import type { Connection } from 'vscode-languageserver/node';
import { ruleIds, type AnalysisOptions, type RuleSetting } from './engine';
import { defaultSettings, type RfcSettings, type StatusStage } from './protocol';

const SEVERITIES = new Set<RuleSetting>(['off', 'auto', 'error', 'warning', 'information', 'hint']);

/**
 * Per-document `rfc.*` settings pulled with `workspace/configuration` (scoped to the
 * document), cached until the client says they changed. A missing, null or malformed
 * reply falls back to the defaults value by value, so a bad setting never stops analysis.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Promise<RfcSettings>>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<RfcSettings> {
    if (!this.canPull()) return Promise.resolve(defaultSettings);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'rfc' })
        .then(sanitize, () => defaultSettings);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}

/** Merges a raw configuration reply onto the defaults, keeping only well-formed values. */
export function sanitize(raw: unknown): RfcSettings {
  const value = (raw ?? {}) as Partial<Record<keyof RfcSettings, unknown>>;
  const files = Array.isArray(value.files) ? value.files.filter((f): f is string => typeof f === 'string') : defaultSettings.files;
  const rules: Record<string, RuleSetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, setting] of Object.entries(value.rules as Record<string, unknown>)) {
      if (ruleIds.includes(id) && SEVERITIES.has(setting as RuleSetting)) rules[id] = setting as RuleSetting;
    }
  }
  return { files, rules, ...sanitizeTemplateSettings(value), ...sanitizeVocabulary(value) };
}

const STAGES = new Set<StatusStage>(['draft', 'review', 'approved', 'implemented']);

/** The `aliases` and `statuses` values of a raw reply: well-formed entries kept, the rest dropped. */
export function sanitizeVocabulary(value: Partial<Record<keyof RfcSettings, unknown>>): Pick<RfcSettings, 'aliases' | 'statuses'> {
  const aliases: Record<string, string[]> = {};
  if (value.aliases && typeof value.aliases === 'object' && !Array.isArray(value.aliases)) {
    for (const [section, names] of Object.entries(value.aliases as Record<string, unknown>)) {
      const list = (Array.isArray(names) ? names : [names]).filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim());
      if (section.trim() !== '' && list.length > 0) aliases[section.trim()] = list;
    }
  }
  const statuses: Record<string, StatusStage> = {};
  if (value.statuses && typeof value.statuses === 'object' && !Array.isArray(value.statuses)) {
    for (const [status, stage] of Object.entries(value.statuses as Record<string, unknown>)) {
      if (status.trim() !== '' && STAGES.has(stage as StatusStage)) statuses[status.trim()] = stage as StatusStage;
    }
  }
  return { aliases, statuses };
}

/** What the engine takes of the settings for one analysis. */
export function analysisOptionsOf(settings: RfcSettings): AnalysisOptions {
  // No aliases: leave them out, so the engine's per-template name cache is reused.
  const aliases = Object.keys(settings.aliases).length > 0 ? settings.aliases : undefined;
  return { rules: settings.rules, aliases, statuses: settings.statuses };
}

/** The `directory`, `template` and `templates` values of a raw reply, each falling back to its default. */
export function sanitizeTemplateSettings(value: Partial<Record<keyof RfcSettings, unknown>>): Pick<RfcSettings, 'directory' | 'template' | 'templates'> {
  const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v.trim() : fallback);
  const templates: Record<string, string> = {};
  if (value.templates && typeof value.templates === 'object' && !Array.isArray(value.templates)) {
    for (const [glob, path] of Object.entries(value.templates as Record<string, unknown>)) {
      if (glob.trim() !== '' && typeof path === 'string' && path.trim() !== '') templates[glob.trim()] = path.trim();
    }
  }
  return {
    directory: text(value.directory, defaultSettings.directory) || '.',
    template: text(value.template, defaultSettings.template),
    templates,
  };
}
