/**
 * The project configuration file, `.rfcrc.json` at the root of a workspace folder (or of
 * the folder `rfc-lint` runs in): the same settings as VS Code's `rfc.*` ones, checked in
 * with the RFCs so every editor and CI agree. VS Code settings override it, value by value.
 */
import { defaultSettings, type RfcSettings } from '../protocol';
import { sanitize } from '../settings';

export const PROJECT_CONFIG_FILE = '.rfcrc.json';

/** The settings a `.rfcrc.json` sets; absent keys are not set. */
export type ProjectConfig = Partial<RfcSettings>;

const KEYS = Object.keys(defaultSettings) as (keyof RfcSettings)[];

/**
 * Reads a `.rfcrc.json` text. Unknown keys are ignored; a key of the wrong type falls back
 * to the default, as a malformed VS Code setting does. `error` says why a file that is not
 * a JSON object cannot be used (the whole file is then ignored).
 */
export function parseProjectConfig(text: string): { config: ProjectConfig; error?: string } {
  let raw: unknown;
  try {
    // A byte-order mark is not JSON, but editors write one.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { config: {}, error: `it is not valid JSON (${(error as Error).message})` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { config: {}, error: 'it is not a JSON object' };
  const clean = sanitize(raw);
  const config: ProjectConfig = {};
  for (const key of KEYS) if (key in raw) (config as Record<string, unknown>)[key] = clean[key];
  return { config };
}

/**
 * VS Code settings over the project file. The server only receives VS Code's merged values,
 * so a value equal to the contributed default counts as "not set" and the file's value is
 * used: explicitly setting a default in VS Code cannot override the file. `rules` merge
 * per rule id (VS Code's win); the other settings are replaced whole.
 */
export function mergeSettings(editor: RfcSettings, file: ProjectConfig): RfcSettings {
  const pick = <K extends keyof RfcSettings>(key: K): RfcSettings[K] =>
    file[key] !== undefined && isDefault(key, editor[key]) ? (file[key] as RfcSettings[K]) : editor[key];
  return {
    files: pick('files'),
    rules: { ...(file.rules ?? {}), ...editor.rules },
    directory: pick('directory'),
    template: pick('template'),
    templates: pick('templates'),
    // Per name, like rules: the editor's entries win.
    aliases: { ...(file.aliases ?? {}), ...editor.aliases },
    statuses: { ...(file.statuses ?? {}), ...editor.statuses },
  };
}

function isDefault<K extends keyof RfcSettings>(key: K, value: RfcSettings[K]): boolean {
  return JSON.stringify(value) === JSON.stringify(defaultSettings[key]);
}
