import { duplicateNumberRule } from './duplicate-number';
import { duplicateSectionRule } from './duplicate-section';
import { emptySectionRule } from './empty-section';
import { headingLevelRule } from './heading-level';
import { invalidJsonRule } from './invalid-json';
import { metadataRule } from './metadata';
import { missingSectionRule } from './missing-section';
import { numberMismatchRule } from './number-mismatch';
import { openQuestionsRule } from './open-questions';
import { placeholderRule } from './placeholder';
import { renamedSectionRule } from './renamed-section';
import type { DocumentRule, FindingMark, Rule, SectionRule, WorkspaceRule } from './rule';
import { sectionOrderRule } from './section-order';
import { tableShapeRule } from './table-shape';
import { templateExampleRule } from './template-example';
import { timelineOrderRule } from './timeline-order';
import { uncheckedTaskRule } from './unchecked-task';
import { unclosedFenceRule } from './unclosed-fence';
import { unfilledGuidanceRule } from './unfilled-guidance';
import { unknownReferenceRule } from './unknown-reference';

/** Every rule, in the order their findings are listed. */
export const allRules: readonly Rule[] = [
  missingSectionRule,
  emptySectionRule,
  placeholderRule,
  unfilledGuidanceRule,
  templateExampleRule,
  invalidJsonRule,
  unclosedFenceRule,
  tableShapeRule,
  timelineOrderRule,
  metadataRule,
  sectionOrderRule,
  duplicateSectionRule,
  headingLevelRule,
  renamedSectionRule,
  openQuestionsRule,
  uncheckedTaskRule,
  duplicateNumberRule,
  numberMismatchRule,
  unknownReferenceRule,
];

export const sectionRules: readonly SectionRule[] = allRules.filter((r): r is SectionRule => r.scope === 'section');
export const documentRules: readonly DocumentRule[] = allRules.filter((r): r is DocumentRule => r.scope === 'document');
/** Rules across the workspace's RFCs: run by workspaceFindings, not by the document analysis. */
export const workspaceRules: readonly WorkspaceRule[] = allRules.filter((r): r is WorkspaceRule => r.scope === 'workspace');

/** The ids users may name in settings and suppression comments. */
export const ruleIds: readonly string[] = allRules.map((r) => r.id);

const byId = new Map<string, Rule>(allRules.map((r) => [r.id, r]));

/** The rule with this id, if any. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Whether a finding's rule marks it as this kind of unfinished text (see FindingMark). */
export function isMarked(finding: { ruleId: string }, mark: FindingMark): boolean {
  return byId.get(finding.ruleId)?.marks === mark;
}
