import type { Analysis } from './analyze';
import type { MetadataLine } from './metadata';
import type { FixContext, QuickFix } from './quickFixes';
import type { MetadataField } from './template';
import type { Finding, Range } from './types';

/**
 * "Set Status to Approved", "Set Date to today", "Use next free number": the fixes that
 * replace a metadata value with one its template field accepts. Shared by the rules whose
 * findings sit on a metadata value (metadata, placeholder, duplicate-number).
 */
export function metadataValueFixes(finding: Finding, analysis: Analysis, context: FixContext): QuickFix[] {
  const target = metadataLineOf(analysis, finding);
  if (!target) return [];
  const { line, field } = target;
  const set = (title: string, value: string): QuickFix => ({ title, kind: 'quickfix', edits: [{ range: line.valueRange, newText: value }] });
  switch (field.kind.type) {
    case 'enum':
      return field.kind.values.filter((v) => v !== line.value).map((v) => set(`Set ${field.key} to ${v}`, v));
    case 'date':
      return line.value === context.today ? [] : [set(`Set ${field.key} to today (${context.today})`, context.today)];
    case 'number':
      return line.value === context.nextNumber ? [] : [set(`Use next free number ${context.nextNumber}`, context.nextNumber)];
    case 'text':
      return [];
  }
}

/** The metadata line a finding is about: named by its data, else the line whose value holds its range. */
function metadataLineOf(analysis: Analysis, finding: Finding): { line: MetadataLine; field: MetadataField } | undefined {
  const line = finding.data?.metadataKey
    ? analysis.metadata.find((m) => m.normalizedKey === finding.data?.metadataKey)
    : analysis.metadata.find((m) => m.line === finding.range.start.line && contains(m.valueRange, finding.range));
  const field = line && analysis.template.metadata.find((f) => f.normalizedKey === line.normalizedKey);
  return line && field ? { line, field } : undefined;
}

function contains(outer: Range, inner: Range): boolean {
  return outer.start.line === inner.start.line && outer.start.character <= inner.start.character && inner.end.character <= outer.end.character;
}
