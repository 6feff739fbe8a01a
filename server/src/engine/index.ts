/**
 * The RFC analysis engine: template model, document model, rules and completeness.
 * Pure TypeScript over markdown-it tokens; it knows nothing of editors, LSP or files, so
 * the language server and the command line share it unchanged.
 */
export { analyzeDocument, type Analysis, type AnalysisOptions } from './analyze';
export { computeCompleteness, type CompletenessReport, type SectionReport, type SlotState } from './completeness';
export { lineText, type BuildStats, type DocumentModel } from './document';
export { headBeforeFirstSection } from './head';
export { ownString } from './ownString';
export type { DocHeading } from './facts';
export { allRules, ruleById, ruleIds } from './rules';
export { PROJECT_HOME, ruleDocsUrl } from './ruleDocs';
export { buildTemplateModel, buildTemplateModelInSlices, type TemplateModel, type TemplateSection } from './template';
export { decodeTemplateModel, encodeTemplateModel } from './templateCodec';
export type { Finding, Position, Range, RuleSetting, Severity } from './types';
export { insertSectionEdit, type TextEditLike } from './edits';
export { escapeMarkdown, nextRfcNumber, scaffoldRfc, type ExistingRfc, type Scaffold, type ScaffoldValues } from './scaffold';
export { insertAllMissingSectionsEdit, missingSectionsOf } from './edits';
export { completionsAt, type Suggestion } from './completions';
export { acceptedForms, hoverAt, type HoverInfo } from './hover';
export { lifecycleOfStatus, type Lifecycle } from './lifecycle';
export { applyRuleSettings } from './ruleSettings';
export { fixAllActions, quickFixesFor, type FixContext, type QuickFix } from './quickFixes';
export { insertAllMissingSections } from './rules/missing-section';
export {
  applyAnalysisSettings,
  applyFindingFilter,
  fileNameNumber,
  findingFilterOf,
  indexEntryOf,
  mentionsOf,
  numberKey,
  numberOf,
  workspaceFindings,
  workspaceView,
  type FindingFilter,
  type RfcIndexEntry,
  type RfcMention,
  type WorkspaceView,
} from './workspace';
