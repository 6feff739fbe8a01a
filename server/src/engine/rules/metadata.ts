import { isMatch } from 'date-fns/isMatch';
import { isWholePlaceholder } from '../normalize';
import type { MetadataField } from '../template';
import type { DocumentRule } from './rule';
import { titleRange } from './rule';

/** Malformed or missing metadata lines: RFC number, status, dates, authors. */
export const metadataRule: DocumentRule = {
  id: 'metadata',
  description: 'A metadata line is missing, empty, or not of the form the template asks for (number, status, date).',
  defaultSeverity: 'warning',
  scope: 'document',
  check(facts, report) {
    for (const field of facts.template.metadata) {
      const line = facts.metadata.find((m) => m.normalizedKey === field.normalizedKey);
      if (!line) {
        report({
          range: titleRange(facts),
          message: `Metadata line '**${field.key}**:' is missing: add it under the title.`,
          data: { metadataKey: field.normalizedKey },
        });
        continue;
      }
      const value = stripInlineMarks(line.value);
      // A left placeholder is the placeholder rule's finding, not a second one here.
      if (isWholePlaceholder(value) || value.includes(field.placeholder)) continue;
      if (value === '' || /^[\s,;]*$/.test(value)) {
        report({ range: line.keyRange, message: `${field.key} is empty: fill it in.`, data: { metadataKey: field.normalizedKey } });
        continue;
      }
      const problem = checkValue(field, value);
      if (problem) report({ range: line.valueRange, message: problem, data: { metadataKey: field.normalizedKey } });
    }
  },
};

const INLINE_MARKS = new Set(['*', '_', '`', ' ', '\t']);

/** Trims emphasis and code marks around a value (a loop: a regex anchored at the end is quadratic on long runs). */
function stripInlineMarks(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && INLINE_MARKS.has(value[start])) start++;
  while (end > start && INLINE_MARKS.has(value[end - 1])) end--;
  return value.slice(start, end);
}

/** Explains what is wrong with a value, or returns undefined when it has the expected form. */
function checkValue(field: MetadataField, value: string): string | undefined {
  const kind = field.kind;
  switch (kind.type) {
    case 'number':
      if (new RegExp(kind.pattern).test(value)) return undefined;
      return `${field.key} '${value}' is not of the form ${kind.mask}: write it as digits, e.g. ${exampleFor(kind.mask)}.`;
    case 'enum': {
      // "Draft (pending security review)" and "Draft - waiting for legal" name the status Draft.
      const named = [value, value.replace(/\s*\([^()]*\)$/, ''), value.split(/\s+[-\u2013\u2014]\s+/)[0]];
      if (kind.values.some((v) => named.some((n) => v.toLowerCase() === n.toLowerCase()))) return undefined;
      return `${field.key} '${value}' is not one of ${kind.values.join(', ')}.`;
    }
    case 'date':
      if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isMatch(value, 'yyyy-MM-dd')) return undefined;
      return /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? `${field.key} '${value}' is not a real date: check the month and day.`
        : `${field.key} '${value}' is not an ISO date: write it as YYYY-MM-DD, e.g. 2026-03-14.`;
    case 'text':
      return undefined;
  }
}

/** An example value for a digit mask: YYYY-XXX → 2026-001. */
function exampleFor(mask: string): string {
  return mask
    .split(/([-_./])/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      if (/^Y+$/.test(part)) return '2026'.slice(-part.length).padStart(part.length, '2');
      return '1'.padStart(part.length, '0');
    })
    .join('');
}
