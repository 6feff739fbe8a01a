/**
 * The project's file system on Node: `file:` URIs only (other schemes have nothing here).
 * Reads are bounded and only of regular files: a FIFO, a device or a link to one is
 * refused before anything is read, and no read goes past its limit.
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import { tooLarge, type FileStat, type FileType, type ProjectFiles, type ReadResult } from '../project/files';

export function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

export function typeOf(entry: { isFile(): boolean; isDirectory(): boolean }): FileType {
  return entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';
}

/** Why a file could not be read, in words. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'it does not exist';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'it cannot be read (permission denied)';
  if (code === 'ELOOP') return 'it is a symbolic link that leads in a circle';
  if (code === 'ENAMETOOLONG') return 'its path is too long';
  return (error as Error).message;
}

export const nodeFiles: ProjectFiles = {
  async stat(uri: string): Promise<FileStat | undefined> {
    const path = pathOf(uri);
    if (path === undefined) return undefined;
    try {
      const info = await stat(path);
      return { type: typeOf(info), size: info.size, mtime: info.mtimeMs };
    } catch {
      return undefined;
    }
  },

  async read(uri: string, maxBytes: number): Promise<ReadResult> {
    const path = pathOf(uri);
    if (path === undefined) return { error: 'it is not on the local file system' };
    let file;
    try {
      // Non-blocking, so opening a FIFO returns at once (and is then refused as no regular file).
      file = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { error: readFailure(error), missing: code === 'ENOENT' || code === 'ENOTDIR' };
    }
    try {
      const info = await file.stat();
      if (info.isDirectory()) return { error: 'it is a folder' };
      if (!info.isFile()) return { error: 'it is not a regular file' };
      if (info.size > maxBytes) return { error: tooLarge(maxBytes) };
      // Read one byte past the limit: a file that grew since fstat is refused, not read on.
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > maxBytes) return { error: tooLarge(maxBytes) };
        if (length === buffer.length) break;
      }
      return { bytes: buffer.subarray(0, length) };
    } catch (error) {
      return { error: readFailure(error) };
    } finally {
      await file.close().catch(() => undefined);
    }
  },

  async readHead(uri: string, bytes: number): Promise<Uint8Array | undefined> {
    const path = pathOf(uri);
    if (path === undefined) return undefined;
    let file;
    try {
      file = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch {
      return undefined;
    }
    try {
      if (!(await file.stat()).isFile()) return undefined;
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await file.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } catch {
      return undefined;
    } finally {
      await file.close().catch(() => undefined);
    }
  },

  async list(folder: string): Promise<{ name: string; type: FileType }[] | { error: string }> {
    const path = pathOf(folder);
    if (path === undefined) return { error: 'it is not on the local file system' };
    try {
      return (await readdir(path, { withFileTypes: true })).map((entry) => ({ name: entry.name, type: typeOf(entry) }));
    } catch (error) {
      return { error: readFailure(error) };
    }
  },

  async realUri(uri: string): Promise<string | undefined> {
    const path = pathOf(uri);
    if (path === undefined) return uri;
    try {
      return URI.file(await realpath(path)).toString();
    } catch {
      return undefined;
    }
  },
};
