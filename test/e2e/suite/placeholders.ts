/**
 * Placeholders of a text found independently of the extension: bracketed text with a
 * letter, not a list item's checkbox. Shared by the real-editor and the web suites (pure
 * code: it runs in Node and in a Web Worker).
 */
export function placeholdersIn(text: string): { line: number; start: number; text: string }[] {
  const found: { line: number; start: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(/\[[^\]]*\]/g)) {
      const start = m.index ?? 0;
      const checkbox = /^\[[ xX]\]$/.test(m[0]) && /^\s*(?:[-*+]|\d+[.)])\s+$/.test(line.slice(0, start));
      if (/\p{L}/u.test(m[0]) && !checkbox) found.push({ line: i, start, text: m[0] });
    }
  });
  return found;
}
