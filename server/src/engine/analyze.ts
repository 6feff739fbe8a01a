import type { ParsedChunk } from './chunk';
import { computeCompleteness, type CompletenessReport } from './completeness';
import { buildDocumentModel, type BuildStats, type DocumentModel } from './document';
import { collectFacts, countInRange, type DocHeading, type DocumentFacts } from './facts';
import { hashText } from './hash';
import { lifecycleOf, type Lifecycle } from './lifecycle';
import { applyRuleSettings } from './ruleSettings';
import type { MetadataLine } from './metadata';
import type { StatusVocabulary } from './metadataFields';
import { documentRules, sectionRules } from './rules';
import { findTemplateExamples, templateExampleRule } from './rules/template-example';
import { unfilledGuidanceRule } from './rules/unfilled-guidance';
import type { Report, Rule, SectionContext } from './rules/rule';
import { applySuppressions, type SuppressionDirective } from './suppression';
import type { TemplateModel } from './template';
import { shiftRange, type Finding, type Range, type RuleSetting } from './types';

/** Options of one analysis; all come from the caller (settings, configuration file). */
export interface AnalysisOptions {
  /** Per rule id: `off`, a severity that replaces the rule's own, or `auto` (the default) to follow the lifecycle. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** The team's status values beyond the template's, each with its lifecycle stage (`{ "Active": "approved" }`). */
  statuses?: StatusVocabulary;
  /** Other names of template sections: the template's heading → headings that stand for it. */
  aliases?: Readonly<Record<string, readonly string[]>>;
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
  // Unchanged examples count against completeness even where the rule stays quiet.
  let examples: Finding[] = [];
  for (const { chunk, startLine } of model.chunks) {
    for (const d of chunk.directives) directives.push({ ...d, line: d.line + startLine });
    const shift = (f: Finding) => (startLine === 0 ? f : { ...f, range: shiftRange(f.range, startLine) });
    for (const f of sectionFindingsOf(chunk, context, contextKey)) sectionFindings.push(shift(f));
    for (const f of examplesOf(chunk, template)) examples.push(shift(f));
  }
  sectionFindings = applySuppressions(sectionFindings, directives);
  examples = applySuppressions(examples, directives);

  const linesOf = (findings: Finding[], ruleId: string) =>
    findings.filter((f) => f.ruleId === ruleId).map((f) => f.range.start.line).sort((a, b) => a - b);
  const placeholderLines = linesOf(sectionFindings, 'placeholder');
  const unfilled = sectionFindings.filter((f) => f.ruleId === unfilledGuidanceRule.id && !f.data?.leftover);
  const guidanceLines = unfilled.map((f) => f.range.start.line).sort((a, b) => a - b);
  const facts = collectFacts(
    model,
    template,
    { placeholders: placeholderLines, guidance: guidanceLines, examples: linesOf(examples, templateExampleRule.id) },
    options.statuses,
    options.aliases,
  );

  facts.lifecycle = lifecycleOf(facts);
  const documentFindings: Finding[] = [];
  for (const rule of documentRules) runRule(rule, documentFindings, (report) => rule.check(facts, report));
  const kept = applySuppressions(documentFindings, directives);

  const invalidMetadata = new Set(kept.filter((f) => f.ruleId === 'metadata').map((f) => f.range.start.line));
  const titlePlaceholders = facts.title
    ? countInRange(placeholderLines, facts.title.line, facts.title.endLine) + countInRange(guidanceLines, facts.title.line, facts.title.endLine)
    : 0;
  const unfilledLeft = placeholderLines.length > 0 || guidanceLines.length > 0 || examples.length > 0;
  const completeness = computeCompleteness(facts, titlePlaceholders, invalidMetadata, unfilledLeft);

  const lifecycle = facts.lifecycle;
  const findings = applyRuleSettings([...sectionFindings, ...kept], options.rules, lifecycle).sort(byPosition);
  // What Next Placeholder visits: placeholders, and guidance standing where content belongs.
  const placeholders = sectionFindings
    .filter((f) => f.ruleId === 'placeholder' || (f.ruleId === unfilledGuidanceRule.id && !f.data?.leftover))
    .sort(byPosition)
    .map((f) => f.range);
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
  for (const old of [...chunk.ruleCache.keys()]) if (!old.startsWith('examples|')) chunk.ruleCache.delete(old);
  chunk.ruleCache.set(key, findings);
  return findings;
}

/** The chunk's unchanged template examples as findings (chunk-relative), cached with the chunk. */
function examplesOf(chunk: ParsedChunk, template: TemplateModel): Finding[] {
  const key = `examples|${template.id}`;
  const cached = chunk.ruleCache.get(key) as Finding[] | undefined;
  if (cached) return cached;
  const findings: Finding[] = [];
  runRule(templateExampleRule, findings, (report) => findTemplateExamples(chunk, template).forEach(report));
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
