/**
 * The project's file system asked of the client over LSP (`rfc/fs/*`, protocol.ts): what the
 * server uses where it cannot read files itself — in a Web Worker on vscode.dev and
 * github.dev, where the client answers with `vscode.workspace.fs`. The client bounds reads
 * as the Node file system does (a file larger than the limit is refused, not read). Virtual
 * file systems have no symbolic links to resolve: a URI's real URI is itself. Never throws:
 * a failed or refused request is "nothing there" or an error in words.
 */
import type { Connection } from 'vscode-languageserver';
import { fromBase64 } from '../project/base64';
import { tooLarge, type FileStat, type FileType, type ProjectFiles, type ReadResult } from '../project/files';
import { FsListRequest, FsReadHeadRequest, FsReadRequest, FsStatRequest } from '../protocol';

function failure(error: unknown): string {
  return `the editor could not read it (${error instanceof Error ? error.message : String(error)})`;
}

export class ClientFiles implements ProjectFiles {
  constructor(private readonly connection: Connection) {}

  async stat(uri: string): Promise<FileStat | undefined> {
    try {
      return (await this.connection.sendRequest(FsStatRequest.type, { uri })) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async read(uri: string, maxBytes: number): Promise<ReadResult> {
    try {
      const result = await this.connection.sendRequest(FsReadRequest.type, { uri, maxBytes });
      if ('error' in result) return result;
      const bytes = fromBase64(result.base64);
      if (!bytes) return { error: 'the editor sent it garbled' };
      // The client checked the size; a file that grew in between is still refused here.
      if (bytes.length > maxBytes) return { error: tooLarge(maxBytes) };
      return { bytes };
    } catch (error) {
      return { error: failure(error) };
    }
  }

  async readHead(uri: string, bytes: number): Promise<Uint8Array | undefined> {
    try {
      const head = await this.connection.sendRequest(FsReadHeadRequest.type, { uri, bytes });
      return head === null ? undefined : fromBase64(head)?.subarray(0, bytes);
    } catch {
      return undefined;
    }
  }

  async list(folder: string): Promise<{ name: string; type: FileType }[] | { error: string }> {
    try {
      const result = await this.connection.sendRequest(FsListRequest.type, { uri: folder });
      return 'error' in result ? result : result.entries;
    } catch (error) {
      return { error: failure(error) };
    }
  }

  async realUri(uri: string): Promise<string | undefined> {
    return (await this.stat(uri)) ? uri : undefined;
  }
}
