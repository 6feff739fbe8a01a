import type { CodeBlock, ParsedChunk } from '../chunk';
import { lineRange, type Range } from '../types';
import type { SectionRule } from './rule';

/**
 * A fenced block marked `json` whose content JSON.parse rejects. Reported once per block, at
 * the place the parser names. Blocks holding a template placeholder are left to the
 * `placeholder` rule, and empty blocks are not checked. `jsonc`, `json5` and other
 * languages are never checked: they allow comments and more.
 */
export const invalidJsonRule: SectionRule = {
  id: 'invalid-json',
  docs: '#invalid-json',
  description: 'A code block marked json whose content is not valid JSON.',
  defaultSeverity: 'warning',
  scope: 'section',
  check(chunk, _context, report) {
    const codePlaceholders = chunk.placeholders.filter((p) => p.inCode);
    for (const block of chunk.codeBlocks) {
      if (!block.fenced || block.info.split(/\s/)[0].toLowerCase() !== 'json') continue;
      if (block.content.trim() === '') continue;
      if (codePlaceholders.some((p) => p.line >= block.contentLine && p.line < block.endLine)) continue;
      const error = jsonError(block.content);
      if (!error) continue;
      const at = error.position === undefined ? undefined : locate(chunk, block, error.position);
      const where = at ? ` (line ${at.blockLine} of the block)` : '';
      report({
        range: at?.range ?? firstContentLine(chunk, block),
        message: `This JSON block does not parse: ${error.message}${where}. Fix the JSON or mark the block as another language.`,
      });
    }
  },
};

/** Why JSON.parse rejects a text, and the offset it names (or that {@link locateJsonError} finds). */
export function jsonError(text: string): { message: string; position?: number } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = positionIn(raw, text) ?? locateJsonError(text);
    // Input that ends too soon: point after its last character, not at the closing fence.
    const end = text.trimEnd().length;
    return { message: describe(raw), position: position !== undefined && position > end ? end : position };
  }
}

/**
 * The offset V8 names in its message: "... in JSON at position 8", newer versions adding
 * "(line 1 column 9)". "Unexpected end of JSON input" is the end of the text, after its
 * last non-space character.
 */
function positionIn(message: string, text: string): number | undefined {
  const position = /\bat position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  const lineColumn = /\(line (\d+) column (\d+)\)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n');
    const line = Number(lineColumn[1]) - 1;
    if (line >= lines.length) return undefined;
    let offset = 0;
    for (let i = 0; i < line; i++) offset += lines[i].length + 1;
    return offset + Math.min(Number(lineColumn[2]) - 1, lines[line].length);
  }
  if (/end of JSON input/i.test(message)) return text.trimEnd().length;
  return undefined;
}

/**
 * V8's message without its position and quoted source: "Expected ',' or '}' after property
 * value", "Unexpected token '.'", "Unexpected end of JSON input".
 */
