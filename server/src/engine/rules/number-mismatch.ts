import type { WorkspaceRule } from './rule';
import { numberKey } from '../workspace/numbers';

/** The number in the file name is not the number on the metadata line. */
export const numberMismatchRule: WorkspaceRule = {
  id: 'number-mismatch',
  docs: '#number-mismatch',
  description: "The number the file name starts with differs from the RFC's number metadata line.",
  defaultSeverity: 'warning',
  scope: 'workspace',
  check(entry, _workspace, report) {
    if (entry.number === undefined || entry.fileNumber === undefined) return;
    if (numberKey(entry.number) === numberKey(entry.fileNumber)) return;
    report({
      range: entry.numberRange ?? entry.titleRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `The file name says ${entry.fileNumber} but the RFC number is ${entry.number}: rename the file or correct the number.`,
    });
  },
};
