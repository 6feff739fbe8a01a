/**
 * Whether a candidate is a placeholder, given how it stands in its line, and the slots read
 * whole: a marker word starting a slot, a parenthesised value. Split from placeholderScan.ts,
 * which finds the candidates.
 */
import type { InlineScanContext, PlaceholderHit } from './placeholderScan';
import type { PlaceholderPolicy, PlaceholderSyntax } from './placeholderPolicy';
import { ANNOTATIONS, HAS_LETTER, MARKER, normalizePlaceholder, placeholderWords } from './placeholderSyntax';

/**
 * How a candidate stands in its line: alone (`- [Primary goal]`, a whole cell), as the value
 * after a label (`**Status**: [Draft]`, `- Start Date: (fill me in)`), at the end of a heading
 * (`### Alternative 1: [Name]`), or inside running text (`see [Phase 2] for…`).
 */
export type Standing = 'whole' | 'value' | 'heading-end' | 'inside';

/** Whether a candidate is a placeholder under the policy, given how it stands in its line. */
export function isPlaceholder(text: string, syntax: PlaceholderSyntax, standing: Standing, policy: PlaceholderPolicy | 'template'): boolean {
  if (policy === 'template') {
    // A template's parenthesised asides are placeholders only where they are a whole value.
    return syntax !== 'paren' || (standing === 'whole' || standing === 'value');
  }
  if (policy.texts.has(normalizePlaceholder(text))) return true;
  if (!policy.syntaxes.has(syntax) || placeholderWords(text, syntax) > policy.maxWords) return false;
  if (syntax === 'paren') return standing === 'value';
  return standing !== 'inside';
}

/**
 * A placeholder that fills a whole slot, read from the slot's visible text rather than one
 * text token (it may hold code spans): a marker word starting it (`TODO: explain the
 * rollout`, `TBD`), or a parenthesised text making up all of it or all of its value
 * (`- Start Date: (fill me in with today's date)`).
 */
export function slotHit(
  visible: string,
  context: InlineScanContext,
  row: number,
  ownRow: boolean,
  lines: readonly string[],
  syntaxes: ReadonlySet<PlaceholderSyntax>,
  policy: PlaceholderPolicy | 'template',
): PlaceholderHit | undefined {
  if (context.slot === 'heading') return undefined;
  const trimmed = visible.trim();
  const label = MARKER.test(trimmed) ? null : /^[^[\]{}()<>:]{1,60}:\s*/.exec(trimmed);
  // A row of soft-wrapped prose is no slot of its own, unless it is a `Label: value` line.
  if (!ownRow && !label) return undefined;
  const rest = label ? trimmed.slice(label[0].length) : trimmed;
  const lineNo = context.baseLine + row;
  const source = lines[lineNo] ?? '';
  const marker = MARKER.exec(rest);
  if (marker) {
    if (!syntaxes.has('marker') && !(policy !== 'template' && policy.texts.has(normalizePlaceholder(rest)))) return undefined;
    const start = source.indexOf(marker[1]);
    if (start < 0) return undefined;
    return slotSpan(source, lineNo, start, 'marker');
  }
  if (!/^\(.*\)[.,;:]?$/.test(rest) || !HAS_LETTER.test(rest) || !/\s/.test(rest) || rest.includes(')(')) return undefined;
  const start = source.indexOf('(', label ? source.indexOf(':') + 1 : 0);
  const end = source.lastIndexOf(')') + 1;
  if (start < 0 || end <= start) return undefined;
  const text = source.slice(start, end);
  if (ANNOTATIONS.has(text.slice(1, -1).trim().toLowerCase())) return undefined;
  const placeholder = isPlaceholder(text, 'paren', label ? 'value' : 'whole', policy === 'template' ? 'template' : policy);
  if (!placeholder || (policy === 'template' && !syntaxes.has('paren'))) return undefined;
  return { line: lineNo, start, end, text, label: '', inCode: false, syntax: 'paren' };
}

/** A marker's hit: from the marker to the end of its slot on the source line (emphasis and pipes trimmed). */
function slotSpan(source: string, lineNo: number, start: number, syntax: PlaceholderSyntax): PlaceholderHit {
  let end = source.length;
  while (end > start && /[\s*_|\\]/.test(source[end - 1])) end--;
  return { line: lineNo, start, end, text: source.slice(start, end), label: '', inCode: false, syntax };
}
