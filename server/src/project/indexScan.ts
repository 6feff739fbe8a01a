import type { FindingFilter, RfcIndexEntry } from '../engine';
import type { ProjectFiles } from './files';
import { isInside, join, relativeTo } from './uris';

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
 * Collects the markdown files of a folder (links are not followed: they may lead outside
 * or in circles); false when the folder cannot be read. Stops at `max` files in all.
 */
export async function walkMarkdown(files: ProjectFiles, folder: string, into: string[], max = MAX_FILES, log?: (message: string) => void): Promise<boolean> {
  const stat = await files.stat(folder);
  if (stat?.type !== 'directory') return false;
  const stack = [folder];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    const children = await files.list(dir);
    if (!children) continue;
    for (const child of children) {
      if (child.type === 'directory') {
        if (!isSkippedFolder(child.name)) stack.push(join(dir, child.name));
      } else if (child.type === 'file' && /\.md$/i.test(child.name)) {
        if (into.length >= max) {
          log?.(`The workspace has more than ${max} markdown files; the others are not indexed.`);
          return true;
        }
        into.push(join(dir, child.name));
      }
    }
  }
  return true;
}

/** Reads one file and gives it to `reader`: undefined when it is no text file, too large, unreadable, or no RFC. */
export async function readRecord(files: ProjectFiles, uri: string, reader: RecordReader): Promise<IndexedRfc | undefined> {
  const stat = await files.stat(uri);
  if (stat?.type !== 'file' || stat.size > MAX_FILE_BYTES) return undefined;
  const read = await files.read(uri, MAX_FILE_BYTES);
  if ('error' in read || read.bytes.subarray(0, 8192).includes(0)) return undefined;
  return reader(uri, new TextDecoder('utf-8').decode(read.bytes));
}
