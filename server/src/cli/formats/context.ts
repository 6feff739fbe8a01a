import type { LintReport } from '../report';

/** What every format is given besides the report. */
export interface FormatContext {
  /** rfc-lint's version, for SARIF's tool.driver and the JSON report. */
  version: string;
  /** ANSI colours (text format on a terminal). */
  color: boolean;
  /** --report: add the table of every RFC (text and github formats). */
  table: boolean;
}

/** A format writes the report as pieces of text, so a large report is never one string. */
export type Formatter = (report: LintReport, context: FormatContext) => Iterable<string>;

/** JSON.stringify with two-space indents, placed `depth` levels deep in a document indented the same way. */
export function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));
}
