import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CompletenessRequest } from '../../server/src/protocol';
import { countSectionStates } from './sectionStates';
import type { RfcState } from './rfcState';

/** RFC: Show Completeness — the percentage and what is left, with a way to the sections view. */
export async function showCompleteness(client: BaseLanguageClient, state: RfcState): Promise<number | undefined> {
  const editor = state.activeRfcEditor();
  if (!editor) return undefined;
  const report = await client.sendRequest(CompletenessRequest.type, { uri: editor.document.uri.toString() });
  if (!report) return undefined;
  const counts = countSectionStates(report.sections);
  const message =
    `RFC ${report.percent}% complete (${report.complete} of ${report.total} parts done): ` +
    `${counts.missing} sections missing, ${counts.placeholders} placeholders left.`;
  void vscode.window.showInformationMessage(message, 'Show Sections').then((choice) => {
    if (choice) void vscode.commands.executeCommand('rfcSections.focus');
  });
  return report.percent;
}
