/**
 * A template model as text and back: the build encodes the built-in template's model once
 * (scripts/builtInTemplate.mjs), so a process starts with it decoded instead of building it.
 *
 * Why: building the built-in template's model is the first analysis a process runs, with
 * every function of the engine still cold; it took about a quarter of an `rfc-lint` run on
 * one RFC (a pre-commit hook's), and the same again in each analysis worker and in the
 * language server before its first diagnostics. Decoding takes well under a millisecond.
 *
 * The encoding is JSON: sets and maps are tagged arrays, and the sections, which point to
 * their parent and children, are written once each, in template order, with those links as
 * positions in that order (`roots` too). Any other field, present or future, is plain data
 * and goes through as it is; templateCodec.test.ts holds a decoded model equal to a built
 * one for every template of the test fixtures.
 */
import type { TemplateModel, TemplateSection } from './templateTypes';

/** The version of the encoding: a decoder refuses any other (the build and the bundle are always of one version). */
const VERSION = 1;

/** Fields an object has with the value undefined, which JSON would drop (a top-level section's `parent`, a model's `title`). */
interface Unset {
  unset?: string[];
}

interface EncodedSection extends Omit<TemplateSection, 'parent' | 'children'>, Unset {
  parent?: number;
  children: number[];
}

interface EncodedModel extends Omit<TemplateModel, 'sections' | 'roots'>, Unset {
  version: number;
  sections: EncodedSection[];
  roots: number[];
}

const SET = '$set';
const MAP = '$map';

export function encodeTemplateModel(model: TemplateModel): string {
  const position = new Map(model.sections.map((section, i) => [section, i]));
  const at = (section: TemplateSection): number => {
    const i = position.get(section);
    if (i === undefined) throw new Error(`template section '${section.id}' is not among the model's sections`);
    return i;
  };
  const sections = model.sections.map((section): EncodedSection => {
    const { parent, children, ...fields } = section;
    return { ...fields, ...unsetOf(section), ...(parent ? { parent: at(parent) } : {}), children: children.map(at) };
  });
  const encoded: EncodedModel = { ...model, ...unsetOf(model), version: VERSION, sections, roots: model.roots.map(at) };
  return JSON.stringify(encoded, (_key, value: unknown) => {
    if (value instanceof Set) return { [SET]: [...value] };
    if (value instanceof Map) return { [MAP]: [...value] };
    return value;
  });
}

export function decodeTemplateModel(text: string): TemplateModel {
  const encoded = JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (SET in value) return new Set((value as { [SET]: unknown[] })[SET]);
      if (MAP in value) return new Map((value as { [MAP]: [unknown, unknown][] })[MAP]);
    }
    return value;
  }) as EncodedModel;
  if (encoded.version !== VERSION) throw new Error(`template model encoding ${String(encoded.version)}, not ${VERSION}`);
  const sections = encoded.sections.map((section) => {
    const { parent: _parent, children: _children, unset, ...fields } = section;
    return { ...fields, ...unsetFields(unset), children: [] } as TemplateSection;
  });
  encoded.sections.forEach((section, i) => {
    if (section.parent !== undefined) sections[i].parent = sections[section.parent];
    sections[i].children = section.children.map((child) => sections[child]);
  });
  const { version: _version, unset, ...fields } = encoded;
  return { ...fields, ...unsetFields(unset), sections, roots: encoded.roots.map((root) => sections[root]) };
}

function unsetOf(object: object): Unset {
  const unset = Object.entries(object).flatMap(([key, value]) => (value === undefined ? [key] : []));
  return unset.length > 0 ? { unset } : {};
}

function unsetFields(unset: readonly string[] | undefined): Record<string, undefined> {
  return Object.fromEntries((unset ?? []).map((key) => [key, undefined]));
}
