import { basename, dirname } from 'node:path';
import { URI } from 'vscode-uri';
import { nextRfcNumber, type FixContext, type TemplateModel } from '../engine';
import { readExistingRfcs } from '../newRfc/existingRfcs';

/** Today in the server's time zone, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * What fixes and completions need beyond the document: today's date and the next free RFC
 * number, from the other RFCs in the document's folder and `taken` (the other RFCs' numbers
 * in the workspace index), the year and 001 when there are none.
 */
export async function fixContextFor(uri: string, template: TemplateModel, taken: readonly string[] = []): Promise<FixContext> {
  const date = today();
  const parsed = URI.parse(uri);
  const others = parsed.scheme === 'file' ? (await readExistingRfcs(dirname(parsed.fsPath))).filter((r) => r.fileName !== basename(parsed.fsPath)) : [];
  return { today: date, nextNumber: nextRfcNumber(template, others, Number(date.slice(0, 4)), taken) };
}
