import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CompletenessRequest, InsertSectionRequest } from '../../server/src/protocol';
import { missingSections } from './sectionStates';
import type { RfcState } from './rfcState';

/**
 * Inserts a missing section's template skeleton where template order puts it. The server
 * computes the edit; the client applies it and shows the inserted heading.
 */
export async function insertSection(client: BaseLanguageClient, uri: vscode.Uri, sectionId: string): Promise<boolean> {
  const edit = await client.sendRequest(InsertSectionRequest.type, { uri: uri.toString(), sectionId });
  if (!edit) return false;
  const workspaceEdit = new vscode.WorkspaceEdit();
  const range = client.protocol2CodeConverter.asRange(edit.range);
  workspaceEdit.insert(uri, range.start, edit.newText);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) return false;
  const editor = await vscode.window.showTextDocument(uri);
  // The heading is the first line of the inserted text after its leading line breaks.
  const leadingBreaks = edit.newText.length - edit.newText.replace(/^\n+/, '').length;
  const line = range.start.line + leadingBreaks;
  const heading = new vscode.Position(Math.min(line, editor.document.lineCount - 1), 0);
  editor.selection = new vscode.Selection(heading, editor.document.lineAt(heading.line).range.end);
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/** RFC: Insert Missing Section — pick one of the missing sections, in template order. */
export async function pickAndInsertSection(client: BaseLanguageClient, state: RfcState): Promise<boolean> {
  const editor = state.activeRfcEditor();
  if (!editor) return false;
  const uri = editor.document.uri;
  const report = await client.sendRequest(CompletenessRequest.type, { uri: uri.toString() });
  const missing = missingSections(report?.sections ?? []);
  if (missing.length === 0) {
    void vscode.window.showInformationMessage('This RFC has every section of the template.');
    return false;
  }
  const picked = await vscode.window.showQuickPick(
    missing.map(({ section, path }) => ({
      label: section.name,
      description: path.length > 0 ? `in ${path.join(' › ')}` : 'top-level section',
      sectionId: section.id,
    })),
    { placeHolder: 'Section to insert (in template order)' },
  );
  return picked ? insertSection(client, uri, picked.sectionId) : false;
}
