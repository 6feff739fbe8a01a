import { buildDocumentModel } from './document';
import { hashText } from './hash';
import { parseMarkdown } from './markdown';
import type { MetadataLine } from './metadata';
import { isWholePlaceholder, normalizeHeading } from './normalize';
import { normalizePlaceholder, placeholderWords, type PlaceholderHit, type PlaceholderPolicy, type PlaceholderSyntax } from './placeholderScan';

/**
 * The RFC schema, derived from the template's markdown itself: its heading tree, its
 * metadata lines and their expected forms, its placeholders and its example blocks.
 * Nothing here is specific to the default template, so a team's own template works the
 * same way.
 */
export interface TemplateModel {
  /** Changes whenever the template text changes; part of every cache key. */
  readonly id: string;
  readonly text: string;
  /** The H1 title, e.g. `RFC: [Feature Name]`, if the template has one. */
  readonly title?: TemplateTitle;
  readonly metadata: readonly MetadataField[];
  /** Every section (H2 and deeper), in template order. */
  readonly sections: readonly TemplateSection[];
  /** The top-level sections. */
  readonly roots: readonly TemplateSection[];
  /** The template's placeholders inside its code blocks (for hover and tests; documents use `placeholderPolicy`). */
  readonly codePlaceholders: ReadonlySet<string>;
  /** What is an unfilled placeholder in a document of this template: its syntaxes and texts. */
  readonly placeholderPolicy: PlaceholderPolicy;
  /** Code blocks of the template without placeholders: examples an author should replace. */
  readonly exampleCode: readonly TemplateExample[];
  /** The normalised texts of `exampleCode`, for lookup. */
  readonly exampleCodeTexts: ReadonlySet<string>;
  /** Body rows of the template's tables, normalised: examples an author should replace. */
  readonly exampleRows: ReadonlySet<string>;
}

export interface TemplateTitle {
  text: string;
  /** The literal start of the title before any placeholder, normalised ("rfc:"); empty if none. */
  prefix: string;
}

/** A metadata line of the template and the form its value must take. */
export interface MetadataField {
  key: string;
  normalizedKey: string;
  /** The template's placeholder for the value, e.g. `[YYYY-XXX]`. */
  placeholder: string;
  kind: MetadataKind;
}

export type MetadataKind =
  | { type: 'number'; mask: string; pattern: string }
  | { type: 'enum'; values: string[] }
  | { type: 'date' }
  | { type: 'text' };

/** A placeholder of the template, with the section it belongs to. */
export interface TemplatePlaceholder {
  text: string;
  /** The text between the brackets: what the template asks the author to write. */
  guidance: string;
  line: number;
}

export interface TemplateSection {
  /** Stable within a template: the path of normalised names ("motivation/goals"). */
  id: string;
  /** The heading as written in the template ("Why Now?"), without an `(optional)` marker. */
  name: string;
  normalized: string;
  level: number;
  parent?: TemplateSection;
  children: TemplateSection[];
  /** Position in template order, used to place missing sections and check order. */
  order: number;
  line: number;
  /**
   * A repeatable kind of subsection (`Alternative 1: [Name]`, `Component A`): any number
   * of document headings, at least one, stand for it.
   */
  repeatable: boolean;
  /** For a repeatable section: the literal start its instances usually share ("alternative"). */
  prefix: string;
  /** Placeholders in the section's own text (not its subsections'). */
  placeholders: TemplatePlaceholder[];
  /**
   * The template marks the section optional: `(optional)` at the end of its heading, or an
   * `<!-- rfc: optional -->` comment right below it. An absent optional section is not
   * reported and does not count in completeness (nor do its subsections).
   */
  optional: boolean;
  /**
   * What the template tells the author about this section, in template order: the HTML
   * comments directly under its heading (`<!-- guidance: Explain why now. -->` or any other
   * comment; a `guidance:` comment anywhere in the section's own text counts too), then the
   * texts of its placeholders. Never the `rfc:` markers or `rfc-disable` comments.
   */
  guidance: string[];
  /** The section's own text holds a task list (a checklist an Implemented RFC must have ticked). */
  hasChecklist: boolean;
  /**
   * The template's markdown for this section with its subsections, placeholders kept: what
   * "Insert section" writes. For a repeatable kind, its first example only.
   */
  skeleton: string;
}

