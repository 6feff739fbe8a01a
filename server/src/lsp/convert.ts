import {
  DiagnosticSeverity,
  SymbolKind,
  type Diagnostic,
  type DocumentSymbol,
  type Range,
} from 'vscode-languageserver';
import { lineText, ruleById, ruleDocsUrl, type Analysis, type DocHeading, type Finding, type Severity } from '../engine';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Diagnostics beyond this many per document are summed up in one, to keep the editor responsive. */
export const MAX_DIAGNOSTICS = 1000;

/**
 * Engine findings as LSP diagnostics (`source: "rfc"`, `code` = rule id, `codeDescription`
 * = the rule's README section). The link is sent whatever the client's
 * `codeDescriptionSupport`: a client without it ignores the field.
 */
export function toDiagnostics(findings: readonly Finding[]): Diagnostic[] {
  const shown = findings.slice(0, MAX_DIAGNOSTICS).map((f): Diagnostic => {
    const rule = ruleById(f.ruleId);
    return {
      range: f.range,
      severity: SEVERITY[f.severity],
      source: 'rfc',
      code: f.ruleId,
      ...(rule ? { codeDescription: { href: ruleDocsUrl(rule) } } : {}),
      message: f.message,
      ...(f.data ? { data: f.data } : {}),
    };
  });
  if (findings.length > MAX_DIAGNOSTICS) {
    shown.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: 'rfc',
      code: 'too-many-problems',
      message: `${findings.length - MAX_DIAGNOSTICS} more problems are not shown (the limit is ${MAX_DIAGNOSTICS} per document); run rfc-lint for the full list.`,
    });
  }
  return shown;
}

/** The state of one heading's own section, as the outline shows it. */
export function headingState(h: DocHeading): string {
  const parts: string[] = [];
  if (!h.section && !h.isTitle) parts.push('not in template');
  if (h.placeholderCount > 0) parts.push(h.placeholderCount === 1 ? '1 placeholder' : `${h.placeholderCount} placeholders`);
  if (h.notApplicable) parts.push('not applicable');
  else if (!h.hasContent && !h.hasSubsections && !h.isTitle) parts.push('empty');
  if (h.exampleCount > 0) parts.push('template example');
  if (parts.length === 0 || (parts.length === 1 && parts[0] === 'not in template')) parts.push('complete');
  return parts.join(', ');
}

/** The document's heading tree as hierarchical document symbols, each with its state as detail. */
export function toDocumentSymbols(analysis: Analysis): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  const headings = analysis.headings;
  const lastLine = Math.max(0, analysis.model.lineCount - 1);
  headings.forEach((h, i) => {
    // A section runs to the line before the next heading of the same or a higher level.
    let end = lastLine;
    for (let k = i + 1; k < headings.length; k++) {
      if (headings[k].level <= h.level) {
        end = Math.max(h.line, headings[k].line - 1);
        break;
      }
    }
    const selectionRange: Range = h.range;
    const symbol: DocumentSymbol = {
      name: h.text.trim() === '' ? '(untitled)' : h.text,
      detail: headingState(h),
      kind: SymbolKind.String,
      range: { start: { line: h.line, character: 0 }, end: { line: end, character: lineLength(analysis, end) } },
      selectionRange,
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1].level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ level: h.level, symbol });
  });
  return roots;
}

function lineLength(analysis: Analysis, line: number): number {
  return lineText(analysis.model, line).length;
}

/** The placeholders of an analysis with their texts (lines joined by `\n`), for `rfc/placeholderTexts`. */
export function placeholderTexts(analysis: Analysis): { range: Range; text: string }[] {
  return analysis.placeholders.map((range) => {
    const parts: string[] = [];
    for (let line = range.start.line; line <= range.end.line; line++) {
      const text = lineText(analysis.model, line);
      parts.push(text.slice(line === range.start.line ? range.start.character : 0, line === range.end.line ? range.end.character : text.length));
    }
    return { range, text: parts.join('\n') };
  });
}
