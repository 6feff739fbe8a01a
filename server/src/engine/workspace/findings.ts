import type { Analysis } from '../analyze';
import type { Lifecycle } from '../lifecycle';
import { applyRuleSettings } from '../ruleSettings';
import { workspaceRules } from '../rules';
import type { Report } from '../rules/rule';
import { ownString } from '../ownString';
import { applySuppressions, type SuppressionDirective } from '../suppression';
import type { Finding, RuleSetting } from '../types';
import type { RfcIndexEntry } from './entry';
import { workspaceView } from './view';

/**
 * The findings of the workspace rules (`duplicate-number`, `number-mismatch`,
 * `unknown-reference`) for one RFC among all (`all` may hold the RFC itself), sorted by
 * position, at the rules' own severities: apply the RFC's suppression comments and rule
 * settings with applyFindingFilter. Passing the same `all` array for every RFC builds its
 * lookups once.
 */
export function workspaceFindings(entry: RfcIndexEntry, all: readonly RfcIndexEntry[]): Finding[] {
  const view = workspaceView(all);
  const findings: Finding[] = [];
  for (const rule of workspaceRules) {
    const report: Report = (r) => {
      const finding: Finding = { ruleId: rule.id, severity: r.severity ?? rule.defaultSeverity, message: r.message, range: r.range };
      if (r.data) finding.data = r.data;
      findings.push(finding);
    };
    try {
      rule.check(entry, view, report);
    } catch (error) {
      findings.push({
        ruleId: rule.id,
        severity: 'error',
        message: `Rule '${rule.id}' failed on this document (${error instanceof Error ? error.message : String(error)}); its findings are missing. Please report this with the document.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/**
 * What a document says about its findings beyond the rules: its suppression comments, the
 * rule settings it is checked under and its lifecycle stage. Small plain data, so it can be
 * kept with an index entry when the analysis is not.
 */
export interface FindingFilter {
  /** The suppression comments that can touch the workspace rules, with document lines. */
  directives: readonly SuppressionDirective[];
  rules?: Readonly<Record<string, RuleSetting>>;
  lifecycle: Lifecycle;
}

/** The finding filter of an analysed document under these rule settings (`rfc.rules`). */
export function findingFilterOf(analysis: Analysis, rules?: Readonly<Record<string, RuleSetting>>): FindingFilter {
  const ids = new Set(workspaceRules.map((r) => r.id));
  const directives: SuppressionDirective[] = [];
  for (const { chunk, startLine } of analysis.model.chunks) {
    for (const d of chunk.directives) {
      if (d.rules.length === 0 || d.rules.some((r) => ids.has(r))) directives.push({ kind: d.kind, rules: d.rules.map(ownString), line: d.line + startLine });
    }
  }
  return rules === undefined ? { directives, lifecycle: analysis.lifecycle } : { directives, rules, lifecycle: analysis.lifecycle };
}

/** Drops the findings the document's suppression comments silence and applies its rule settings, as the analysis does for its own. */
export function applyFindingFilter(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return applyRuleSettings(applySuppressions([...findings], filter.directives), filter.rules, filter.lifecycle);
}

/** applyFindingFilter with the filter of an analysis: for findings computed outside it (the workspace rules'). */
export function applyAnalysisSettings(findings: readonly Finding[], analysis: Analysis, rules?: Readonly<Record<string, RuleSetting>>): Finding[] {
  return applyFindingFilter(findings, findingFilterOf(analysis, rules));
}
