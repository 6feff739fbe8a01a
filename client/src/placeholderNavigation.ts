import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PlaceholdersRequest } from '../../server/src/protocol';
import type { RfcState } from './rfcState';

/**
 * Next/Previous Placeholder: select the next (previous) unfilled placeholder after (before)
 * the selection, wrapping around, so an author can tab through the template like a form.
 */
export async function moveToPlaceholder(client: BaseLanguageClient, state: RfcState, direction: 1 | -1): Promise<vscode.Range | undefined> {
  const editor = state.activeRfcEditor();
  if (!editor) return undefined;
  const ranges = (await client.sendRequest(PlaceholdersRequest.type, { uri: editor.document.uri.toString() })).map(
    (r) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character),
  );
  if (ranges.length === 0) {
    void vscode.window.showInformationMessage('No placeholders left in this RFC.');
    return undefined;
  }
  const selection = editor.selection;
  const target =
    direction === 1
      ? (ranges.find((r) => r.start.isAfterOrEqual(selection.end) && !r.isEqual(selection)) ?? ranges[0])
      : ([...ranges].reverse().find((r) => r.end.isBeforeOrEqual(selection.start) && !r.isEqual(selection)) ?? ranges[ranges.length - 1]);
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return target;
}
