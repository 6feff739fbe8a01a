import { buildDocumentModel, type DocumentModel } from './document';
import { guidanceTexts } from './guidance';
import { hashText } from './hash';
import { inlinePlainText, parseMarkdown } from './markdown';
import type { FrontMatterLine } from './frontMatter';
import type { MetadataForm, MetadataLine } from './metadata';
import { normalizeHeading, saysOptional } from './normalize';
import { normalizePlaceholder, placeholderWords, wholeSyntax, type PlaceholderHit, type PlaceholderPolicy, type PlaceholderSyntax } from './placeholderScan';

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
  /**
   * The template's guidance: the prose blocks (and list items) inside its sections that hold
   * no placeholder, folded (see guidance.ts). Found unchanged in an RFC, they are unfilled.
   */
  readonly guidanceTexts: ReadonlySet<string>;
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
  /** The template's placeholder for the value, e.g. `[YYYY-XXX]`; empty when it writes a real value or nothing. */
  placeholder: string;
  /** The value the template writes when it is no placeholder (`accepted`, a sample link); else empty. */
  example: string;
  /** What the template says about the value: its placeholder's words and its comments. */
  guidance: string;
  kind: MetadataKind;
  /**
   * The line may be left out or empty: the template leaves the value empty and asks for
   * nothing, or a comment says the field is optional (`# These are optional elements.`).
   */
  optional: boolean;
  /** How the template writes the line, so messages and fixes write it the same way. */
  form: MetadataForm;
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
  /** Other headings that stand for this section, as the template declares them (`<!-- rfc: aliases Overview, Abstract -->`). */
  aliases: string[];
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
  const model = buildDocumentModel(text, { placeholders: 'template', guidance: 'all' }, 'template');
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

  // A template with several H1 headings writes its sections at level 1 and has no title.
  const hasTitle = model.chunks.reduce((n, { chunk }) => n + chunk.headings.filter((h) => h.level === 1).length, 0) === 1;
  for (const { chunk, startLine } of model.chunks) {
    if (sections.length === 0) {
      const firstSection = chunk.headings.find((h) => h.level > 1 || !hasTitle || title !== undefined);
      const before = chunk.metadata.filter((m) => !firstSection || m.line < firstSection.line);
      metadataLines.push(...before.map((m) => ({ ...m, line: m.line + startLine })));
    }
    for (const h of chunk.headings) {
      const line = h.line + startLine;
      headingLevels.push({ line, level: h.level });
      if (h.level === 1 && hasTitle && !title && sections.length === 0) {
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
        aliases: [],
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
    for (const c of own) {
      if (c.startsWith(ALIASES_COMMENT)) section.aliases.push(...c.slice(ALIASES_COMMENT.length).split(',').map((a) => a.trim()).filter((a) => a !== ''));
    }
    const said = own.filter((c) => c !== OPTIONAL_COMMENT && !c.startsWith(ALIASES_COMMENT));
    const guidance = [...said, ...section.placeholders.map((p) => p.guidance.trim())];
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
    // Guidance stands in sections, and under the title (a summary line to replace), never in metadata.
    guidanceTexts: guidanceTexts(
      proseOf(model.chunks, title ? titleLine(model.chunks) : (sections[0]?.line ?? Number.MAX_SAFE_INTEGER), new Set(metadataLines.map((m) => m.line))),
    ),
  };
}

/**
 * The template's prose blocks with document lines, whether they stand after `from` (the
 * title, or the first section) outside the metadata, and whether they hold a placeholder.
 */
function proseOf(chunks: DocumentModel['chunks'], from: number, metadataLines: ReadonlySet<number>) {
  return chunks.flatMap(({ chunk, startLine }) =>
    chunk.prose.map((b) => {
      const line = b.line + startLine;
      let metadata = false;
      for (let l = line; l < b.endLine + startLine && !metadata; l++) metadata = metadataLines.has(l);
      return {
        ...b,
        inSection: line > from && !metadata,
        hasPlaceholder: chunk.placeholders.some((p) => !p.inCode && p.line >= b.line && p.line < b.endLine),
      };
    }),
  );
}

/** The line of the template's title heading (its first H1). */
function titleLine(chunks: DocumentModel['chunks']): number {
  for (const { chunk, startLine } of chunks) {
    const h = chunk.headings.find((x) => x.level === 1);
    if (h) return h.line + startLine;
  }
  return -1;
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

/** `(optional)` or `[Optional]` at the end of a template heading, in any case. */
const OPTIONAL_MARKER = /\s*[([]\s*optional\s*[)\]]\s*$/i;
/** Stands for an `<!-- rfc: optional -->` comment (or any comment saying so) among a section's comments. */
const OPTIONAL_COMMENT = '\u0000optional';
/** Starts an `<!-- rfc: aliases A, B -->` comment's entry among a section's comments. */
const ALIASES_COMMENT = '\u0000aliases:';


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
  // A comment block saying "optional" right above a heading marks that heading's section.
  let optionalAbove = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const line = token.map?.[0];
    if (token.type === 'heading_open' && token.level === 0 && line !== undefined && headingLines.has(line)) {
      underHeading = ownerOf(line);
      if (optionalAbove) add(underHeading, OPTIONAL_COMMENT);
      optionalAbove = false;
      // Markers on the heading's own line: `## Summary <!-- rfc: aliases Overview -->`.
      const inHeading = (tokens[i + 1]?.children ?? []).filter((c) => c.type === 'html_inline').flatMap((c) => commentsIn(c.content));
      for (const comment of inHeading) {
        const aliases = /^rfc\s*:\s*aliases?\s*:?\s*/i.exec(comment);
        if (aliases) add(underHeading, ALIASES_COMMENT + comment.slice(aliases[0].length));
        else if (/^rfc\s*:\s*optional$/i.test(comment)) add(underHeading, OPTIONAL_COMMENT);
      }
      i += 2;
      continue;
    }
    const commentBlock = token.type === 'html_block' && token.level === 0 && isOnlyComments(token.content);
    if (token.type === 'html_block' || token.type === 'inline') {
      const html = token.type === 'html_block' ? [token.content] : (token.children ?? []).filter((c) => c.type === 'html_inline').map((c) => c.content);
      const direct = commentBlock && underHeading !== undefined;
      const comments = html.flatMap(commentsIn);
      for (const comment of comments) {
        if (/^rfc-/i.test(comment)) continue;
        if (/^rfc\s*:\s*optional$/i.test(comment)) {
          if (direct) add(underHeading, OPTIONAL_COMMENT);
          continue;
        }
        const aliases = /^rfc\s*:\s*aliases?\s*:?\s*/i.exec(comment);
        if (aliases) {
          if (direct) add(underHeading, ALIASES_COMMENT + comment.slice(aliases[0].length));
          continue;
        }
        const guidance = /^guidance\s*:\s*/i.exec(comment);
        if (guidance) add(line === undefined ? undefined : ownerOf(line), comment.slice(guidance[0].length));
        else if (direct) {
          add(underHeading, comment);
          if (saysOptional(comment)) add(underHeading, OPTIONAL_COMMENT);
        }
      }
      optionalAbove = commentBlock && comments.some(saysOptional);
      if (direct) continue;
    } else if (token.level === 0 && token.nesting !== -1) {
      optionalAbove = false;
    }
    // The first words under a heading saying "Optional" make the section optional.
    if (underHeading && token.level === 0 && (token.type === 'paragraph_open' || token.type === 'blockquote_open')) {
      const inline = tokens.slice(i + 1, i + 4).find((t) => t.type === 'inline');
      if (inline && saysOptional(inlinePlainText(inline).trim()) && /^\W*optional\b/i.test(inlinePlainText(inline).trim())) add(underHeading, OPTIONAL_COMMENT);
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

/** A section's template lines without the optional and alias markers: an inserted section is one the author writes. */
function withoutOptionalMarkers(lines: string[]): string[] {
  return lines
    .filter((l) => !/^\s*<!--\s*rfc\s*:\s*(?:optional|aliases?\b[^>]*)\s*-->\s*$/i.test(l))
    .map((l) =>
      /^ {0,3}#{1,6}\s/.test(l)
        ? l.replace(/\s*<!--\s*rfc\s*:\s*(?:optional|aliases?\b[^>]*?)\s*-->/gi, '').replace(/\s*[([]\s*optional\s*[)\]](\s*#*\s*)$/i, '$1')
        : l,
    );
}

/**
 * The shape of a heading: placeholders (`[…]`, `{…}`, `<…>`) become `*`, sequence markers (a number or a single
 * capital letter, as a word) become `#`. "Alternative 1: [Name]" → "alternative #: *".
 */
export function headingShape(text: string): string {
  return text
    .replace(/\[[^\]]*\]|\{[^}]*\}|<[^>]*>/g, '*')
    .split(/\s+/)
    .map((word) => (/^(?:\d+|[A-Z])[:.)]?$/.test(word) ? word.replace(/^(?:\d+|[A-Z])/, '#') : word))
    .join(' ')
    .toLowerCase();
}

/** The normalised literal text before the first placeholder or sequence marker. */
function literalPrefix(text: string): string {
  const words = text.replace(/[[{<].*$/, '').split(/\s+/);
  const kept: string[] = [];
  for (const word of words) {
    if (/^(?:\d+|[A-Z])[:.)]?$/.test(word)) break;
    kept.push(word);
  }
  return normalizeHeading(kept.join(' '));
}

/**
 * Reads the expected form of a metadata value from what the template writes there: its
 * placeholder (`[YYYY-XXX]`, `{proposed | accepted}`, `(fill me in with today's date)`), or
 * for front matter the value as written and its `# comments`. A field the template leaves
 * empty, with no guidance, may stay empty.
 */
function toField(line: MetadataLine | FrontMatterLine): MetadataField {
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
        return i === parts.length - 1 ? `\\d{${digits},}` : `\\d{${digits}}`;
      })
      .join('');
    return { type: 'number', mask: inner, pattern: `^${pattern}$` };
  }
  const said = [inner, ...comments].join(' ');
  if (/^(?:date|yyyy-mm-dd|iso date)$/i.test(inner) || /\b(?:date|updated)\b/i.test(key.replace(/[-_]/g, ' ')) || /\bYYYY-MM-DD\b/.test(said)) return { type: 'date' };
  return { type: 'text' };
}

/** `[ADR-0005](0005-example.md)` → `ADR-0005`: a value's link markup is not part of the value. */
function stripLinks(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
}
