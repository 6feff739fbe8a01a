import * as path from 'node:path';

/**
 * How a file is named in reports: relative to the current folder and `/`-separated when
 * it is inside it, else absolute (native separators).
 */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const inside = relative !== '' && relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative);
  return inside ? relative.split(path.sep).join('/') : absolute;
}

/** Why a file or folder could not be read, in words. */
export function readReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ENAMETOOLONG') return 'its path is too long';
  if (code === 'ELOOP') return 'too many symbolic links';
  return error instanceof Error ? error.message : String(error);
}