interface Example {
  sectionId: string | undefined;
  info: string;
  normalized: string;
}
export type TemplateExample = Example;

/**
 * Builds the template model. Repeatable sections are recognised from the headings alone:
 * a heading that contains a placeholder (`Endpoint: [Method] /api/v1/[resource]`), or
 * siblings that differ only in a sequence marker, a number or a single capital letter
 * (`Component A`, `Component B`). Siblings of one kind collapse into one section.
 */
export function buildTemplateModel(text: string): TemplateModel {
  const model = buildDocumentModel(text, { placeholders: 'template' }, 'template');
  const id = hashText(text);
  let title: TemplateTitle | undefined;
  const sections: TemplateSection[] = [];
  const metadataLines: MetadataLine[] = [];
  const codePlaceholders = new Set<string>();
  const exampleCode: Example[] = [];
  const exampleRows = new Set<string>();
  const stack: TemplateSection[] = [];
  // Sections by heading line, to attach placeholders and examples to their section.
  const ownerByLine: { line: number; section: TemplateSection | undefined }[] = [];
  const headingLevels: { line: number; level: number }[] = [];

  for (const { chunk, startLine } of model.chunks) {
    if (!title && sections.length === 0) metadataLines.push(...chunk.metadata.map((m) => ({ ...m, line: m.line + startLine })));
    for (const h of chunk.headings) {
      const line = h.line + startLine;
      headingLevels.push({ line, level: h.level });
      if (h.level === 1 && !title && sections.length === 0) {
        title = { text: h.text, prefix: literalPrefix(h.text) };
        ownerByLine.push({ line, section: undefined });
        continue;
      }
      while (stack.length > 0 && stack[stack.length - 1].level >= h.level) stack.pop();
      const parent = stack[stack.length - 1];
      const siblings = parent ? parent.children : sections.filter((s) => !s.parent);
      const optional = OPTIONAL_MARKER.test(h.text);
      const text = optional ? h.text.replace(OPTIONAL_MARKER, '') : h.text;
      const shape = headingShape(text);
      const twin = shape.includes('#') || shape.includes('*') ? siblings.find((s) => headingShape(s.name) === shape) : undefined;
      if (twin) {
        // A second example of a repeatable kind: its content belongs to the first.
        twin.repeatable = true;
        ownerByLine.push({ line, section: twin });
        stack.push(twin);
        continue;
      }
      const section: TemplateSection = {
        id: (parent ? parent.id + '/' : '') + h.normalized,
        name: text,
        normalized: h.normalized,
        level: h.level,
        parent,
        children: [],
        order: sections.length,
        line,
        repeatable: shape.includes('*'),
        prefix: literalPrefix(text),
        placeholders: [],
        optional,
        guidance: [],
        hasChecklist: false,
        skeleton: '',
      };
      parent?.children.push(section);
      sections.push(section);
      stack.push(section);
      ownerByLine.push({ line, section });
    }
  }

  const ownerOf = (line: number): TemplateSection | undefined => {
    let owner: TemplateSection | undefined;
    for (const entry of ownerByLine) {
      if (entry.line > line) break;
      owner = entry.section;
    }
    return owner;
  };
  const twins = new Set<number>();
  for (const entry of ownerByLine) if (entry.section && entry.section.line !== entry.line) twins.add(entry.line);

  for (const { chunk, startLine } of model.chunks) {
    for (const p of chunk.placeholders) {
      const line = p.line + startLine;
      if (p.inCode) codePlaceholders.add(p.text);
      const owner = ownerOf(line);
      if (owner && !owner.placeholders.some((q) => q.text === p.text)) {
        owner.placeholders.push({ text: p.text, guidance: p.syntax === 'marker' ? p.text : p.text.slice(1, -1), line });
      }
    }
    for (const block of chunk.codeBlocks) {
      const hasPlaceholder = chunk.placeholders.some((p) => p.inCode && p.line >= block.line && p.line < block.endLine);
      if (!hasPlaceholder && block.normalized !== '') {
        exampleCode.push({ sectionId: ownerOf(block.line + startLine)?.id, info: block.info, normalized: block.normalized });
      }
    }
    for (const table of chunk.tables) for (const row of table.rows) exampleRows.add(row.normalized);
    for (const task of chunk.tasks) {
      const owner = ownerOf(task.line + startLine);
      if (owner) owner.hasChecklist = true;
    }
  }

  const comments = readSectionComments(text, new Set(headingLevels.map((h) => h.line)), ownerOf);
  for (const section of sections) {
    const own = comments.get(section) ?? [];
    if (own.some((c) => c === OPTIONAL_COMMENT)) section.optional = true;
    const guidance = [...own.filter((c) => c !== OPTIONAL_COMMENT), ...section.placeholders.map((p) => p.guidance.trim())];
    section.guidance = [...new Set(guidance.filter((g) => g !== ''))];
  }

  const lines = text.split(/\r\n|\r|\n/);
  for (const section of sections) {
    const next = headingLevels.find((h) => h.line > section.line && h.level <= section.level);
    const body = lines.slice(section.line, next ? next.line : lines.length);
    while (body.length > 1 && body[body.length - 1].trim() === '') body.pop();
    section.skeleton = withoutOptionalMarkers(body).join('\n') + '\n';
  }

  return {
    id,
    text,
    title,
    metadata: metadataLines.map(toField),
    sections,
    roots: sections.filter((s) => !s.parent),
    codePlaceholders,
    placeholderPolicy: learnPlaceholderPolicy(model.chunks.flatMap((c) => c.chunk.placeholders)),
    exampleCode,
    exampleCodeTexts: new Set(exampleCode.map((e) => e.normalized)),
    exampleRows,
  };
}

