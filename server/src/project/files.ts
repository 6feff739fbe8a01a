/**
 * The project service reaches files only through this interface: Node's file system for
 * the language server and rfc-lint, `vscode.workspace.fs` in the browser, an in-memory
 * workspace in tests. Everything is named by URI strings (`file:///ws/rfcs/a.md`).
 */

export type FileType = 'file' | 'directory' | 'other';

/** Why a device, a FIFO or a socket was not read, in the words every ProjectFiles uses. */
export const NOT_A_REGULAR_FILE = 'it is not a regular file';

/** Why a file over a read's bound was not read, in the words every ProjectFiles uses. */
export function tooLarge(maxBytes: number): string {
  return `it is larger than ${Math.round(maxBytes / (1024 * 1024))} MB`;
}

export interface FileStat {
  type: FileType;
  size: number;
  /** Modification time in milliseconds; with the size, tells a changed file from a known one. */
  mtime: number;
}

/** What a read gives: the bytes, or why there are none, in words (`it does not exist`). */
export type ReadResult = { bytes: Uint8Array } | { error: string; missing?: boolean };

export interface ProjectFiles {
  /** Whether and what a path is; undefined when nothing is there. Never throws. */
  stat(uri: string): Promise<FileStat | undefined>;
  /**
   * Reads at most `maxBytes` of a file (a larger file is an error, read no further: a
   * device or a FIFO must never be read without a bound). Never throws.
   */
  read(uri: string, maxBytes: number): Promise<ReadResult>;
  /** The first bytes of a file (up to `bytes`), or undefined when it cannot be read. Never throws. */
  readHead(uri: string, bytes: number): Promise<Uint8Array | undefined>;
  /** The entries of a folder, or why it cannot be listed (`it does not exist`). Links are `other`: never followed. */
  list(folder: string): Promise<{ name: string; type: FileType }[] | { error: string }>;
  /**
   * Where a path really is, symbolic links resolved (undefined when it does not exist).
   * File systems without links answer the URI itself. Used for the trust boundary.
   */
  realUri(uri: string): Promise<string | undefined>;
}
