/**
 * The cross-file rules (duplicate-number, number-mismatch, unknown-reference) in rfc-lint:
 * each checked file against the others checked and every RFC of the project's index, with
 * the engine's workspace module as in the editor. Only index records stay in memory.
 */
import { applyFindingFilter, workspaceFindings, type Finding, type RfcIndexEntry } from '../engine';
import type { IndexedRfc } from '../project/indexScan';

/**
 * Per checked record, in the same order, its cross-file findings against the checked and
 * the indexed entries, after its suppression comments and rule settings. A checked file in
 * the index (the current folder) is counted once.
 */
export function crossFileFindings(checked: readonly IndexedRfc[], indexed: readonly RfcIndexEntry[] = []): Finding[][] {
  const inIndex = new Set(indexed.map((e) => e.uri));
  // One array for every call: the engine builds its lookups once per array.
  const all = [...indexed, ...checked.map((c) => c.entry).filter((e) => !inIndex.has(e.uri))];
  return checked.map(({ entry, filter }) => applyFindingFilter(workspaceFindings(entry, all), filter));
}
