import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { completionsAt, type Analysis, type FixContext, type Position } from '../../engine';

/** Characters after which the editor asks for completions without the user asking. */
export const COMPLETION_TRIGGERS = ['#', ' ', ':'];

const KINDS = { value: CompletionItemKind.Value, section: CompletionItemKind.Module, skeleton: CompletionItemKind.Snippet } as const;

/** The engine's suggestions as LSP completion items, in the engine's order. */
export function completionItems(analysis: Analysis, position: Position, context: FixContext): CompletionItem[] {
  return completionsAt(analysis, position, context).map((s) => ({
    label: s.label,
    kind: KINDS[s.kind],
    detail: s.detail,
    sortText: s.sortText,
    filterText: s.kind === 'skeleton' ? s.label.replace(/ \(with template\)$/, '') : s.label,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: s.edit.range, newText: s.edit.newText },
  }));
}
