import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NewRfcRequest, ValidateTitleRequest } from '../../server/src/protocol';
import { gitUserName } from './gitUser';

/** Answers to New RFC's prompts, for scripts and tests that drive the command without a person. */
export interface NewRfcArguments {
  title?: string;
  authors?: string;
}

/**
 * RFC: New RFC. Asks for a title and the authors (prefilled from git), asks the server to
 * number and fill the template, and writes `<rfc.directory>/<YYYY-NNN>-<slug>.md` in the
 * first workspace folder, never over an existing file and never outside that folder.
 * Opens it with the Summary's first placeholder selected. Without a workspace folder it
 * opens an untitled RFC. Returns the new document's URI.
 */
export async function newRfc(client: LanguageClient, log: vscode.OutputChannel, args: NewRfcArguments = {}): Promise<vscode.Uri | undefined> {
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
      value: await gitUserName(folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined),
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
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(result.content) });
  if (!(await vscode.workspace.applyEdit(edit))) return fail(`could not create ${vscode.workspace.asRelativePath(target)}.`);
  log.appendLine(`New RFC ${result.number}: ${target.toString()}`);
  const document = await vscode.workspace.openTextDocument(target);
  await show(client, document, result.selection);
  return target;
}

/** The folder is the workspace folder or inside it (same scheme and authority, by path segments). */
function isInside(folder: vscode.Uri, uri: vscode.Uri): boolean {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return false;
  const relative = path.posix.relative(folder.path, uri.path);
  return relative === '' || (!relative.startsWith('..') && !path.posix.isAbsolute(relative));
}

function isDirectChild(directory: vscode.Uri, target: vscode.Uri): boolean {
  const relative = path.posix.relative(directory.path, target.path);
  return relative !== '' && !relative.includes('/') && relative !== '..' && !relative.startsWith('..');
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function show(client: LanguageClient, document: vscode.TextDocument, selection: NewRfcSelection): Promise<void> {
  const editor = await vscode.window.showTextDocument(document);
  if (selection) {
    const range = client.protocol2CodeConverter.asRange(selection);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

type NewRfcSelection = Parameters<LanguageClient['protocol2CodeConverter']['asRange']>[0] | undefined;

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
