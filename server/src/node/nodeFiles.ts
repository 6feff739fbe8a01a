/**
 * The project's file system on Node: `file:` URIs only (other schemes have nothing here).
 * Reads are bounded and only of regular files: a FIFO, a device or a link to one is
 * refused before anything is read, and no read goes past its limit.
 */
import { close, constants, fstat, open as openFd, read as readFd } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import { NOT_A_REGULAR_FILE, tooLarge, type FileStat, type FileType, type ProjectFiles, type ReadResult } from '../project/files';

export function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

export function typeOf(entry: { isFile(): boolean; isDirectory(): boolean }): FileType {
  return entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';
}

/** Why an opened file is not read at all (a folder, a FIFO or device, over the bound), or undefined when it may be. */
export function refusalOf(info: { isFile(): boolean; isDirectory(): boolean; size: number }, maxBytes: number): string | undefined {
  if (info.isDirectory()) return 'it is a folder';
  if (!info.isFile()) return NOT_A_REGULAR_FILE;
  if (info.size > maxBytes) return tooLarge(maxBytes);
  return undefined;
}

/** Why a file could not be read, in words. */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'it does not exist';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'it is a symbolic link that leads in a circle';
  if (code === 'ENAMETOOLONG') return 'its path is too long';
  return error instanceof Error ? error.message : String(error);
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

  read(uri: string, maxBytes: number): Promise<ReadResult> {
    const path = pathOf(uri);
    return path === undefined ? Promise.resolve({ error: 'it is not on the local file system' }) : readBounded(path, maxBytes);
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

const NON_BLOCKING = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * A bounded read of a regular file: opened non-blocking (a FIFO is refused at once),
 * fstat, read to one byte past the size, closed; the same checks and words as
 * readBoundedSync (nodeFilesSync.ts), without blocking the thread.
 *
 * On the callback API, not fs/promises' FileHandle: the server reads every markdown file
 * of the workspace while indexing, with analysis on the same thread, and the FileHandle
 * steps (an object with a finaliser, a promise per call) cost that thread more than the
 * read itself; a bare descriptor and one promise per file cost about half.
 */
function readBounded(path: string, maxBytes: number): Promise<ReadResult> {
  return new Promise((resolve) => {
    openFd(path, NON_BLOCKING, (openError, fd) => {
      if (openError) {
        resolve({ error: readFailure(openError), missing: openError.code === 'ENOENT' || openError.code === 'ENOTDIR' });
        return;
      }
      // Every way out closes the file first.
      const finish = (result: ReadResult): void => close(fd, () => resolve(result));
      fstat(fd, (statError, info) => {
        if (statError) return finish({ error: readFailure(statError) });
        const refused = refusalOf(info, maxBytes);
        if (refused !== undefined) return finish({ error: refused });
        // One byte past the size: a file that grew since fstat is noticed, and never read past the limit.
        const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
        let length = 0;
        const next = (): void =>
          readFd(fd, buffer, length, buffer.length - length, length, (readError, count) => {
            if (readError) return finish({ error: readFailure(readError) });
            if (count === 0) return finish({ bytes: buffer.subarray(0, length) });
            length += count;
            if (length > maxBytes) return finish({ error: tooLarge(maxBytes) });
            if (length === buffer.length) return finish({ bytes: buffer.subarray(0, length) });
            next();
          });
        next();
      });
    });
  });
}
