/**
 * Answers the server's file requests (`rfc/fs/*`, protocol.ts) with `vscode.workspace.fs`:
 * the server in a Web Worker reads templates, `.rfcrc.json` and the workspace's RFCs
 * through the editor's file systems (github.dev's repository, vscode.dev's folders, a
 * remote), and the Node server what is not on disk (a virtual workspace in desktop VS Code). Reads are bounded as on Node: the size is checked before anything is read, and
 * errors are the words the Node file system uses (server/src/node/nodeFiles.ts).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FsListRequest,
  FsReadHeadRequest,
  FsReadRequest,
  FsStatRequest,
  toBase64,
  tooLarge,
  type FileStat,
  type FileType,
  type FsListResult,
  type FsReadResult,
} from '../../server/src/protocol';

/** `readHead` reads whole files (the API has no partial read): none larger than this. */
const MAX_HEAD_SOURCE_BYTES = 4 * 1024 * 1024;

function typeOf(type: vscode.FileType): FileType {
  // Symbolic links are followed by stat; the bits say what they lead to.
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return 'other';
}

function parse(uri: unknown): vscode.Uri | undefined {
  if (typeof uri !== 'string') return undefined;
  try {
    return vscode.Uri.parse(uri, true);
  } catch {
    return undefined;
  }
}

async function statOf(uri: vscode.Uri): Promise<FileStat | undefined> {
  try {
    const info = await vscode.workspace.fs.stat(uri);
    return { type: typeOf(info.type), size: info.size, mtime: info.mtime };
  } catch {
    return undefined;
  }
}

/** Why a file could not be read or listed, in the Node file system's words. */
function failure(error: unknown): { error: string; missing?: boolean } {
  if (error instanceof vscode.FileSystemError) {
    if (error.code === 'FileNotFound') return { error: 'it does not exist', missing: true };
    if (error.code === 'FileIsADirectory') return { error: 'it is a folder' };
    if (error.code === 'NoPermissions') return { error: 'permission denied' };
  }
  return { error: error instanceof Error ? error.message : String(error) };
}

async function read(uri: vscode.Uri | undefined, maxBytes: number): Promise<FsReadResult> {
  if (!uri) return { error: 'it is not a valid URI' };
  let info: vscode.FileStat;
  try {
    info = await vscode.workspace.fs.stat(uri);
  } catch (error) {
    return failure(error);
  }
  if (info.type & vscode.FileType.Directory) return { error: 'it is a folder' };
  if (!(info.type & vscode.FileType.File)) return { error: 'it is not a regular file' };
  if (info.size > maxBytes) return { error: tooLarge(maxBytes) };
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    // It may have grown since the stat: refused, as on Node.
    return bytes.length > maxBytes ? { error: tooLarge(maxBytes) } : { base64: toBase64(bytes) };
  } catch (error) {
    return failure(error);
  }
}

async function readHead(uri: vscode.Uri | undefined, bytes: number): Promise<string | null> {
  const info = uri && (await statOf(uri));
  if (!uri || info?.type !== 'file' || info.size > MAX_HEAD_SOURCE_BYTES) return null;
  try {
    return toBase64((await vscode.workspace.fs.readFile(uri)).subarray(0, Math.max(0, bytes)));
  } catch {
    return null;
  }
}

async function list(uri: vscode.Uri | undefined): Promise<FsListResult> {
  if (!uri) return { error: 'it is not a valid URI' };
  try {
    const entries = await vscode.workspace.fs.readDirectory(uri);
    // As on Node, a link is listed as `other` and never followed by the walk.
    return { entries: entries.map(([name, type]) => ({ name, type: type & vscode.FileType.SymbolicLink ? 'other' : typeOf(type) })) };
  } catch (error) {
    return failure(error);
  }
}

/** Registers the answers on the client (before it starts: the server asks as soon as it runs). */
export function serveFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(FsStatRequest.type, async (params) => {
      const uri = parse(params?.uri);
      return (uri && (await statOf(uri))) ?? null;
    }),
    client.onRequest(FsReadRequest.type, (params) => read(parse(params?.uri), typeof params?.maxBytes === 'number' ? params.maxBytes : 0)),
    client.onRequest(FsReadHeadRequest.type, (params) => readHead(parse(params?.uri), typeof params?.bytes === 'number' ? params.bytes : 0)),
    client.onRequest(FsListRequest.type, (params) => list(parse(params?.uri))),
  ];
}
