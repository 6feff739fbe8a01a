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
