import type { Lifecycle } from './lifecycle';
import { lifecycleOfStatus } from './lifecycle';
import type { MetadataLine } from './metadata';
import { normalizePlaceholder, placeholderWords, wholeSyntax } from './placeholderScan';
import type { MetadataField, TemplateModel } from './template';

/**
 * How a document's metadata lines meet the template's fields: by key, or by a key readers
 * take for the same thing (`Updated` for `Last Updated`, `State` for `Status`), and whether
 * a value is still the template's placeholder. The template decides which fields exist.
 */

/** Keys written for the same field; a document's key stands for a template field of its group. */
const KEY_SYNONYMS: readonly (readonly string[])[] = [
  ['last updated', 'updated', 'date', 'last modified', 'modified', 'updated on', 'last update'],
  ['status', 'state', 'stage'],
  ['author', 'written by'],
  ['reviewer', 'reviewed by'],
];

/**
 * The document's metadata lines with each key folded onto the template field it stands
 * for: its own key when the template has that key, else the one template field of its
 * synonym group that no line names directly. Lines for no field keep their key.
 */
export function alignMetadataKeys(lines: readonly MetadataLine[], fields: readonly MetadataField[]): MetadataLine[] {
  const keys = new Set(fields.map((f) => f.normalizedKey));
  const named = new Set(lines.map((l) => l.normalizedKey).filter((k) => keys.has(k)));
  const aligned = lines.map((line) => {
    if (keys.has(line.normalizedKey)) return line;
    const group = KEY_SYNONYMS.find((g) => g.includes(line.normalizedKey));
    if (!group) return line;
    const targets = fields.filter((f) => group.includes(f.normalizedKey) && !named.has(f.normalizedKey));
    if (targets.length !== 1) return line;
    named.add(targets[0].normalizedKey);
    return { ...line, normalizedKey: targets[0].normalizedKey };
  });
  // Then a key sharing a word with one field no line names, and no other key with it:
  // `Tracking Issue` for `Rust Issue`, `Created Date` for `Start Date`. Not a number field:
  // its key names a series of its own (`ADR Number` is no `RFC Number`).
  const open = fields.filter((f) => !named.has(f.normalizedKey) && f.kind.type !== 'number');
  const loose = aligned.filter((l) => !keys.has(l.normalizedKey));
  return aligned.map((line) => {
    if (keys.has(line.normalizedKey)) return line;
    const targets = open.filter((f) => sharesWord(f.normalizedKey, line.normalizedKey));
    if (targets.length !== 1 || loose.filter((l) => sharesWord(targets[0].normalizedKey, l.normalizedKey)).length !== 1) return line;
    return { ...line, normalizedKey: targets[0].normalizedKey };
  });
}

/** Whether the document key `b` shares a word with the template key `a` (a word of three letters or more, or all of a one-word key: `prs` for `RFC PR`). */
function sharesWord(a: string, b: string): boolean {
  const all = a.split(' ');
  const words = new Set(all.length === 1 ? all : all.filter((w) => w.length >= 3));
  return b.split(' ').some((w) => words.has(w));
}

/** The document's line for a template field, after alignMetadataKeys. */
export function lineFor(lines: readonly MetadataLine[], field: MetadataField): MetadataLine | undefined {
  return lines.find((m) => m.normalizedKey === field.normalizedKey);
}

/**
 * A metadata value still unfilled: it holds the field's placeholder, is one of the
 * template's placeholder texts, or is one placeholder alone in a syntax the template uses.
 */
export function isUnfilledValue(value: string, field: MetadataField, template: TemplateModel): boolean {
  const v = value.trim();
  if (v === '') return false;
  if (field.placeholder !== '' && v.includes(field.placeholder)) return true;
  const policy = template.placeholderPolicy;
  if (policy.texts.has(normalizePlaceholder(v))) return true;
  const syntax = wholeSyntax(v);
  return syntax !== undefined && policy.syntaxes.has(syntax) && (syntax === 'marker' || placeholderWords(v, syntax) <= policy.maxWords);
}

/** The field that holds the RFC's status: the template's first choice among values, else a field named Status or State. */
export function statusField(template: TemplateModel): MetadataField | undefined {
  return template.metadata.find((f) => f.kind.type === 'enum') ?? template.metadata.find((f) => KEY_SYNONYMS[1].includes(f.normalizedKey));
}

/** Extra status values a team declares (`.rfcrc.json` `statuses`), each with the lifecycle stage it stands for. */
export type StatusVocabulary = Readonly<Record<string, Lifecycle>>;

/** What a status value is: one the template or the team allows (and its stage), or not. */
export interface StatusReading {
  accepted: boolean;
  stage: Lifecycle;
}

/**
 * Reads a status value against the template's values and the team's vocabulary, so the
 * metadata rule and the lifecycle always agree: an allowed value has the stage its words
 * say (or the team maps it to), any other value is reported and has no stage.
 */
export function readStatus(value: string, field: MetadataField | undefined, vocabulary: StatusVocabulary = {}): StatusReading {
  const names = namesOf(value);
  for (const [status, stage] of Object.entries(vocabulary)) {
    if (names.some((n) => sameValue(n, status))) return { accepted: true, stage };
  }
  if (!field || field.kind.type !== 'enum') {
    // No list to check against: any value is the team's own word.
    const declared = Object.keys(vocabulary).length > 0;
    return { accepted: !declared, stage: declared ? 'unknown' : lifecycleOfStatus(value) };
  }
  const values = field.kind.values;
  if (values.some((v) => names.some((n) => sameValue(n, v)))) return { accepted: true, stage: lifecycleOfStatus(value) };
  return { accepted: false, stage: 'unknown' };
}

/** "Draft (pending security review)" and "Draft - waiting for legal" name the status Draft. */
function namesOf(value: string): string[] {
  return [value, value.replace(/\s*\([^()]*\)$/, ''), value.split(/\s+[-\u2013\u2014]\s+/)[0]].map((v) => v.trim());
}

/** Equal ignoring case, spacing and the numbers in it: `superseded by ADR-0009` is the template's `superseded by ADR-0005`. */
function sameValue(a: string, b: string): boolean {
  const shape = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/\d+/g, '#').trim();
  return shape(a) === shape(b);
}
