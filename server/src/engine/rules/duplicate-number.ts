import { metadataValueFixes } from '../metadataFixes';
import type { WorkspaceRule } from './rule';
import { numberOf } from '../workspace/view';

/** Two RFCs of one series with the same number. */
export const duplicateNumberRule: WorkspaceRule = {
  id: 'duplicate-number',
  docs: '#duplicate-number',
  description: 'Another RFC in the workspace has the same number; each of them is reported, naming the other.',
  defaultSeverity: 'error',
  scope: 'workspace',
  fixes: metadataValueFixes,
  check(entry, workspace, report) {
    const number = numberOf(entry);
    if (number === undefined) return;
    const others = workspace.withNumber(number).filter((e) => e.uri !== entry.uri && e.series === entry.series);
    if (others.length === 0) return;
    const names = others.map((e) => workspace.nameOf(e));
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    report({
      range: entry.numberRange ?? entry.titleRange ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      message: `RFC number ${number} is also used by ${list}: give one of them a new number.`,
      ...(entry.numberRange && entry.series ? { data: { metadataKey: entry.series } } : {}),
    });
  },
};
