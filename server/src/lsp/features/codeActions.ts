import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { fixAllActions, quickFixesFor, type Analysis, type FixContext, type Finding, type QuickFix } from '../../engine';

/** The kind of "Insert all missing sections" as a fix-all source action. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.rfc`;

/**
 * Code actions for RFC diagnostics in the requested range: the engine's quick fixes for
 * each, and the rules' fix-all actions (Insert all missing sections) as `source.fixAll.rfc`. `findings` are the
 * document's findings as published (the cross-file rules' included).
 */
export function codeActions(analysis: Analysis, params: CodeActionParams, context: FixContext, findings: readonly Finding[] = analysis.findings): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'rfc') continue;
      const finding = findingOf(findings, diagnostic);
      if (!finding) continue;
      for (const fix of quickFixesFor(analysis, finding, context)) actions.push(toCodeAction(uri, fix, CodeActionKind.QuickFix, [diagnostic]));
    }
  }
  // Source actions only when asked for by kind (Source Action menu, fix-all on save): the
  // quick fix list already offers each rule's fix-all on its findings.
  if (only && wants(FIX_ALL_KIND)) {
    for (const { ruleId, fix } of fixAllActions(analysis)) {
      actions.push(toCodeAction(uri, fix, FIX_ALL_KIND, params.context.diagnostics.filter((d) => d.code === ruleId)));
    }
  }
  return actions;
}

/** The current finding a diagnostic stands for (same rule and range). */
function findingOf(findings: readonly Finding[], diagnostic: Diagnostic): Finding | undefined {
  const same = (a: Finding) =>
    a.ruleId === diagnostic.code &&
    a.range.start.line === diagnostic.range.start.line &&
    a.range.start.character === diagnostic.range.start.character &&
    a.range.end.line === diagnostic.range.end.line &&
    a.range.end.character === diagnostic.range.end.character;
  return findings.find(same);
}

function toCodeAction(uri: string, fix: QuickFix, kind: string, diagnostics: Diagnostic[]): CodeAction {
  const action: CodeAction = { title: fix.title, kind, diagnostics, edit: { changes: { [uri]: fix.edits } } };
  if (fix.isPreferred) action.isPreferred = true;
  return action;
}
