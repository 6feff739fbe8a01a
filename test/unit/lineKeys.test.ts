import * as assert from 'node:assert/strict';
import { lineKeysOf } from '../../server/src/cli/fingerprint';
import { random as seeded } from '../support/random';

/**
 * The definition lineKeysOf's one-pass loop must keep to: SARIF fingerprints built from
 * these hashes (`rfcLint/v1`) must not change between versions, or every alert in a
 * repository's code scanning would be closed and opened again.
 */
function reference(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => {
    const normal = line.trim().replace(/\s+/g, ' ');
    let h = 0x811c9dc5;
    for (let k = 0; k < normal.length; k++) {
      h ^= normal.charCodeAt(k);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  });
}

describe('line hashes for SARIF fingerprints', () => {
  it('equal the split-trim-collapse definition on line ends, white space of every kind and text', () => {
    const cases = [
      '',
      '\n',
      'a',
      'a\n',
      '  a  b\t\tc  \r\n\r\nd\re\n',
      '\u00a0x\u2003\u2003y\u3000\ufeff',
      '\v\fz\u1680\u200a\u202f\u205f\u2028w\u2029',
      '**Status**: Draft\n| Date | 2026-03-14 |\n',
      '\u200bzero width is not white space\u200b',
    ];
    for (const text of cases) assert.deepEqual([...lineKeysOf(text)], reference(text), JSON.stringify(text));
  });

  it('equal it on 2,000 random texts drawn from letters, white space and line ends', () => {
    const random = seeded(20261202);
    const alphabet = ['a', 'Z', '1', '|', '*', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u2002', '\u3000', '\ufeff', '\v', '\u2028', 'é', '😀'];
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let k = Math.floor(random() * 40); k > 0; k--) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.deepEqual([...lineKeysOf(text)], reference(text), JSON.stringify(text));
    }
  });
});
