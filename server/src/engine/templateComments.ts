import { inlinePlainText, parseMarkdown } from './markdown';
import { saysOptional } from './normalize';
import type { TemplateSection } from './templateTypes';

/*
 * What a template says about its sections in HTML comments and heading markers: optional
 * sections, other names (aliases) and `guidance:` notes.
 */

/** `(optional)` or `[Optional]` at the end of a template heading, in any case. */
export const OPTIONAL_MARKER = /\s*[([]\s*optional\s*[)\]]\s*$/i;
/** Stands for an `<!-- rfc: optional -->` comment (or any comment saying so) among a section's comments. */
export const OPTIONAL_COMMENT = '\u0000optional';
/** Starts an `<!-- rfc: aliases A, B -->` comment's entry among a section's comments. */
export const ALIASES_COMMENT = '\u0000aliases:';


/**
 * The comments that speak about each section: every HTML comment directly under its
 * heading (nothing but blank lines and other comments before it), and `guidance:` comments
 * anywhere in the section's own text. `rfc: optional` becomes OPTIONAL_COMMENT; `rfc-…`
 * suppression comments are left out. A `guidance:` prefix is dropped and spacing folded.
 *
 * The template is read one chunk (top-level section) at a time, in order, so a large one
 * can be read in slices; what a chunk leaves open (a heading just passed, a comment above
 * the next heading) carries over to the next.
 */
export class SectionCommentReader {
  readonly found = new Map<TemplateSection, string[]>();
  // The section whose heading the walk has just passed, until a block other than a comment follows.
  private underHeading: TemplateSection | undefined;
  // A comment block saying "optional" right above a heading marks that heading's section.
  private optionalAbove = false;

  constructor(
    private readonly headingLines: ReadonlySet<number>,
    private readonly ownerOf: (line: number) => TemplateSection | undefined,
  ) {}

  /** Reads the next chunk of the template, which starts at `startLine`. */
  read(text: string, startLine: number): void {
    const tokens = parseMarkdown(text);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const line = token.map ? token.map[0] + startLine : undefined;
      if (token.type === 'heading_open' && token.level === 0 && line !== undefined && this.headingLines.has(line)) {
        this.underHeading = this.ownerOf(line);
        if (this.optionalAbove) this.add(this.underHeading, OPTIONAL_COMMENT);
        this.optionalAbove = false;
        // Markers on the heading's own line: `## Summary <!-- rfc: aliases Overview -->`.
        const inHeading = (tokens[i + 1]?.children ?? []).filter((c) => c.type === 'html_inline').flatMap((c) => commentsIn(c.content));
        for (const comment of inHeading) {
          const aliases = /^rfc\s*:\s*aliases?\s*:?\s*/i.exec(comment);
          if (aliases) this.add(this.underHeading, ALIASES_COMMENT + comment.slice(aliases[0].length));
          else if (/^rfc\s*:\s*optional$/i.test(comment)) this.add(this.underHeading, OPTIONAL_COMMENT);
        }
        i += 2;
        continue;
      }
      const commentBlock = token.type === 'html_block' && token.level === 0 && isOnlyComments(token.content);
      if (token.type === 'html_block' || token.type === 'inline') {
        const html = token.type === 'html_block' ? [token.content] : (token.children ?? []).filter((c) => c.type === 'html_inline').map((c) => c.content);
        const direct = commentBlock && this.underHeading !== undefined;
        const comments = html.flatMap(commentsIn);
        for (const comment of comments) {
          if (/^rfc-/i.test(comment)) continue;
          if (/^rfc\s*:\s*optional$/i.test(comment)) {
            if (direct) this.add(this.underHeading, OPTIONAL_COMMENT);
            continue;
          }
          const aliases = /^rfc\s*:\s*aliases?\s*:?\s*/i.exec(comment);
          if (aliases) {
            if (direct) this.add(this.underHeading, ALIASES_COMMENT + comment.slice(aliases[0].length));
            continue;
          }
          const guidance = /^guidance\s*:\s*/i.exec(comment);
          if (guidance) this.add(line === undefined ? undefined : this.ownerOf(line), comment.slice(guidance[0].length));
          else if (direct) {
            this.add(this.underHeading, comment);
            if (saysOptional(comment)) this.add(this.underHeading, OPTIONAL_COMMENT);
          }
        }
        this.optionalAbove = commentBlock && comments.some(saysOptional);
        if (direct) continue;
      } else if (token.level === 0 && token.nesting !== -1) {
        this.optionalAbove = false;
      }
      // The first words under a heading saying "Optional" make the section optional.
      if (this.underHeading && token.level === 0 && (token.type === 'paragraph_open' || token.type === 'blockquote_open')) {
        const inline = tokens.slice(i + 1, i + 4).find((t) => t.type === 'inline');
        if (inline && saysOptional(inlinePlainText(inline).trim()) && /^\W*optional\b/i.test(inlinePlainText(inline).trim())) this.add(this.underHeading, OPTIONAL_COMMENT);
      }
      if (token.level === 0 && token.nesting !== -1) this.underHeading = undefined;
    }
  }

  private add(section: TemplateSection | undefined, comment: string): void {
    if (!section) return;
    const list = this.found.get(section);
    if (list) list.push(comment);
    else this.found.set(section, [comment]);
  }
}

/** The texts of the `<!-- … -->` comments in some HTML, trimmed and with spacing folded. */
export function commentsIn(html: string): string[] {
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

export function isOnlyComments(html: string): boolean {
  let rest = html.trimStart();
  while (rest.startsWith('<!--')) {
    const end = rest.indexOf('-->', 4);
    if (end < 0) return false;
    rest = rest.slice(end + 3).trimStart();
  }
  return rest === '';
}

/** A section's template lines without the optional and alias markers: an inserted section is one the author writes. */
export function withoutOptionalMarkers(lines: string[]): string[] {
  return lines
    .filter((l) => !/^\s*<!--\s*rfc\s*:\s*(?:optional|aliases?\b[^>]*)\s*-->\s*$/i.test(l))
    .map((l) =>
      /^ {0,3}#{1,6}\s/.test(l)
        ? l.replace(/\s*<!--\s*rfc\s*:\s*(?:optional|aliases?\b[^>]*?)\s*-->/gi, '').replace(/\s*[([]\s*optional\s*[)\]](\s*#*\s*)$/i, '$1')
        : l,
    );
}
