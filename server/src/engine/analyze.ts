import type { ParsedChunk } from './chunk';
import { computeCompleteness, type CompletenessReport } from './completeness';
import { buildDocumentModel, type BuildStats, type DocumentModel } from './document';
import { collectFacts, countInRange, type DocHeading, type DocumentFacts } from './facts';
import { hashText } from './hash';
import { lifecycleOf, type Lifecycle } from './lifecycle';
import { applyRuleSettings } from './ruleSettings';
import type { MetadataLine } from './metadata';
import type { StatusVocabulary } from './metadataFields';
import { documentRules, isMarked, sectionRules } from './rules';
import type { FindingMark, Report, Rule, SectionContext } from './rules/rule';
import { applySuppressions, type SuppressionDirective } from './suppression';
import type { TemplateModel } from './template';
import { shiftRange, type Finding, type Range, type RuleSetting } from './types';
import { packedMap } from './packedMap';

/** Options of one analysis; all come from the caller (settings, configuration file). */
export interface AnalysisOptions {
  /** Per rule id: `off`, a severity that replaces the rule's own, or `auto` (the default) to follow the lifecycle. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** The team's status values beyond the template's, each with its lifecycle stage (`{ "Active": "approved" }`). */
  statuses?: StatusVocabulary;
  /** Other names of template sections: the template's heading → headings that stand for it. */
  aliases?: Readonly<Record<string, readonly string[]>>;
  /**
   * Run no rule: headings, metadata, lifecycle, suppression comments and completeness (as
   * if nothing were left unfilled), no findings. For what only an index entry needs of a
   * file (rfc-lint reads the other RFCs' heads so): the rules were most of that work, the
   * missing-section rule above all, with every section of a head missing.
   */
  skipRules?: boolean;
}

/** The result of analysing one document against a template. */
export interface Analysis {
  readonly model: DocumentModel;
  readonly template: TemplateModel;
  /** The document's top-level headings, matched to the template, with their state. */
  readonly headings: readonly DocHeading[];
  readonly metadata: readonly MetadataLine[];
  /** Findings sorted by position, after suppression comments and rule settings. */
  readonly findings: readonly Finding[];
  /** Every unfilled placeholder not silenced by a comment, whatever the rule settings, sorted. */
  readonly placeholders: readonly Range[];
  readonly completeness: CompletenessReport;
  /** Where the RFC is in its life (from its Status line): sets the severities under `auto`. */
  readonly lifecycle: Lifecycle;
  /** The document looks like an RFC of this template (title prefix or first metadata key). */
  readonly looksLikeRfc: boolean;
}

/**
 * Analyses a document. Passing the previous analysis of the same document makes the
 * analysis incremental: only the top-level sections the edit touched are parsed and
 * checked again; the others' parse and section-rule results are reused.
 */
