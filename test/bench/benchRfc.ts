/** The generated RFC the workspace benches fill folders with. */
import { templateText } from '../support/lspDocuments';

/** An RFC of the built-in template, numbered, with its Status a placeholder left (a finding to fix). */
export function benchRfc(number: string, title: string): string {
  return templateText()
    .replace('[Feature Name]', title)
    .replace('[YYYY-XXX]', number)
    .replace('**Last Updated**: [Date]', '**Last Updated**: 2026-03-01')
    .replace(/\[(?!Draft\/)[^\]\n]*[A-Za-z][^\]\n]*\]/g, 'Written.');
}
