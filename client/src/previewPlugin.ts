/**
 * The markdown-it plugin behind the markdown preview's "what is left" view: a banner with
 * the RFC's completeness above the document, and each unfilled placeholder wrapped in
 * `<mark class="rfc-placeholder">`. Everything it shows comes from the language server's
 * analysis (`PreviewFigures`); it finds the server's placeholders in the tokens VS Code's
 * markdown extension already made, by line and text, and parses nothing itself.
 *
 * It works at render time, not as a core rule: VS Code caches a document's tokens and
 * tokenizes without `env.currentDocument`, which only the render's env carries. The cached
 * tokens are never changed: an inline token with a placeholder is rendered from a copy.
 * Text goes to markdown-it's own `text` rule (which escapes it); the plugin's own markup is
 * constant strings and integers.
 */
import type { PlaceholderText } from '../../server/src/protocol';

/** What the preview shows of one RFC, as the server reported it. */
export interface PreviewFigures {
  percent: number;
  placeholdersLeft: number;
  sectionsMissing: number;
  placeholders: readonly PlaceholderText[];
}

/** The part of a markdown-it token the plugin reads and copies. */
export interface MarkdownToken {
  type: string;
  tag: string;
  nesting: number;
  content: string;
  map: [number, number] | null;
  children: MarkdownToken[] | null;
}

type RenderRule = (tokens: MarkdownToken[], idx: number, options: unknown, env: unknown, renderer: unknown) => string;

/** The part of a markdown-it instance the plugin extends. */
export interface MarkdownItLike {
  renderer: {
    rules: Record<string, RenderRule | undefined>;
    render(tokens: MarkdownToken[], options: unknown, env: unknown): string;
  };
}

/** Where the plugin gets the figures of the document being rendered (`env.currentDocument`, a `vscode.Uri` or absent). */
export type FiguresFor = (currentDocument: unknown) => PreviewFigures | undefined;

export const PLACEHOLDER_CLASS = 'rfc-placeholder';
export const BANNER_CLASS = 'rfc-preview-banner';
const OPEN = 'rfc_placeholder_open';
const CLOSE = 'rfc_placeholder_close';

/** Adds the banner and the placeholder marks to `md`'s renderer; returns `md`. */
export function extendMarkdownIt<T extends MarkdownItLike>(md: T, figuresFor: FiguresFor): T {
  const renderer = md.renderer;
  renderer.rules[OPEN] = () => `<mark class="${PLACEHOLDER_CLASS}" title="Unfilled placeholder">`;
  renderer.rules[CLOSE] = () => '</mark>';
  const render = renderer.render;
  renderer.render = function (this: unknown, tokens, options, env) {
    const figures = figuresFor((env as { currentDocument?: unknown } | undefined)?.currentDocument);
    if (!figures) return render.call(this, tokens, options, env);
    return bannerHtml(figures) + render.call(this, markPlaceholders(tokens, figures.placeholders), options, env);
  };
  return md;
}

/** "RFC 62% complete · 5 placeholders left · 2 sections missing": numbers only, so nothing to escape. */
export function bannerHtml(figures: PreviewFigures): string {
  const percent = count(figures.percent);
  const parts = [`<strong>RFC ${percent}% complete</strong>`];
  const placeholders = count(figures.placeholdersLeft);
  const missing = count(figures.sectionsMissing);
  if (placeholders > 0) parts.push(`${placeholders} placeholder${placeholders === 1 ? '' : 's'} left`);
  if (missing > 0) parts.push(`${missing} section${missing === 1 ? '' : 's'} missing`);
  const complete = percent === 100 ? ` ${BANNER_CLASS}-complete` : '';
  return `<div class="${BANNER_CLASS}${complete}" role="status">${parts.join(' · ')}</div>\n`;
}

/** A whole non-negative number whatever arrives, so the banner never carries anything else. */
function count(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0;
}

/**
 * The tokens with each placeholder's text marked inside the inline tokens whose lines hold
 * it. A placeholder over several lines (guidance) is marked line by line: markdown-it puts
 * a paragraph's lines in separate text tokens.
 */
export function markPlaceholders(tokens: MarkdownToken[], placeholders: readonly PlaceholderText[]): MarkdownToken[] {
  const byLine = new Map<number, string[]>();
  for (const p of placeholders) {
    p.text.split('\n').forEach((piece, i) => {
      const text = piece.trim();
      if (text === '') return;
      const line = p.range.start.line + i;
      byLine.set(line, [...(byLine.get(line) ?? []), text]);
    });
  }
  if (byLine.size === 0) return tokens;
  let changed = false;
  // A table's body cells have no lines of their own: their row's are theirs.
  let enclosing: [number, number] | null = null;
  const marked = tokens.map((token) => {
    if (token.nesting === 1 && token.map) enclosing = token.map;
    const lines = token.map ?? enclosing;
    if (token.type !== 'inline' || !lines || !token.children) return token;
    const wanted: string[] = [];
    for (let line = lines[0]; line < lines[1]; line++) wanted.push(...(byLine.get(line) ?? []));
    if (wanted.length === 0) return token;
    const children = markChildren(token.children, wanted);
    if (children === token.children) return token;
    changed = true;
    return copy(token, { children });
  });
  return changed ? marked : tokens;
}

/** The children with the wanted texts marked, each once, in order; the same array when none is found. */
function markChildren(children: MarkdownToken[], wanted: string[]): MarkdownToken[] {
  const left = [...wanted];
  const out: MarkdownToken[] = [];
  let changed = false;
  for (const child of children) {
    if (child.type !== 'text' || left.length === 0) {
      out.push(child);
      continue;
    }
    let rest = child.content;
    let found = false;
    for (let hit = firstHit(rest, left); hit; hit = firstHit(rest, left)) {
      found = true;
      if (hit.at > 0) out.push(copy(child, { content: rest.slice(0, hit.at) }));
      out.push(copy(child, { type: OPEN, tag: 'mark', nesting: 1, content: '', children: null }));
      out.push(copy(child, { content: left[hit.index] }));
      out.push(copy(child, { type: CLOSE, tag: 'mark', nesting: -1, content: '', children: null }));
      rest = rest.slice(hit.at + left[hit.index].length);
      left.splice(hit.index, 1);
    }
    if (!found) out.push(child);
    else if (rest !== '') out.push(copy(child, { content: rest }));
    changed ||= found;
  }
  return changed ? out : children;
}

/** The earliest of the texts in `content` (the longest at a tie), by its index in `texts`. */
function firstHit(content: string, texts: readonly string[]): { index: number; at: number } | undefined {
  let best: { index: number; at: number } | undefined;
  texts.forEach((text, index) => {
    const at = content.indexOf(text);
    if (at < 0) return;
    if (!best || at < best.at || (at === best.at && text.length > texts[best.index].length)) best = { index, at };
  });
  return best;
}

/** A copy of a token (same class, so markdown-it's methods still work) with some fields replaced. */
function copy(token: MarkdownToken, fields: Partial<MarkdownToken>): MarkdownToken {
  return Object.assign(Object.create(Object.getPrototypeOf(token) as object) as MarkdownToken, token, fields);
}
