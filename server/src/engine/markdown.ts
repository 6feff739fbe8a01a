import MarkdownIt from 'markdown-it';
import { frontMatterPlugin } from './frontMatter';
import { isAnglePlaceholder } from './placeholderPolicy';
/** A markdown-it token; `map` holds [first line, line after last] of block tokens. */
export type Token = MarkdownIt.Token;

/**
 * The one markdown-it configuration the engine parses with. HTML is on so that
 * `<!-- rfc-disable -->` comments arrive as html tokens; tables are on (GFM) because
 * templates use them; linkify and typographer are off because they rewrite text and
 * would move placeholder positions. YAML front matter at the top is one `front_matter`
 * token (see frontMatter.ts), so its `---` lines are never a rule or a heading.
 */
const fullParser = new MarkdownIt('default', { html: true, linkify: false, typographer: false }).use(frontMatterPlugin);

/** Block structure only: enough to find section boundaries cheaply. */
const blockParser = new MarkdownIt('default', { html: true, linkify: false, typographer: false }).use(frontMatterPlugin);
blockParser.disable(['inline', 'text_join']);

/** Parses markdown into block and inline tokens. `env.references` receives reference definitions. */
export function parseMarkdown(text: string, env: Record<string, unknown> = {}): Token[] {
  return fullParser.parse(text, env);
}

/** Parses block structure only (inline tokens keep their raw content and no children). */
export function parseBlocks(text: string): Token[] {
  return blockParser.parse(text, {});
}

/** Reference labels are matched case- and space-insensitively, as markdown-it does. */
export function normalizeReferenceLabel(label: string): string {
  return fullParser.utils.normalizeReference(label);
}

/**
 * The visible text of an inline token: text and code spans, with emphasis and link
 * markup dropped and line breaks turned into spaces.
 */
export function inlinePlainText(inline: Token): string {
  if (!inline.children) return inline.content;
  let out = '';
  for (const child of inline.children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
      case 'text_special':
        out += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        out += ' ';
        break;
      case 'image':
        out += child.content;
        break;
      case 'html_inline':
        // `# <RFC title>`: a placeholder that markdown-it reads as a tag is still text.
        if (isAnglePlaceholder(child.content)) out += child.content;
        break;
      default:
        break;
    }
  }
  return out;
}

/** Parses one piece of inline markdown (used on block-only tokens, whose inline content is raw). */
export function parseInline(content: string): Token | undefined {
  return fullParser.parseInline(content, {})[0];
}
