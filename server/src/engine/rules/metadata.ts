import { isCalendarDate } from '../calendarDate';
import { metadataValueFixes } from '../metadataFixes';
import { isUnfilledValue, lineFor, readStatus, statusField, type StatusVocabulary } from '../metadataFields';
import type { MetadataField } from '../template';
import { MAX_NUMBER_DIGITS } from '../workspace/numbers';
import type { DocumentRule } from './rule';
import { titleRange } from './rule';

/** Malformed or missing metadata lines: RFC number, status, dates, authors. */
export const metadataRule: DocumentRule = {
  id: 'metadata',
  docs: '#metadata',
  description: 'A metadata line is missing, empty, or not of the form the template asks for (number, status, date).',
  defaultSeverity: 'warning',
  marks: 'invalid-metadata',
  scope: 'document',
  fixes: metadataValueFixes,
  check(facts, report) {
    const status = statusField(facts.template);
    for (const field of facts.template.metadata) {
      const line = lineFor(facts.metadata, field);
      // A field the template leaves empty without a word about it may stay empty, or be left out.
      if (field.optional && (!line || line.value.trim() === '')) continue;
      if (!line) {
        report({
          range: titleRange(facts),
          message: missingMessage(field),
          data: { metadataKey: field.normalizedKey },
        });
        continue;
      }
      const value = stripInlineMarks(line.value);
      // A left placeholder is the placeholder rule's finding, not a second one here.
      if (isUnfilledValue(value, field, facts.template)) continue;
      if (value === '' || /^[\s,;]*$/.test(value)) {
        report({ range: line.keyRange, message: `${field.key} is empty: fill it in.`, data: { metadataKey: field.normalizedKey } });
        continue;
      }
      // A word in an optional date field (`Release Date: Unreleased`) says it is not due yet.
      if (field.optional && field.kind.type === 'date' && !/\d/.test(value)) continue;
      const problem = field === status ? checkStatus(field, value, facts.statuses) : checkValue(field, value);
      if (problem) report({ range: line.valueRange, message: problem, data: { metadataKey: field.normalizedKey } });
    }
  },
};

/** Where the template writes the missing line, said the way it writes it. */
function missingMessage(field: MetadataField): string {
  switch (field.form) {
    case 'front-matter':
      return `Metadata '${field.key}:' is missing: add it to the front matter.`;
    case 'table':
      return `Metadata '${field.key}' is missing: add a '| ${field.key} | … |' row to the metadata table.`;
    case 'plain':
      return `Metadata '${field.key}:' is missing: add it to the metadata at the top.`;
    default:
      return `Metadata line '**${field.key}**:' is missing: add it under the title.`;
  }
}

const INLINE_MARKS = new Set(['*', '_', '`', ' ', '\t']);

/** Trims emphasis and code marks around a value (a loop: a regex anchored at the end is quadratic on long runs). */
function stripInlineMarks(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && INLINE_MARKS.has(value[start])) start++;
  while (end > start && INLINE_MARKS.has(value[end - 1])) end--;
  return value.slice(start, end);
}

/** A status the template and the team's vocabulary do not allow: the lifecycle reads no stage from it either. */
function checkStatus(field: MetadataField, value: string, vocabulary: StatusVocabulary): string | undefined {
  if (readStatus(value, field, vocabulary).accepted) return undefined;
  const allowed = [...(field.kind.type === 'enum' ? field.kind.values : []), ...Object.keys(vocabulary)];
  return `${field.key} '${value}' is not one of ${allowed.join(', ')}.`;
}

/** `2026-03-14`, or a full ISO date-time such as `2026-03-14T09:30:00.000Z`. */
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Explains what is wrong with a value, or returns undefined when it has the expected form. */
function checkValue(field: MetadataField, value: string): string | undefined {
  const kind = field.kind;
  switch (kind.type) {
    case 'number':
      if (new RegExp(kind.pattern).test(value)) return undefined;
      if (new RegExp(`\\d{${MAX_NUMBER_DIGITS + 1},}`).test(value)) {
        return `${field.key} '${value}' has more digits than an RFC number can (at most ${MAX_NUMBER_DIGITS} in its last part): write it as ${exampleFor(kind.mask)}.`;
      }
      return `${field.key} '${value}' is not of the form ${kind.mask}: write it as digits, e.g. ${exampleFor(kind.mask)}.`;
    case 'enum':
      return readStatus(value, field).accepted ? undefined : `${field.key} '${value}' is not one of ${kind.values.join(', ')}.`;
    case 'date': {
      const date = ISO_DATE.exec(value);
      if (date && isCalendarDate(date[1])) return undefined;
      return date
        ? `${field.key} '${value}' is not a real date: check the month and day.`
        : `${field.key} '${value}' is not an ISO date: write it as YYYY-MM-DD, e.g. 2026-03-14.`;
    }
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
