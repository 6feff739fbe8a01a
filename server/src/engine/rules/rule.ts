import type { Analysis } from '../analyze';
import type { ParsedChunk } from '../chunk';
import type { DocumentFacts } from '../facts';
import type { Lifecycle } from '../lifecycle';
import type { FixContext, QuickFix } from '../quickFixes';
import type { TemplateModel } from '../template';
import type { Finding, FindingData, Range, Severity } from '../types';
import type { RfcIndexEntry } from '../workspace/entry';
import type { WorkspaceView } from '../workspace/view';

/** What a rule reports; the analysis adds the rule id and applies the user's severity. */
export interface RuleReport {
  range: Range;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. by heading level). */
  severity?: Severity;
  /** What a quick fix for this finding needs (section id, metadata key). */
  data?: FindingData;
}

export type Report = (report: RuleReport) => void;

/** What section rules may read beyond their own chunk. */
export interface SectionContext {
  template: TemplateModel;
  /** Reference definition labels of the whole document, normalised. */
  references: ReadonlySet<string>;
}

/**
 * What a rule's findings stand for beyond their message: completeness and Next Placeholder
 * read this instead of knowing rule ids. `placeholder-left` and `guidance-left` are text not written
 * yet (visited by Next Placeholder, counted per section); `example-left` is template content left
 * unchanged; `invalid-metadata` is a metadata line that does not count as filled in.
 */
export type FindingMark = 'placeholder-left' | 'guidance-left' | 'example-left' | 'invalid-metadata';

interface RuleBase {
  /** Stable kebab-case id: shown in diagnostics, used in settings and suppression comments. */
  id: string;
  /** One sentence on what the rule checks, for documentation and the CLI. */
  description: string;
  defaultSeverity: Severity;
  /**
   * The severity under the `auto` setting (the default) at each lifecycle stage (`unknown`:
   * no readable Status): a stage not named keeps the finding's own severity, `off` drops the
   * finding. A severity the user sets applies at every stage. README's Lifecycle table lists them.
   */
  severityByStage?: Readonly<Partial<Record<Lifecycle, Severity | 'off'>>>;
  /** Off unless the user turns it on with a severity (or `auto`) in `rfc.rules`. */
  offByDefault?: boolean;
  /** The anchor of the rule's section in README.md (`#missing-section`). */
  docs: string;
  marks?: FindingMark;
  /** The quick fixes for one of its findings ("Disable RULE for this line" comes for every rule). */
  fixes?(finding: Finding, analysis: Analysis, context: FixContext): QuickFix[];
  /** One source action (`source.fixAll.rfc`) fixing all its findings in the document, if any. */
  fixAll?(analysis: Analysis): QuickFix | undefined;
}

/**
 * A rule that looks at one top-level section at a time. Its findings depend only on the
 * chunk and the context, so they are cached per chunk and reused while the chunk is
 * unchanged. Ranges are relative to the chunk.
 */
export interface SectionRule extends RuleBase {
  scope: 'section';
  check(chunk: ParsedChunk, context: SectionContext, report: Report): void;
}

/** A rule over the whole document's headings and metadata (small, rebuilt on every edit). */
export interface DocumentRule extends RuleBase {
  scope: 'document';
  check(facts: DocumentFacts, report: Report): void;
}

/**
 * A rule across the RFCs of a workspace: it reads one RFC's index entry and the others'
 * (workspace/findings.ts runs these; the document analysis does not).
 */
export interface WorkspaceRule extends RuleBase {
  scope: 'workspace';
  check(entry: RfcIndexEntry, workspace: WorkspaceView, report: Report): void;
}

export type Rule = SectionRule | DocumentRule | WorkspaceRule;

/** The "where the RFC starts" range used by document rules that have no better place. */
export function titleRange(facts: DocumentFacts): Range {
  return facts.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** Markdown heading marker for a level: 2 → "##". */
export function hashes(level: number): string {
  return '#'.repeat(Math.max(1, Math.min(6, level)));
}
