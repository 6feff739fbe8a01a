/**
 * Fingerprints that let code scanning follow one finding across commits (SARIF
 * `partialFingerprints`): built from what the finding is (rule, file, message) and the
 * text of its line, never its line number, so lines added or removed above it leave it
 * the same alert. Identical findings on identical lines of one file are told apart by
 * their order (`:1`, `:2`, ...), as GitHub's own `primaryLocationLineHash` does.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../engine';

/** The key under which SARIF results carry the fingerprint; a new way of computing it gets a new version. */
export const FINGERPRINT_KEY = 'rfcLint/v1';

/**
 * Per line of the text, a 32-bit hash (FNV-1a) of the line with its whitespace normalised
 * (trimmed, runs made one space): re-indenting or re-wrapping trailing spaces is no change.
 * Kept instead of the text, so a run's memory grows by four bytes a line.
 *
 * One pass over the text, hashing as it goes: the same hashes as splitting it into lines
 * and hashing `line.trim().replace(/\s+/g, ' ')` (which a test checks), without a string
 * per line; on 10,000 RFCs that split-and-replace was a tenth of a SARIF run.
 */
export function lineKeysOf(text: string): Uint32Array {
  const keys: number[] = [];
  let h = 0x811c9dc5;
  // Whether the line has had a character yet, and whether white space waits to be written as one space.
  let started = false;
  let pendingSpace = false;
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 10;
    if (c === 10 || c === 13) {
      keys.push(h >>> 0);
      if (c === 13 && text.charCodeAt(k + 1) === 10) k++;
      h = 0x811c9dc5;
      started = false;
      pendingSpace = false;
    } else if (isJsWhiteSpace(c)) {
      pendingSpace = started;
    } else {
      if (pendingSpace) h = Math.imul(h ^ 32, 0x01000193);
      h = Math.imul(h ^ c, 0x01000193);
      started = true;
      pendingSpace = false;
    }
  }
  return Uint32Array.from(keys);
}

/** What `\s` and String#trim count as white space (ECMAScript's WhiteSpace and LineTerminator), CR and LF aside. */
function isJsWhiteSpace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** One fingerprint per finding, in the same order: `<hash>:<occurrence>`. */
export function fingerprintsOf(path: string, findings: readonly Finding[], lineKeys: Uint32Array | undefined): string[] {
  if (!lineKeys) throw new Error(`no line hashes kept for ${path}: rfc-lint keeps them for SARIF only`);
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const lineKey = lineKeys[finding.range.start.line] ?? 0;
    const hash = createHash('sha256').update(JSON.stringify([finding.ruleId, path, finding.message, lineKey])).digest('hex').slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  });
}
