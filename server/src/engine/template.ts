import { documentModelSteps, type DocumentModel } from './document';
import { guidanceTexts, type ProseBlock } from './guidance';
import { hashText } from './hash';
import { countContentWords } from './similarity';
import type { MetadataLine } from './metadata';
import { normalizeHeading } from './normalize';
import { normalizePlaceholder, placeholderWords, type PlaceholderPolicy, type PlaceholderSyntax } from './placeholderScan';
import { ALIASES_COMMENT, OPTIONAL_COMMENT, OPTIONAL_MARKER, SectionCommentReader, withoutOptionalMarkers } from './templateComments';
import { firstAtOrAfter, sectionEnds } from './lineLookups';
import { toField } from './templateMetadata';
import type { TemplateExample as Example, TemplateModel, TemplateSection, TemplateTitle } from './templateTypes';

export type * from './templateTypes';

/**
 * Builds the template model. Repeatable sections are recognised from the headings alone:
 * a heading that contains a placeholder (`Endpoint: [Method] /api/v1/[resource]`), or
 * siblings that differ only in a sequence marker, a number or a single capital letter
 * (`Component A`, `Component B`). Siblings of one kind collapse into one section.
 */
export function buildTemplateModel(text: string): TemplateModel {
  const steps = templateModelSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same model, built in slices: `pause` is awaited after each chunk is parsed and read
 * (it yields to the event loop when its time slice is spent), so building a team's very
 * large template never holds the server for long.
 */
export async function buildTemplateModelInSlices(text: string, pause: () => Promise<void>): Promise<TemplateModel> {
  const steps = templateModelSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** Sections handled between two pauses in the later steps (each is quick; thousands are not). */
const SECTIONS_PER_STEP = 200;

function* templateModelSteps(text: string): Generator<void, TemplateModel, void> {
  const model = yield* documentModelSteps(text, { placeholders: 'template', guidance: 'all' }, 'template');
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
  // Each parent's children (undefined: the top level) by heading shape, the first of each
  // shape kept: a repeated kind is found without comparing every sibling (templates can
  // have thousands of sections, and every step here stays linear in their number).
  const shapesUnder = new Map<TemplateSection | undefined, Map<string, TemplateSection>>();

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
      let siblingShapes = shapesUnder.get(parent);
      if (!siblingShapes) shapesUnder.set(parent, (siblingShapes = new Map()));
      const optional = OPTIONAL_MARKER.test(h.text);
      const text = optional ? h.text.replace(OPTIONAL_MARKER, '') : h.text;
      const shape = headingShape(text);
      const twin = shape.includes('#') || shape.includes('*') ? siblingShapes.get(shape) : undefined;
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
      if (!siblingShapes.has(shape)) siblingShapes.set(shape, section);
      sections.push(section);
      stack.push(section);
      ownerByLine.push({ line, section });
    }
    yield;
  }

  // The section of a line: the last heading at or above it (ownerByLine is in line order).
  const ownerOf = (line: number): TemplateSection | undefined => {
    let low = 0;
    let high = ownerByLine.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (ownerByLine[mid].line <= line) low = mid + 1;
      else high = mid;
    }
    return low > 0 ? ownerByLine[low - 1].section : undefined;
  };
  const twins = new Set<number>();
  for (const entry of ownerByLine) if (entry.section && entry.section.line !== entry.line) twins.add(entry.line);

  const placeholderTexts = new Map<TemplateSection, Set<string>>();
  for (const { chunk, startLine } of model.chunks) {
    for (const p of chunk.placeholders) {
      const line = p.line + startLine;
      if (p.inCode) codePlaceholders.add(p.text);
      const owner = ownerOf(line);
      if (!owner) continue;
      let texts = placeholderTexts.get(owner);
      if (!texts) placeholderTexts.set(owner, (texts = new Set()));
      if (!texts.has(p.text)) {
        texts.add(p.text);
        owner.placeholders.push({ text: p.text, guidance: p.syntax === 'marker' ? p.text : p.text.slice(1, -1), line });
      }
    }
    const codePlaceholderLines = chunk.placeholders.filter((p) => p.inCode).map((p) => p.line).sort((a, b) => a - b);
    for (const block of chunk.codeBlocks) {
      const hasPlaceholder = firstAtOrAfter(codePlaceholderLines, block.line) < block.endLine;
      if (!hasPlaceholder && block.normalized !== '') {
        exampleCode.push({ sectionId: ownerOf(block.line + startLine)?.id, info: block.info, normalized: block.normalized });
      }
    }
    for (const table of chunk.tables) for (const row of table.rows) exampleRows.add(row.normalized);
    for (const task of chunk.tasks) {
      const owner = ownerOf(task.line + startLine);
      if (owner) owner.hasChecklist = true;
    }
    yield;
  }

  const reader = new SectionCommentReader(new Set(headingLevels.map((h) => h.line)), ownerOf);
  for (const { chunk, startLine } of model.chunks) {
    reader.read(chunk.text, startLine);
    yield;
  }
  const comments = reader.found;
  // Counted here, in steps, rather than at the first analysis: thousands of sections take a while.
  const headingWords = new Map<string, number>();
  for (const section of sections) {
    const own = comments.get(section) ?? [];
    if (own.some((c) => c === OPTIONAL_COMMENT)) section.optional = true;
    for (const c of own) {
      if (c.startsWith(ALIASES_COMMENT)) section.aliases.push(...c.slice(ALIASES_COMMENT.length).split(',').map((a) => a.trim()).filter((a) => a !== ''));
    }
    const said = own.filter((c) => c !== OPTIONAL_COMMENT && !c.startsWith(ALIASES_COMMENT));
    const guidance = [...said, ...section.placeholders.map((p) => p.guidance.trim())];
    section.guidance = [...new Set(guidance.filter((g) => g !== ''))];
    for (const name of [section.normalized, ...section.aliases.map(normalizeHeading)]) countContentWords(name, headingWords);
    if (section.order % SECTIONS_PER_STEP === 0) yield;
  }

  const lines = text.split(/\r\n|\r|\n/);
  const ends = sectionEnds(headingLevels, lines.length);
  for (const section of sections) {
    const body = lines.slice(section.line, ends.get(section.line) ?? lines.length);
    while (body.length > 1 && body[body.length - 1].trim() === '') body.pop();
    section.skeleton = withoutOptionalMarkers(body).join('\n') + '\n';
    if (section.order % SECTIONS_PER_STEP === 0) yield;
  }

  const placeholderPolicy = yield* learnPlaceholderPolicy(model.chunks);
  // Guidance stands in sections, and under the title (a summary line to replace), never in metadata.
  const prose = yield* proseOf(model.chunks, title ? titleLine(model.chunks) : (sections[0]?.line ?? Number.MAX_SAFE_INTEGER), new Set(metadataLines.map((m) => m.line)));
  return {
    id,
    text,
    title,
    metadata: metadataLines.map(toField),
    sections,
    roots: sections.filter((s) => !s.parent),
    codePlaceholders,
    placeholderPolicy,
    exampleCode,
    exampleCodeTexts: new Set(exampleCode.map((e) => e.normalized)),
    exampleRows,
    guidanceTexts: guidanceTexts(prose),
    headingWords,
  };
}

