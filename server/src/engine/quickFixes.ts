import type { Analysis } from './analyze';
import { blockAt } from './blockAt';
import { lineText } from './document';
import type { TextEditLike } from './edits';
import { allRules, ruleById } from './rules';
import type { Finding } from './types';

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

/** The fixes offered for one finding: its rule's own, then a comment disabling it for the line. */
export function quickFixesFor(analysis: Analysis, finding: Finding, context: FixContext): QuickFix[] {
  const fixes = [...(ruleById(finding.ruleId)?.fixes?.(finding, analysis, context) ?? [])];
  const disable = disableFix(analysis, finding);
  if (disable) fixes.push(disable);
  return fixes;
}

/** Each rule's fix-all source action for the document, with the rule it fixes. */
export function fixAllActions(analysis: Analysis): { ruleId: string; fix: QuickFix }[] {
  const out: { ruleId: string; fix: QuickFix }[] = [];
  for (const rule of allRules) {
    const fix = rule.fixAll?.(analysis);
    if (fix) out.push({ ruleId: rule.id, fix });
  }
  return out;
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
