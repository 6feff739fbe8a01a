import { readFileSync } from 'node:fs';
import type { Finding } from '../../server/src/engine';

/**
 * The fixture format (markdownlint style): NAME.md with NAME.expected.txt listing its
 * findings as `LINE:COLUMN RULE-ID` lines (1-based position of the range start, in the
 * engine's order); blank lines and `#` comment lines are ignored.
 */
export const EXPECTED_SUFFIX = '.expected.txt';

/** A fixture's text exactly as stored: UTF-8, byte-order mark and CRLF line ends kept. */
export function readRaw(file: string): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(file));
}

/** A finding as an expected-file line. */
export function formatFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}`;
}

/** The expected-file lines that are findings. */
export function readExpected(file: string): string[] {
  return readRaw(file)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}
