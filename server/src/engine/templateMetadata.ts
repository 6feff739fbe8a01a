import type { FrontMatterLine } from './frontMatter';
import type { MetadataLine } from './metadata';
import { saysOptional } from './normalize';
import { wholeSyntax } from './placeholderScan';
import { MAX_NUMBER_DIGITS } from './workspace/numbers';
import type { MetadataField, MetadataKind } from './templateTypes';

/**
 * Reads the expected form of a metadata value from what the template writes there: its
 * placeholder (`[YYYY-XXX]`, `{proposed | accepted}`, `(fill me in with today's date)`), or
 * for front matter the value as written and its `# comments`. A field the template leaves
 * empty, with no guidance, may stay empty.
 */
export function toField(line: MetadataLine | FrontMatterLine): MetadataField {
  const written = 'raw' in line ? line.raw : line.value;
  const syntax = wholeSyntax(written.trim());
  const placeholder = syntax ? written.trim() : written;
  const inner = syntax && syntax !== 'marker' ? placeholder.trim().slice(1, -1).trim() : placeholder;
  const comments = 'comments' in line ? line.comments : [];
  const guidance = [inner, ...comments].filter((g) => g.trim() !== '').join(' ');
  return {
    key: line.key,
    normalizedKey: line.normalizedKey,
    placeholder: syntax ? placeholder : '',
    example: syntax ? '' : written.trim(),
    guidance,
    kind: metadataKind(line.key, inner, comments),
    // Empty in the template: nothing asked, unless a comment says to fill it in. (Front matter
    // comments mostly give a format for a value set later, such as a release date.)
    optional:
      ('optional' in line && line.optional === true) ||
      comments.some(saysOptional) ||
      (written.trim() === '' && !comments.some((c) => /\b(?:fill|required|must)\b/i.test(c))),
    form: line.form ?? 'bold',
  };
}

/** Words standing for "and so on" in a list of values: not values themselves. */
const ELLIPSIS = /^(?:…|\.\.\.|etc\.?)$/;

function metadataKind(key: string, inner: string, comments: readonly string[] = []): MetadataKind {
  // "Draft/Under Review/Approved" or "proposed | rejected | accepted": a choice among values.
  const choices = inner.includes('|') ? inner.split('|') : /^[^/]+(?:\/[^/]+)+$/.test(inner) && !/\d/.test(inner) ? inner.split('/') : [];
  const values = choices.map((v) => stripLinks(v).trim()).filter((v) => v !== '' && !ELLIPSIS.test(v));
  if (values.length >= 2) return { type: 'enum', values };
  // A mask such as YYYY-XXX, YYYY-NNN or NNNN: Y, N and X stand for digits.
  if (/^(?:[YNX]{2,}|[YNX]+(?:[-_./][YNX]+)+)$/.test(inner)) {
    const parts = inner.split(/([-_./])/);
    const pattern = parts
      .map((part, i) => {
        if (i % 2 === 1) return '\\' + part;
        const digits = part.length;
        return i === parts.length - 1 ? `\\d{${digits},${Math.max(digits, MAX_NUMBER_DIGITS)}}` : `\\d{${digits}}`;
      })
      .join('');
    return { type: 'number', mask: inner, pattern: `^${pattern}$` };
  }
  const said = [inner, ...comments].join(' ');
  if (/^(?:date|yyyy-mm-dd|iso date)$/i.test(inner) || /\b(?:date|updated)\b/i.test(key.replace(/[-_]/g, ' ')) || /\bYYYY-MM-DD\b/.test(said)) return { type: 'date' };
  return { type: 'text' };
}

/** `[ADR-0005](0005-example.md)` → `ADR-0005`: a value's link markup is not part of the value. */
export function stripLinks(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}
