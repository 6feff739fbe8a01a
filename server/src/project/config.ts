/**
 * The project configuration file, `.rfcrc.json`: the `rfc.*` settings without their
 * prefix, checked in with the RFCs so every editor and CI agree. Each file follows the
 * nearest one in its folder or above (configs.ts); editor settings override it.
 *
 * Validated here with the settings' own sanitizer rather than a JSON-schema library: the
 * schema is small and flat, the same code must run in a Web Worker (ajv compiles schemas
 * with `new Function`), and each message should name the key and say what is used instead.
 * `schemas/rfcrc.schema.json` gives editors the same rules for completion and squiggles.
 */
import { sanitize, SETTING_KEYS, type RfcSettings } from './settings';

export const PROJECT_CONFIG_FILE = '.rfcrc.json';

/** The settings a `.rfcrc.json` sets; absent keys are not set. */
export type ProjectConfig = Partial<RfcSettings>;

export interface ParsedConfig {
  config: ProjectConfig;
  /** Why the whole file cannot be used (not JSON, not an object): it is then ignored. */
  error?: string;
  /** Values of the wrong shape and unknown keys, each naming its key; the rest of the file applies. */
  problems: string[];
}

/**
 * Reads a `.rfcrc.json` text. A key of the wrong type falls back to its default, as a
 * malformed editor setting does, and is described in `problems` with unknown keys.
 */
export function parseProjectConfig(text: string): ParsedConfig {
  let raw: unknown;
  try {
    // A byte-order mark is not JSON, but editors write one.
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { config: {}, error: `it is not valid JSON (${(error as Error).message})`, problems: [] };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { config: {}, error: 'it is not a JSON object', problems: [] };
  const problems: string[] = [];
  for (const key of Object.keys(raw)) {
    if (key !== '$schema' && !(SETTING_KEYS as string[]).includes(key)) problems.push(`unknown key "${key}" (the keys are ${SETTING_KEYS.join(', ')})`);
  }
  const clean = sanitize(raw, problems);
  const config: ProjectConfig = {};
  for (const key of SETTING_KEYS) if (key in raw) (config as Record<string, unknown>)[key] = clean[key];
  return { config, problems };
}
