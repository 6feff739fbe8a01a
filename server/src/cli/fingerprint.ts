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
 */
export function lineKeysOf(text: string): Uint32Array {
  const lines = text.split(/\r\n|\r|\n/);
  const keys = new Uint32Array(lines.length);
  lines.forEach((line, i) => {
    const normal = line.trim().replace(/\s+/g, ' ');
    let h = 0x811c9dc5;
    for (let k = 0; k < normal.length; k++) {
      h ^= normal.charCodeAt(k);
      h = Math.imul(h, 0x01000193);
    }
    keys[i] = h >>> 0;
  });
  return keys;
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
