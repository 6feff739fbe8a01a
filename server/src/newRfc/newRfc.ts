import { URI } from 'vscode-uri';
import { nextRfcNumber, scaffoldRfc, type TemplateModel } from '../engine';
import type { NewRfcParams, NewRfcResult } from '../protocol';
import { readExistingRfcs } from './existingRfcs';
import { slugify, validateTitle } from './slug';

/**
 * Prepares a new RFC: validates the title, numbers it after the RFCs already in the
 * folder, and fills the template. The client writes the file (never over an existing one).
 */
export async function prepareNewRfc(params: NewRfcParams, template: TemplateModel): Promise<NewRfcResult> {
  const problem = validateTitle(params.title);
  if (problem) return { error: problem };
  const year = Number(params.date.slice(0, 4));
  const folder = params.directoryUri ? URI.parse(params.directoryUri) : undefined;
  const existing = folder?.scheme === 'file' ? await readExistingRfcs(folder.fsPath) : [];
  const number = nextRfcNumber(template, existing, year);
  const scaffold = scaffoldRfc(template, { title: params.title, number, date: params.date, authors: params.authors });
  return {
    number,
    fileName: `${number}-${slugify(params.title)}.md`,
    content: scaffold.text,
    selection: scaffold.selection,
  };
}
