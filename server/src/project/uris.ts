/**
 * URI arithmetic for the project service: folders, parents, relative paths and containment,
 * on the URI's path (always `/`-separated), so it works alike for `file:` and virtual
 * workspaces and never needs Node's `path`.
 */
import { URI, Utils } from 'vscode-uri';
import { boundedMemo } from '../engine/boundedMemo';

/** Parsed URIs by their text: the project asks about the same folder and file URIs for every file it reads, and URI objects are immutable. */
const parse: (uri: string) => URI = boundedMemo((uri) => URI.parse(uri));

/** The URI in one canonical spelling (so two spellings of one file are one map key). */
export function canonical(uri: string): string {
  return parse(uri).toString();
}

/** A folder URI without a trailing slash (the root keeps its `/`). */
export function folderUri(uri: string): string {
  const parsed = parse(uri);
  const path = parsed.path.replace(/\/+$/, '') || '/';
  return parsed.with({ path }).toString();
}

/** The folder holding the file (or folder). */
export function parentOf(uri: string): string {
  return folderUri(Utils.dirname(parse(uri)).toString());
}

export function basename(uri: string): string {
  return Utils.basename(parse(uri));
}

/** A path relative to a folder, `/`-separated (`rfcs/a.md`); segments `..` and `.` are resolved. */
export function join(folder: string, relative: string): string {
  return parse(folder).with({ path: posixJoin(parse(folder).path, relative) }).toString();
}

/** The URI of an absolute file-system path as a setting names it (`/etc/x`, `C:\\x`), in the scheme of `like`. */
export function isAbsoluteSetting(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\');
}

/** The file is the folder or under it (by path segments: `/ws2` is not in `/ws`; schemes and authorities must agree). */
export function isInside(uri: string, folder: string): boolean {
  const a = parse(uri);
  const f = parse(folder);
  if (a.scheme !== f.scheme || a.authority !== f.authority) return false;
  const base = f.path.replace(/\/+$/, '');
  return a.path === base || a.path.startsWith(base + '/') || base === '';
}

/** The path of a file under a folder, `/`-separated and without a leading `/`; undefined when it is not under it. */
export function relativeTo(folder: string, uri: string): string | undefined {
  if (!isInside(uri, folder)) return undefined;
  const base = parse(folder).path.replace(/\/+$/, '');
  return parse(uri).path.slice(base.length).replace(/^\/+/, '');
}

/** The path of a URI without its leading `/`: how globs see a file that is in no folder. */
export function pathWithoutRoot(uri: string): string {
  return parse(uri).path.replace(/^\/+/, '');
}

/** The file-system path of a `file:` URI, for messages; the URI itself for other schemes. */
export function displayPath(uri: string): string {
  const parsed = parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}

/** The innermost of the folders holding the URI. */
export function innermostFolder(uri: string, folders: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const folder of folders) if (isInside(uri, folder) && (!best || folder.length > best.length)) best = folder;
  return best;
}

function posixJoin(base: string, relative: string): string {
  const parts = (relative.startsWith('/') ? [] : base.split('/')).concat(relative.replace(/\\/g, '/').split('/'));
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}
