import type { FoundConfig } from './configs';
import { keysFromFile, mergeSettings, type RfcSettings } from './settings';

/**
 * The settings one document follows, and where each is made: a path or glob in a setting
 * is relative to the `.rfcrc.json` that sets it, else to the workspace folder (rfc-lint:
 * the current folder).
 */
export interface DocumentSettings {
  values: RfcSettings;
  /** The folder each setting's paths and globs are relative to. */
  bases: Record<'files' | 'template' | 'templates' | 'directory', string>;
  /** The workspace folder the document belongs to (rfc-lint: the current folder). */
  folder: string;
  /** The `.rfcrc.json` it follows, if any (not one that is there but cannot be used). */
  configUri?: string;
  /** The settings that `.rfcrc.json` sets (the editor's own values win over the others). */
  configKeys?: ReadonlySet<string>;
  /** How messages name where the template setting comes from (default `rfc.template`). */
  templateSource?: string;
}

/** Editor settings over the nearest configuration's, with each setting's base folder. */
export function documentSettings(editor: RfcSettings, found: FoundConfig | undefined, folder: string): DocumentSettings {
  const config = found?.config ?? {};
  const values = mergeSettings(editor, config);
  const fromFile = keysFromFile(editor, config);
  const base = (key: keyof DocumentSettings['bases']) => (found && fromFile.has(key) ? found.folder : folder);
  return {
    values,
    bases: { files: base('files'), template: base('template'), templates: base('templates'), directory: base('directory') },
    folder,
    configUri: found?.ignored ? undefined : found?.uri,
    configKeys: found?.ignored ? undefined : fromFile,
  };
}