export function analyzeDocument(
  text: string,
  template: TemplateModel,
  options: AnalysisOptions = {},
  previous?: Analysis,
  stats?: BuildStats,
): Analysis {
  const model = buildDocumentModel(
    text,
    { placeholders: template.placeholderPolicy, guidance: template.guidanceTexts },
    template.id,
    previous?.template === template ? previous.model : undefined,
    stats,
  );

  const references = new Set<string>();
  for (const { chunk } of model.chunks) for (const label of chunk.references) references.add(label);
  const context: SectionContext = { template, references };
  const contextKey = `${template.id}|${references.size === 0 ? '' : hashText([...references].sort().join('\n'))}`;

  const directives: SuppressionDirective[] = [];
  let sectionFindings: Finding[] = [];
  for (const { chunk, startLine } of model.chunks) {
    for (const d of chunk.directives) directives.push({ ...d, line: d.line + startLine });
    if (options.skipRules) continue;
    for (const f of sectionFindingsOf(chunk, context, contextKey)) sectionFindings.push(startLine === 0 ? f : { ...f, range: shiftRange(f.range, startLine) });
  }
  sectionFindings = applySuppressions(sectionFindings, directives);

  // Text not written yet: what completeness counts and Next Placeholder visits. A leftover
  // note beside the author's own text is neither.
  const unwritten = (mark: FindingMark) => sectionFindings.filter((f) => isMarked(f, mark) && !f.data?.leftover);
  const lines = (findings: Finding[]) => packedMap(findings, (f) => f.range.start.line).sort((a, b) => a - b);
  const placeholderLines = lines(unwritten('placeholder-left'));
  const guidanceLines = lines(unwritten('guidance-left'));
  const exampleLines = lines(unwritten('example-left'));
  const facts = collectFacts(model, template, { placeholders: placeholderLines, guidance: guidanceLines, examples: exampleLines }, options.statuses, options.aliases);

  facts.lifecycle = lifecycleOf(facts);
  const documentFindings: Finding[] = [];
  if (!options.skipRules) for (const rule of documentRules) runRule(rule, documentFindings, (report) => rule.check(facts, report));
  const kept = applySuppressions(documentFindings, directives);

  const invalidMetadata = new Set(kept.filter((f) => isMarked(f, 'invalid-metadata')).map((f) => f.range.start.line));
  const titlePlaceholders = facts.title
    ? countInRange(placeholderLines, facts.title.line, facts.title.endLine) + countInRange(guidanceLines, facts.title.line, facts.title.endLine)
    : 0;
  const unfilledLeft = placeholderLines.length > 0 || guidanceLines.length > 0 || exampleLines.length > 0;
  const completeness = computeCompleteness(facts, titlePlaceholders, invalidMetadata, unfilledLeft);

  const lifecycle = facts.lifecycle;
  const shown = [...sectionFindings, ...kept].filter((f) => !f.data?.countedOnly);
  const findings = applyRuleSettings(shown, options.rules, lifecycle).sort(byPosition);
  // What Next Placeholder visits: placeholders, and guidance standing where content belongs.
  const placeholders = [...unwritten('placeholder-left'), ...unwritten('guidance-left')].sort(byPosition).map((f) => f.range);
  return {
    model,
    template,
    headings: facts.headings,
    metadata: facts.metadata,
    findings,
    placeholders,
    completeness,
    lifecycle,
    looksLikeRfc: looksLikeRfc(facts),
  };
}

/** Section rule findings of one chunk (chunk-relative), from the chunk's cache when possible. */
function sectionFindingsOf(chunk: ParsedChunk, context: SectionContext, key: string): Finding[] {
  const cached = chunk.ruleCache.get(key) as Finding[] | undefined;
  if (cached) return cached;
  const findings: Finding[] = [];
  for (const rule of sectionRules) runRule(rule, findings, (report) => rule.check(chunk, context, report));
  // Keep one context's results: a chunk is checked against one template and reference set at a time.
  chunk.ruleCache.clear();
  chunk.ruleCache.set(key, findings);
  return findings;
}

/** Runs a rule; a rule that throws becomes one finding instead of a failed analysis. */
function runRule(rule: Rule, into: Finding[], run: (report: Report) => void): void {
  try {
    run((r) => {
      const finding: Finding = { ruleId: rule.id, severity: r.severity ?? rule.defaultSeverity, message: r.message, range: r.range };
      if (r.data) finding.data = r.data;
      into.push(finding);
    });
  } catch (error) {
    into.push({
      ruleId: rule.id,
      severity: 'error',
      message: `Rule '${rule.id}' failed on this document (${error instanceof Error ? error.message : String(error)}); its findings are missing. Please report this with the document.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
  }
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

function looksLikeRfc(facts: DocumentFacts): boolean {
  const first = facts.headings[0];
  const title = facts.template.title;
  if (title && first) {
    const literal = title.text.replace(/\[.*$/, '').trim().toLowerCase();
    if (literal !== '' && first.text.toLowerCase().startsWith(literal)) return true;
  }
  const key = facts.template.metadata[0]?.normalizedKey;
  return key !== undefined && facts.metadata.some((m) => m.normalizedKey === key);
}
