import type { Analysis } from './analyze';
import { blockAt } from './blockAt';
import { lineText } from './document';
import { insertAllMissingSectionsEdit, insertSectionEdit, missingSectionsOf, type TextEditLike } from './edits';
import type { MetadataLine } from './metadata';
import type { MetadataField } from './template';
import type { Finding, Range } from './types';

/** A fix the editor can offer for a finding. Every edit inserts, or replaces only the flagged span. */
export interface QuickFix {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  edits: TextEditLike[];
  isPreferred?: boolean;
}

/** What fixes need from outside the document. */
export interface FixContext {
  /** Today as YYYY-MM-DD. */
  today: string;
  /** The next free RFC number (from the folder's RFCs, or the year and 001). */
  nextNumber: string;
}

/** The fixes offered for one finding. */
export function quickFixesFor(analysis: Analysis, finding: Finding, context: FixContext): QuickFix[] {
  const fixes: QuickFix[] = [];
  if (finding.ruleId === 'missing-section' && finding.data?.sectionId) {
    const edit = insertSectionEdit(analysis, finding.data.sectionId);
    const section = analysis.template.sections.find((s) => s.id === finding.data?.sectionId);
    if (edit && section) fixes.push({ title: `Insert section '${section.name}'`, kind: 'quickfix', edits: [edit], isPreferred: true });
    const all = insertAllMissingSections(analysis);
    if (all && missingSectionsOf(analysis).length > 1) fixes.push({ ...all, kind: 'quickfix' });
  }
  const metadata = metadataLineOf(analysis, finding);
  if (metadata && (finding.ruleId === 'metadata' || finding.ruleId === 'placeholder' || finding.ruleId === 'duplicate-number')) fixes.push(...metadataFixes(metadata.line, metadata.field, context));
  if (finding.ruleId === 'empty-section') {
    const heading = analysis.headings.find((h) => h.line === finding.range.start.line);
    if (heading) {
      const end = { line: heading.endLine - 1, character: lineText(analysis.model, heading.endLine - 1).length };
      const next = lineText(analysis.model, heading.endLine);
      const after = heading.endLine < analysis.model.lineCount && next.trim() !== '' ? '\n' : '';
      fixes.push({
        title: 'Mark as not applicable',
        kind: 'quickfix',
        edits: [{ range: { start: end, end }, newText: `\n\nN/A: explain why this does not apply.${after}` }],
      });
    }
  }
  const disable = disableFix(analysis, finding);
  if (disable) fixes.push(disable);
  return fixes;
}

/** "Insert all missing sections", or undefined when nothing is missing. */
export function insertAllMissingSections(analysis: Analysis): QuickFix | undefined {
  const edits = insertAllMissingSectionsEdit(analysis);
  return edits.length > 0 ? { title: 'Insert all missing sections', kind: 'source.fixAll', edits } : undefined;
}

function metadataLineOf(analysis: Analysis, finding: Finding): { line: MetadataLine; field: MetadataField } | undefined {
  const line = finding.data?.metadataKey
    ? analysis.metadata.find((m) => m.normalizedKey === finding.data?.metadataKey)
    : analysis.metadata.find((m) => m.line === finding.range.start.line && contains(m.valueRange, finding.range));
  const field = line && analysis.template.metadata.find((f) => f.normalizedKey === line.normalizedKey);
  return line && field ? { line, field } : undefined;
}

function metadataFixes(line: MetadataLine, field: MetadataField, context: FixContext): QuickFix[] {
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

/**
 * "Disable RULE for this line": a `rfc-disable-next-line` comment on its own line above a
 * line that starts a top-level block; inside a list, quote, table or paragraph (where a
 * line of its own would split the block) a `rfc-disable-line` comment at the end of the
 * line. Not offered inside code, where a comment would change the code.
 */
function disableFix(analysis: Analysis, finding: Finding): QuickFix | undefined {
  const line = finding.range.start.line;
  const block = blockAt(analysis.model, line);
  const title = `Disable ${finding.ruleId} for this line`;
  if (block?.kind === 'code' && line !== block.line) return undefined;
  const text = lineText(analysis.model, line);
  if (!block || block.line === line) {
    const indent = /^\s*/.exec(text)?.[0] ?? '';
    const at = { line, character: 0 };
    return { title, kind: 'quickfix', edits: [{ range: { start: at, end: at }, newText: `${indent}<!-- rfc-disable-next-line ${finding.ruleId} -->\n` }] };
  }
  const end = { line, character: text.length };
  return { title, kind: 'quickfix', edits: [{ range: { start: end, end }, newText: ` <!-- rfc-disable-line ${finding.ruleId} -->` }] };
}

function contains(outer: Range, inner: Range): boolean {
  return outer.start.line === inner.start.line && outer.start.character <= inner.start.character && inner.end.character <= outer.end.character;
}