/** The fewest words a placeholder standing alone may have before it reads as real text. */
const MIN_PLACEHOLDER_WORDS = 5;

/**
 * The template's placeholder syntaxes and texts. A template without any `[…]` placeholder
 * has no bracket syntax, so bracketed text in its documents is never a placeholder unless it
 * is one of the template's own texts.
 */
function learnPlaceholderPolicy(hits: readonly PlaceholderHit[]): PlaceholderPolicy {
  const syntaxes = new Set<PlaceholderSyntax>();
  const texts = new Set<string>();
  const codeTexts = new Set<string>();
  let maxWords = MIN_PLACEHOLDER_WORDS;
  for (const hit of hits) {
    texts.add(normalizePlaceholder(hit.text));
    if (hit.inCode) {
      codeTexts.add(normalizePlaceholder(hit.text));
      continue;
    }
    syntaxes.add(hit.syntax);
    if (hit.syntax !== 'marker') maxWords = Math.max(maxWords, placeholderWords(hit.text, hit.syntax));
  }
  return { syntaxes, texts, codeTexts, maxWords };
}

/** `(optional)` at the end of a template heading, in any case. */
const OPTIONAL_MARKER = /\s*\(\s*optional\s*\)\s*$/i;
/** Stands for an `<!-- rfc: optional -->` comment among a section's comments. */
const OPTIONAL_COMMENT = '\u0000optional';

/**
 * The comments that speak about each section: every HTML comment directly under its
 * heading (nothing but blank lines and other comments before it), and `guidance:` comments
 * anywhere in the section's own text. `rfc: optional` becomes OPTIONAL_COMMENT; `rfc-…`
 * suppression comments are left out. A `guidance:` prefix is dropped and spacing folded.
 */
function readSectionComments(
  text: string,
  headingLines: ReadonlySet<number>,
  ownerOf: (line: number) => TemplateSection | undefined,
): Map<TemplateSection, string[]> {
  const found = new Map<TemplateSection, string[]>();
  const add = (section: TemplateSection | undefined, comment: string) => {
    if (!section) return;
    const list = found.get(section);
    if (list) list.push(comment);
    else found.set(section, [comment]);
  };
  const tokens = parseMarkdown(text);
  // The section whose heading the walk has just passed, until a block other than a comment follows.
  let underHeading: TemplateSection | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const line = token.map?.[0];
    if (token.type === 'heading_open' && token.level === 0 && line !== undefined && headingLines.has(line)) {
      underHeading = ownerOf(line);
      i += 2;
      continue;
    }
    if (token.type === 'html_block' || token.type === 'inline') {
      const html = token.type === 'html_block' ? [token.content] : (token.children ?? []).filter((c) => c.type === 'html_inline').map((c) => c.content);
      const direct = token.type === 'html_block' && token.level === 0 && underHeading !== undefined && isOnlyComments(token.content);
      for (const comment of html.flatMap(commentsIn)) {
        if (/^rfc-/i.test(comment)) continue;
        if (/^rfc\s*:\s*optional$/i.test(comment)) {
          if (direct) add(underHeading, OPTIONAL_COMMENT);
          continue;
        }
        const guidance = /^guidance\s*:\s*/i.exec(comment);
        if (guidance) add(line === undefined ? undefined : ownerOf(line), comment.slice(guidance[0].length));
        else if (direct) add(underHeading, comment);
      }
      if (direct) continue;
    }
    if (token.level === 0 && token.nesting !== -1) underHeading = undefined;
  }
  return found;
}

