import { URI } from 'vscode-uri';
import type { Analysis } from '../engine';
import type { DocumentSettings } from './documentSettings';
import { globMatcher, globPath } from './templates';

/** Schemes of documents that have a path globs can match (untitled documents have none). */
const PATH_SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs', 'vscode-test-web']);

/** Whether the path alone makes a document an RFC: it matches one of the `files` globs. */
export function matchesRfcFiles(uri: string, settings: DocumentSettings): boolean {
  if (!PATH_SCHEMES.has(URI.parse(uri).scheme)) return false;
  const path = globPath(uri, settings.bases.files);
  return settings.values.files.some((glob) => globMatcher(glob)(path));
}

/**
 * The one test of whether a markdown document is an RFC, for open documents, the
 * workspace index and rfc-lint alike: never a team template; else when its path matches
 * the `files` globs, or it looks like an RFC of its template (the title prefix, `RFC:`, or
 * the template's first metadata line).
 */
export function isRfc(uri: string, analysis: Analysis | { looksLikeRfc: boolean }, settings: DocumentSettings, isTemplate: boolean): boolean {
  return !isTemplate && isRfcOfPath(analysis, () => matchesRfcFiles(uri, settings));
}

/**
 * isRfc for a document known to be no template, with the `files` globs' verdict given
 * (asked only when the document does not look like an RFC): index jobs carry the verdict
 * instead of the settings, as a worker thread has none (indexRecord.ts).
 */
export function isRfcOfPath(analysis: { looksLikeRfc: boolean }, filesMatch: () => boolean): boolean {
  return analysis.looksLikeRfc || filesMatch();
}
