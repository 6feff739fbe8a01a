import { scaffoldRfc, type Position } from '../engine';
import type { ProjectService } from './service';
import { slugify, validateTitle } from './slug';
import { rfcDirectory } from './templates';
import { displayPath, join } from './uris';

/** What New RFC asks for. */
export interface NewRfcInput {
  /** The folder the RFC will be written to; absent: the RFC folder of `folderUri`, or an untitled RFC. */
  directoryUri?: string;
  /** The workspace folder to create it in: its settings name the RFC folder (`directory`). */
  folderUri?: string;
  title: string;
  /** Comma-separated author names; may be empty. */
  authors: string;
  /** Today as YYYY-MM-DD (the client's clock and time zone). */
  date: string;
}

export type NewRfcOutput =
  | {
      /** The RFC number, one more than the highest of the year in the folder and the workspace. */
      number: string;
      /** `<number>-<slug>.md`: no path separators, no `..`, length-capped. */
      fileName: string;
      /** The folder to write it to (absent for an untitled RFC). */
      directoryUri?: string;
      content: string;
      /** The first placeholder of the first section, to select. */
      selection?: { start: Position; end: Position };
    }
  | { error: string };

/**
 * Prepares a new RFC: validates the title and date, finds the folder (the `directory` of
 * the workspace folder's settings) and the template a file there would follow, numbers it
 * after every RFC known and every number handed out, and fills the template. The client
 * writes the file (never over an existing one, never outside the folder).
 */
export async function prepareNewRfc(service: ProjectService, input: NewRfcInput): Promise<NewRfcOutput> {
  const title = typeof input.title === 'string' ? input.title : '';
  const problem = validateTitle(title);
  if (problem) return { error: problem };
  if (typeof input.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(input.date)) return { error: 'The date must be written YYYY-MM-DD.' };
  const authors = typeof input.authors === 'string' ? input.authors : '';

  let directory = typeof input.directoryUri === 'string' ? input.directoryUri : undefined;
  if (directory === undefined && typeof input.folderUri === 'string') {
    directory = rfcDirectory(await service.settingsFor(join(input.folderUri, 'new-rfc.md')));
    if (!directory) return { error: 'the rfc.directory setting must be a folder inside the workspace folder.' };
  }
  // The template a file in that folder would follow.
  const scope = directory === undefined ? undefined : join(directory, 'new-rfc.md');
  const settings = await service.settingsFor(scope ?? 'untitled:New RFC');
  const template = await service.loadTemplate(scope, settings);
  if ('error' in template) return { error: `cannot read the template ${displayPath(template.uri)} (${template.source}): ${template.error}.` };

  const number = await service.numbers.handOut(template, Number(input.date.slice(0, 4)), directory);
  const scaffold = scaffoldRfc(template, { title, number, date: input.date, authors });
  const result: NewRfcOutput = { number, fileName: `${number}-${slugify(title)}.md`, content: scaffold.text, selection: scaffold.selection };
  if (directory !== undefined) result.directoryUri = directory;
  return result;
}
