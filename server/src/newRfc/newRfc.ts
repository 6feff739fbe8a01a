import { readFile } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import { buildTemplateModel, nextRfcNumber, scaffoldRfc, type TemplateModel } from '../engine';
import type { NewRfcParams, NewRfcResult } from '../protocol';
import { readExistingRfcs } from './existingRfcs';
import { slugify, validateTitle } from './slug';

/** Numbers in use beyond the target folder, so New RFC never hands out one twice on this machine. */
export interface NumberSource {
  /**
   * Numbers taken by RFCs of this series (the template's number line, e.g. `rfc number`):
   * the workspace index's, and those handed out earlier in this session.
   */
  taken(series: string | undefined): readonly string[];
  /** Remembers a number handed out (its file may not be written yet). */
  handedOut(series: string | undefined, number: string): void;
}

/**
 * Prepares a new RFC: validates the title, numbers it after the RFCs already in the
 * folder and the numbers `numbers` knows of, and fills the template. The client writes the
 * file (never over an existing one).
 */
export async function prepareNewRfc(params: NewRfcParams, builtIn: TemplateModel, numbers?: NumberSource): Promise<NewRfcResult> {
  const problem = validateTitle(params.title);
  if (problem) return { error: problem };
  const template = params.templateUri ? await readTemplate(params.templateUri) : builtIn;
  if ('error' in template) return template;
  const year = Number(params.date.slice(0, 4));
  const folder = params.directoryUri ? URI.parse(params.directoryUri) : undefined;
  const existing = folder?.scheme === 'file' ? await readExistingRfcs(folder.fsPath) : [];
  const series = template.metadata.find((f) => f.kind.type === 'number')?.normalizedKey;
  const number = nextRfcNumber(template, existing, year, numbers?.taken(series) ?? []);
  numbers?.handedOut(series, number);
  const scaffold = scaffoldRfc(template, { title: params.title, number, date: params.date, authors: params.authors });
  return {
    number,
    fileName: `${number}-${slugify(params.title)}.md`,
    content: scaffold.text,
    selection: scaffold.selection,
  };
}

/** A team template named by the `rfc.template` setting, or why it cannot be used. */
async function readTemplate(uri: string): Promise<TemplateModel | { error: string }> {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return { error: `the template ${uri} is not on the local file system.` };
  try {
    return buildTemplateModel(await readFile(parsed.fsPath, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    return { error: `cannot read the template ${parsed.fsPath} (rfc.template): ${reason}.` };
  }
}
