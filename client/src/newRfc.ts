import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { NewRfcRequest, ValidateTitleRequest } from '../../server/src/protocol';

/** Answers to New RFC's prompts, for scripts and tests that drive the command without a person. */
export interface NewRfcArguments {
  title?: string;
  authors?: string;
}

/**
 * RFC: New RFC. Asks for a title and the authors (prefilled by the host: git's user name on
 * Node, nothing on the web), asks the server to number and fill the template, and writes
 * `<rfc.directory>/<YYYY-NNN>-<slug>.md` in the first workspace folder with
 * `vscode.workspace.fs` (any file system: disk, a remote, github.dev's), never over an
 * existing file and never outside that folder. Opens it with the Summary's first placeholder
 * selected. Without a workspace folder it opens an untitled RFC. Returns the new document's URI.
 */
export async function newRfc(
  client: BaseLanguageClient,
  log: vscode.OutputChannel,
  authorName: (folder: vscode.Uri | undefined) => Promise<string>,
  args: NewRfcArguments = {},
): Promise<vscode.Uri | undefined> {
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: 'New RFC',
      prompt: 'Title of the RFC',
      placeHolder: 'e.g. Per-tenant rate limiting',
      validateInput: async (value) => (await client.sendRequest(ValidateTitleRequest.type, { title: value })) ?? undefined,
    }));
  if (title === undefined) return undefined;
  const problem = await client.sendRequest(ValidateTitleRequest.type, { title });
  if (problem) {
    void vscode.window.showErrorMessage(`New RFC: ${problem}`);
    return undefined;
  }

  const folder = vscode.workspace.workspaceFolders?.[0];
  const authors =
    args.authors ??
    (await vscode.window.showInputBox({
      title: 'New RFC',
      prompt: 'Authors (comma-separated)',
      value: await authorName(folder?.uri),
    }));
  if (authors === undefined) return undefined;
  const date = today();

  if (!folder) {
    const result = await client.sendRequest(NewRfcRequest.type, { title, authors, date });
    if ('error' in result) return fail(result.error);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.content });
    await show(client, document, result.selection);
    return document.uri;
  }

  // The server reads the folder's settings (VS Code's and .rfcrc.json's) for the RFC folder,
  // and picks the template a file there follows (rfc.templates, rfc.template, discovery).
  const result = await client.sendRequest(NewRfcRequest.type, { folderUri: folder.uri.toString(), title, authors, date });
  if ('error' in result) return fail(result.error);
  if (result.directoryUri === undefined) return fail('the server named no folder for the RFC.');
  const directory = vscode.Uri.parse(result.directoryUri);
  if (!isInside(folder.uri, directory)) return fail(`the rfc.directory setting must be a folder inside the workspace folder '${folder.name}'.`);
  const target = vscode.Uri.joinPath(directory, result.fileName);
  if (!isDirectChild(directory, target)) return fail(`refusing to write '${result.fileName}' outside ${directory.fsPath}.`);

  await vscode.workspace.fs.createDirectory(directory);
  if (await exists(target)) return fail(`${vscode.workspace.asRelativePath(target)} already exists; it was not overwritten.`);
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  } catch (error) {
    return fail(`could not create ${vscode.workspace.asRelativePath(target)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  log.appendLine(`New RFC ${result.number}: ${target.toString()}`);
  const document = await vscode.workspace.openTextDocument(target);
  await show(client, document, result.selection);
  return target;
}

/** A URI path's segments, without empty ones; undefined when one is `.` or `..` (not normalised: refused). */
function segments(uriPath: string): string[] | undefined {
  const parts = uriPath.split('/').filter((part) => part !== '');
  return parts.some((part) => part === '.' || part === '..') ? undefined : parts;
}

/** The folder is the workspace folder or inside it (same scheme and authority, by path segments). */
function isInside(folder: vscode.Uri, uri: vscode.Uri): boolean {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return false;
  const outer = segments(folder.path);
  const inner = segments(uri.path);
  return outer !== undefined && inner !== undefined && inner.length >= outer.length && outer.every((part, i) => inner[i] === part);
}

/** The target is a file directly in the directory (its name joined to it, no separator in between). */
function isDirectChild(directory: vscode.Uri, target: vscode.Uri): boolean {
  const outer = segments(directory.path);
  const inner = segments(target.path);
  return outer !== undefined && inner !== undefined && inner.length === outer.length + 1 && outer.every((part, i) => inner[i] === part);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function show(client: BaseLanguageClient, document: vscode.TextDocument, selection: NewRfcSelection): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  if (selection) {
    const range = client.protocol2CodeConverter.asRange(selection);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

type NewRfcSelection = Parameters<BaseLanguageClient['protocol2CodeConverter']['asRange']>[0] | undefined;

function fail(message: string): undefined {
  void vscode.window.showErrorMessage(`New RFC: ${message}`);
  return undefined;
}

/** Today in the user's time zone, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
