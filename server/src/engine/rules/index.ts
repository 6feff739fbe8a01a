import { duplicateSectionRule } from './duplicate-section';
import { emptySectionRule } from './empty-section';
import { headingLevelRule } from './heading-level';
import { metadataRule } from './metadata';
import { missingSectionRule } from './missing-section';
import { placeholderRule } from './placeholder';
import type { DocumentRule, Rule, SectionRule } from './rule';
import { sectionOrderRule } from './section-order';
import { templateExampleRule } from './template-example';

/** Every rule, in the order their findings are listed. */
export const allRules: readonly Rule[] = [
  missingSectionRule,
  emptySectionRule,
  placeholderRule,
  templateExampleRule,
  metadataRule,
  sectionOrderRule,
  duplicateSectionRule,
  headingLevelRule,
];

export const sectionRules: readonly SectionRule[] = allRules.filter((r): r is SectionRule => r.scope === 'section');
export const documentRules: readonly DocumentRule[] = allRules.filter((r): r is DocumentRule => r.scope === 'document');

/** The ids users may name in settings and suppression comments. */
export const ruleIds: readonly string[] = allRules.map((r) => r.id);
