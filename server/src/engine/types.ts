/** Zero-based line and UTF-16 column, the same convention as LSP, so adapters copy positions as they are. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open span of the document: `end` is the first character after the span. */
export interface Range {
  start: Position;
  end: Position;
}

/** How loudly a finding is shown; mirrors LSP's four severities without depending on LSP. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A rule's setting: a severity, `off` to silence it, or `auto` to follow the RFC's lifecycle (the default). */
export type RuleSetting = Severity | 'off' | 'auto';

/** What a quick fix needs to know about a finding beyond its range. */
export interface FindingData {
  /** missing-section: the template section's id. */
  sectionId?: string;
  /** metadata: the normalised key of the metadata line. */
  metadataKey?: string;
  /**
   * A note rather than a problem (guidance left above the author's own text): it keeps its
   * severity whatever the lifecycle, and does not count against completeness.
   */
  leftover?: boolean;
  /**
   * Counted but not shown: completeness reads it, the diagnostics leave it out (the
   * section's placeholders already say it is not written yet).
   */
  countedOnly?: boolean;
}

/** One problem found in a document by one rule. */
export interface Finding {
  /** The stable rule id users see and use in settings and suppression comments. */
  ruleId: string;
  severity: Severity;
  /** What is wrong and what to do about it, in one sentence or two. */
  message: string;
  range: Range;
  data?: FindingData;
}

/** Builds a range on one line. */
export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Returns a copy of `range` moved down by `lines` lines. */
export function shiftRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
