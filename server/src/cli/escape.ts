/**
 * What rfc-lint prints comes partly from the files it reads: names, titles, numbers,
 * placeholders, keys of `.rfcrc.json`. None of it may act on the terminal or the CI runner
 * that shows it. These are the only ways such text reaches the output formats for people
 * (text, github; JSON and SARIF are escaped by JSON itself).
 */

/**
 * Characters a terminal acts on or that change what is shown: C0 controls (ESC starts a
 * terminal sequence), DEL, C1 controls, and the bidirectional marks, overrides and isolates
 * that reorder a line ("Trojan Source").
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text safe on one terminal line: each unsafe character shown as `\x1b` or `\u202e`. */
export function printable(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** As printable, but CR and LF kept: for GitHub command data, whose own escaping encodes them. */
export function printableKeepingLineBreaks(text: string): string {
  return text.replace(UNSAFE_BUT_LINE_BREAKS, escapeChar);
}

/**
 * A line of plain output that the GitHub Actions runner must not read as a workflow command
 * (`::error::…`, `::add-mask::…`): one that starts with `::`, after any spaces, is shown with
 * its first colon escaped. Every line rfc-lint writes for people goes through this.
 */
export function notACommand(line: string): string {
  return line.replace(/^(\s*):(?=:)/, '$1\\x3a');
}