function describe(message: string): string {
  return (
    message
      .replace(/,\s*(?:\.\.\.)?"[\s\S]*"(?:\.\.\.)?\s+is not valid JSON\s*$/, '')
      .replace(/\s+in JSON at position \d+(?:\s*\(line \d+ column \d+\))?/, '')
      .replace(/\s+at position \d+(?:\s*\(line \d+ column \d+\))?/, '')
      .replace(/^Unexpected token '''/, `Unexpected token "'"`)
      .replace(/[\s.]+$/, '') || 'invalid JSON'
  );
}

interface Located {
  range: Range;
  /** 1-based line within the block's content. */
  blockLine: number;
}

/** The chunk position of an offset in a block's content: one character wide when there is one. */
function locate(chunk: ParsedChunk, block: CodeBlock, position: number): Located | undefined {
  const contentLines = block.content.split('\n');
  let k = 0;
  let rest = position;
  while (k < contentLines.length - 1 && rest > contentLines[k].length) {
    rest -= contentLines[k].length + 1;
    k++;
  }
  const line = block.contentLine + k;
  const source = chunk.lines[line];
  if (source === undefined || line >= block.endLine) return undefined;
  const column = sourceColumn(source, contentLines[k]) + Math.min(rest, contentLines[k].length);
  return { range: lineRange(line, column, Math.min(column + 1, source.length)), blockLine: k + 1 };
}

/**
 * Where a content line starts in its source line: markdown-it removes the fence's (and a list
 * item's or quote's) indentation, so the content line normally ends the source line.
 */
function sourceColumn(source: string, content: string): number {
  if (source.endsWith(content)) return source.length - content.length;
  const indent = (s: string) => s.length - s.trimStart().length;
  return Math.max(0, indent(source) - indent(content));
}

function firstContentLine(chunk: ParsedChunk, block: CodeBlock): Range {
  const line = block.contentLine < block.endLine ? block.contentLine : block.line;
  const source = chunk.lines[line] ?? '';
  return lineRange(line, source.length - source.trimStart().length, source.trimEnd().length);
}

/**
 * The offset of the first error in a text that is not JSON (RFC 8259), for the messages V8
 * gives without a position ("Unexpected token ']', "[1,]" is not valid JSON"): the first
 * character that cannot continue a valid text, or the text's length when it ends too soon.
 * Iterative, so deeply nested input cannot overflow the stack. Undefined for valid JSON.
 */
export function locateJsonError(s: string): number | undefined {
  const n = s.length;
  const stack: number[] = []; // 0x7b for an object, 0x5b for an array
  let i = 0;
  const skipSpace = () => {
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
  const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
  /** Reads a string starting at `"`; returns the error offset, or -1 when it is well-formed. */
  const readString = (): number => {
    i++;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return -1;
      }
      if (c < 0x20) return i;
      if (c === 0x5c) {
        const e = s.charCodeAt(i + 1);
        if (i + 1 >= n) return n;
        if (e === 0x75 /* u */) {
          for (let h = 2; h < 6; h++) {
            if (i + h >= n) return n;
            if (!isHex(s.charCodeAt(i + h))) return i + h;
          }
          i += 6;
          continue;
        }
        if ('"\\/bfnrt'.indexOf(s[i + 1]) < 0) return i + 1;
        i += 2;
        continue;
      }
      i++;
    }
    return n;
  };
  const readNumber = (): number => {
    if (s.charCodeAt(i) === 0x2d) i++;
    if (i >= n) return n;
    if (s.charCodeAt(i) === 0x30) i++;
    else if (isDigit(s.charCodeAt(i))) while (i < n && isDigit(s.charCodeAt(i))) i++;
    else return i;
    if (s.charCodeAt(i) === 0x2e) {
      i++;
      if (i >= n) return n;
      if (!isDigit(s.charCodeAt(i))) return i;
      while (i < n && isDigit(s.charCodeAt(i))) i++;
    }
    if (s.charCodeAt(i) === 0x65 || s.charCodeAt(i) === 0x45) {
      i++;
      if (s.charCodeAt(i) === 0x2b || s.charCodeAt(i) === 0x2d) i++;
      if (i >= n) return n;
      if (!isDigit(s.charCodeAt(i))) return i;
      while (i < n && isDigit(s.charCodeAt(i))) i++;
    }
    return -1;
  };
  const readWord = (word: string): number => {
    for (let k = 0; k < word.length; k++, i++) {
      if (i >= n) return n;
      if (s[i] !== word[k]) return i;
    }
    return -1;
  };

  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipSpace();
    if (expect === 'value') {
      if (i >= n) return n;
      const c = s.charCodeAt(i);
      let failed = -1;
      if (c === 0x7b || c === 0x5b) {
        i++;
        skipSpace();
        if (s.charCodeAt(i) === (c === 0x7b ? 0x7d : 0x5d)) {
          i++;
          expect = 'after';
        } else {
          stack.push(c);
          expect = c === 0x7b ? 'key' : 'value';
        }
        continue;
      }
      if (c === 0x22) failed = readString();
      else if (c === 0x2d || isDigit(c)) failed = readNumber();
      else if (c === 0x74) failed = readWord('true');
      else if (c === 0x66) failed = readWord('false');
      else if (c === 0x6e) failed = readWord('null');
      else return i;
      if (failed >= 0) return failed;
      expect = 'after';
    } else if (expect === 'key') {
      if (i >= n) return n;
      if (s.charCodeAt(i) !== 0x22) return i;
      const failed = readString();
      if (failed >= 0) return failed;
      skipSpace();
      if (i >= n) return n;
      if (s.charCodeAt(i) !== 0x3a /* : */) return i;
      i++;
      expect = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < n ? i : undefined;
      if (i >= n) return n;
      const c = s.charCodeAt(i);
      if (c === 0x2c /* , */) {
        i++;
        expect = top === 0x7b ? 'key' : 'value';
      } else if (c === (top === 0x7b ? 0x7d : 0x5d)) {
        i++;
        stack.pop();
      } else {
        return i;
      }
    }
  }
}