/** A prose block of the template, placed: after the title or first section outside the metadata, with a placeholder or not. */
type TemplateProse = ProseBlock & { inSection: boolean; hasPlaceholder: boolean };

/**
 * The template's prose blocks with document lines, whether they stand after `from` (the
 * title, or the first section) outside the metadata, and whether they hold a placeholder.
 */
function* proseOf(chunks: DocumentModel['chunks'], from: number, metadataLines: ReadonlySet<number>): Generator<void, TemplateProse[], void> {
  const out: TemplateProse[] = [];
  for (const { chunk, startLine } of chunks) {
    // Sorted placeholder lines, searched per block: a chunk of a large template holds
    // thousands of each, and testing every pair took minutes.
    const placeholderLines = chunk.placeholders.filter((p) => !p.inCode).map((p) => p.line).sort((a, b) => a - b);
    for (const b of chunk.prose) {
      const line = b.line + startLine;
      let metadata = false;
      for (let l = line; l < b.endLine + startLine && !metadata; l++) metadata = metadataLines.has(l);
      out.push({ ...b, inSection: line > from && !metadata, hasPlaceholder: firstAtOrAfter(placeholderLines, b.line) < b.endLine });
    }
    yield;
  }
  return out;
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
function* learnPlaceholderPolicy(chunks: DocumentModel['chunks']): Generator<void, PlaceholderPolicy, void> {
  const syntaxes = new Set<PlaceholderSyntax>();
  const texts = new Set<string>();
  const codeTexts = new Set<string>();
  let maxWords = MIN_PLACEHOLDER_WORDS;
  for (const { chunk } of chunks) {
    for (const hit of chunk.placeholders) {
      texts.add(normalizePlaceholder(hit.text));
      if (hit.inCode) {
        codeTexts.add(normalizePlaceholder(hit.text));
        continue;
      }
      syntaxes.add(hit.syntax);
      if (hit.syntax !== 'marker') maxWords = Math.max(maxWords, placeholderWords(hit.text, hit.syntax));
    }
    yield;
  }
  return { syntaxes, texts, codeTexts, maxWords };
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
