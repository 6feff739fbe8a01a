/**
 * The cross-file rules (duplicate-number, number-mismatch, unknown-reference) in rfc-lint,
 * through the engine's workspace module as in the editor. Each analysis is reduced to its
 * index entry and finding filter (suppression comments, rule settings, lifecycle) as soon
 * as the file is analysed, so only those small records stay in memory.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  analyzeDocument,
  applyFindingFilter,
  findingFilterOf,
  indexEntryOf,
  workspaceFindings,
  type Analysis,
  type Finding,
  type FindingFilter,
  type RfcIndexEntry,
  type RuleSetting,
  type TemplateModel,
} from '../engine';

/** What the cross-file rules keep of one checked file. */
export interface CrossFileEntry {
  entry: RfcIndexEntry;
  filter: FindingFilter;
}

/** The entry of a checked file; `file` is its absolute path, undefined for unnamed standard input. */
export function crossFileEntry(file: string | undefined, analysis: Analysis, rules?: Readonly<Record<string, RuleSetting>>): CrossFileEntry {
  return { entry: indexEntryOf(uriOf(file), file === undefined ? '<stdin>' : path.basename(file), analysis), filter: findingFilterOf(analysis, rules) };
}

/**
 * The index entry of a markdown file that is not checked but may be an RFC another one
 * mentions or shares a number with: when it matches the `files` globs (`byPath`) or looks
 * like an RFC, as in the editor's index. Only its head is analysed, up to the first `##`
 * section: the title and metadata lines the rules compare are there, and its own mentions
 * are never checked.
 */
export function contextEntry(file: string, text: string, template: TemplateModel, byPath: boolean): RfcIndexEntry | undefined {
  const section = /^ {0,3}##(?:[ \t]|$)/m.exec(text);
  const analysis = analyzeDocument(section ? text.slice(0, section.index) : text, template);
  return byPath || analysis.looksLikeRfc ? indexEntryOf(uriOf(file), path.basename(file), analysis) : undefined;
}

/**
 * Per checked entry, in the same order, its cross-file findings against the checked and
 * the context entries, after its suppression comments and rule settings.
 */
export function crossFileFindings(checked: readonly CrossFileEntry[], context: readonly RfcIndexEntry[] = []): Finding[][] {
  // One array for every call: the engine builds its lookups once per array.
  const all = [...checked.map((c) => c.entry), ...context];
  return checked.map(({ entry, filter }) => applyFindingFilter(workspaceFindings(entry, all), filter));
}

function uriOf(file: string | undefined): string {
  return file === undefined ? 'untitled:stdin' : pathToFileURL(file).href;
}
