import type { FindingFilter, RfcIndexEntry } from '../engine';
import type { ProjectFiles } from './files';
import { displayPath, isInside, relativeTo } from './uris';
import { Walk } from './walk';

/** What the index keeps of one RFC. */
export interface IndexedRfc {
  entry: RfcIndexEntry;
  /** Its suppression comments, rule settings and lifecycle, for the cross-file findings. */
  filter: FindingFilter;
  /** How many findings its own analysis has (after settings), the cross-file ones not counted. */
  problems: number;
}

/** Turns a file's text into its record when it is an RFC (the service knows settings, templates and classification). */
export type RecordReader = (uri: string, text: string) => Promise<IndexedRfc | undefined>;

/** Decodes without state between calls (no `stream`), so one serves every file. */
const UTF8 = new TextDecoder('utf-8');

/** Files larger than this are not indexed (as rfc-lint refuses them): no RFC is this long. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** At most this many markdown files are read per scan; the rest are left out (and logged). */
export const MAX_FILES = 20_000;

/** Folders never looked into: dependencies and hidden folders (`.git`, `.vscode`, `.rfc` templates). */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

/** The innermost folder holding the file, unless the file lies in a skipped folder below it. */
export function indexFolderOf(uri: string, folders: readonly string[]): string | undefined {
  let folder: string | undefined;
  for (const f of folders) if (isInside(uri, f) && uri !== f && (!folder || f.length > folder.length)) folder = f;
  if (!folder) return undefined;
  const parts = (relativeTo(folder, uri) ?? '').split('/');
  return parts.slice(0, -1).some(isSkippedFolder) ? undefined : folder;
}

/**
 * The markdown files of the workspace folders, each once (nested folders share the walk),
 * with the folders that could be listed. Links to folders are not followed; links to files
 * inside a workspace folder are, as their targets; folders that cannot be listed are
 * logged. Stops at `max` files in all.
 */
export async function walkMarkdown(files: ProjectFiles, folders: readonly string[], max = MAX_FILES, log?: (message: string) => void): Promise<{ files: string[]; listed: Set<string> }> {
  const walk = new Walk(files, { linkRoots: (await Promise.all(folders.map((f) => files.realUri(f)))).filter((f) => f !== undefined), max });
  const found: string[] = [];
  const listed = new Set<string>();
  for (const folder of folders) {
    const before = walk.unreadable.length;
    const entries = await walk.list(folder, { enter: (name) => !isSkippedFolder(name), want: (uri) => /\.md$/i.test(uri) });
    found.push(...entries.map((e) => e.file));
    if (!walk.unreadable.some((u, i) => i >= before && u.uri === folder)) listed.add(folder);
  }
  for (const { uri, reason } of walk.unreadable) log?.(`The folder ${displayPath(uri)} is not indexed: ${reason}.`);
  if (walk.truncated) log?.(`The workspace has more than ${max} markdown files; the others are not indexed.`);
  return { files: found, listed };
}

/** Reads one file and gives it to `reader`: undefined when it is no text file, too large, unreadable, or no RFC. */
export async function readRecord(files: ProjectFiles, uri: string, reader: RecordReader): Promise<IndexedRfc | undefined> {
  // No stat first: every ProjectFiles.read refuses folders, other non-files and files over
  // the bound before reading, and a stat was one more round trip per file of a scan.
  const read = await files.read(uri, MAX_FILE_BYTES);
  if ('error' in read || read.bytes.subarray(0, 8192).includes(0)) return undefined;
  return reader(uri, UTF8.decode(read.bytes));
}