/** The texts of the `<!-- … -->` comments in some HTML, trimmed and with spacing folded. */
function commentsIn(html: string): string[] {
  const out: string[] = [];
  // A loop, not a regex: nested lazy quantifiers backtrack badly on hostile input.
  for (let start = html.indexOf('<!--'); start >= 0; start = html.indexOf('<!--', start)) {
    const end = html.indexOf('-->', start + 4);
    if (end < 0) break;
    const comment = html.slice(start + 4, end).replace(/\s+/g, ' ').trim();
    if (comment !== '') out.push(comment);
    start = end + 3;
  }
  return out;
}

function isOnlyComments(html: string): boolean {
  let rest = html.trimStart();
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->', 4);
    if (end < 0) return false;
    rest = rest.slice(end + 3).trimStart();
  }
  return rest === '';
}

/** A section's template lines without the optional markers: an inserted section is one the author writes. */
function withoutOptionalMarkers(lines: string[]): string[] {
  return lines
    .filter((l) => !/^\s*<!--\s*rfc\s*:\s*optional\s*-->\s*$/i.test(l))
    .map((l) => (/^ {0,3}#{1,6}\s/.test(l) ? l.replace(/\s*\(\s*optional\s*\)(\s*#*\s*)$/i, '$1') : l));
}

/**
 * The shape of a heading: placeholders become `*`, sequence markers (a number or a single
 * capital letter, as a word) become `#`. "Alternative 1: [Name]" → "alternative #: *".
 */
export function headingShape(text: string): string {
  return text
    .replace(/\[[^\]]*\]/g, '*')
    .split(/\s+/)
    .map((word) => (/^(?:\d+|[A-Z])[:.)]?$/.test(word) ? word.replace(/^(?:\d+|[A-Z])/, '#') : word))
    .join(' ')
    .toLowerCase();
}

/** The normalised literal text before the first placeholder or sequence marker. */
function literalPrefix(text: string): string {
  const words = text.replace(/\[.*$/, '').split(/\s+/);
  const kept: string[] = [];
  for (const word of words) {
    if (/^(?:\d+|[A-Z])[:.)]?$/.test(word)) break;
    kept.push(word);
  }
  return normalizeHeading(kept.join(' '));
}

/** Reads the expected form of a metadata value from its template placeholder. */
function toField(line: MetadataLine): MetadataField {
  const placeholder = line.value;
  const inner = isWholePlaceholder(placeholder) ? placeholder.trim().slice(1, -1).trim() : placeholder;
  return { key: line.key, normalizedKey: line.normalizedKey, placeholder, kind: metadataKind(line.key, inner) };
}

function metadataKind(key: string, inner: string): MetadataKind {
  // "Draft/Under Review/Approved": a choice among values.
  if (/^[^/]+(?:\/[^/]+)+$/.test(inner) && !/\d/.test(inner)) {
    return { type: 'enum', values: inner.split('/').map((v) => v.trim()).filter((v) => v !== '') };
  }
  // A mask such as YYYY-XXX, YYYY-NNN or NNNN: Y, N and X stand for digits.
  if (/^(?:[YNX]{2,}|[YNX]+(?:[-_./][YNX]+)+)$/.test(inner)) {
    const parts = inner.split(/([-_./])/);
    const pattern = parts
      .map((part, i) => {
        if (i % 2 === 1) return '\\' + part;
        const digits = part.length;
        return i === parts.length - 1 ? `\\d{${digits},}` : `\\d{${digits}}`;
      })
      .join('');
    return { type: 'number', mask: inner, pattern: `^${pattern}$` };
  }
  if (/^(?:date|yyyy-mm-dd|iso date)$/i.test(inner) || /\b(?:date|updated)\b/i.test(key)) return { type: 'date' };
  return { type: 'text' };
}
