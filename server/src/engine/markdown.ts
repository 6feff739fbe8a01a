import MarkdownIt from 'markdown-it';
import { frontMatterPlugin } from './frontMatter';
import { isAnglePlaceholder } from './placeholderPolicy';
import { rulesOf } from './markdownRules';
import { usePlainInlineShortcut } from './plainInline';
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
// Inline content with no markdown syntax at all becomes its text token without the inline parser.
usePlainInlineShortcut(fullParser);

/** Block structure only: enough to find section boundaries cheaply, and to split a document into chunks (blockSplit.ts). */
export const blockParser = new MarkdownIt('default', { html: true, linkify: false, typographer: false }).use(frontMatterPlugin);
blockParser.disable(['inline', 'text_join']);
recordDefinitions(blockParser);

/**
 * Makes the block parser note every reference definition with its line in
 * `env.definitions` (markdown-it keeps only the first of a label, with no line), so a chunk
 * can be given the definitions written in it.
 */
function recordDefinitions(md: MarkdownIt.MarkdownIt): void {
  const rule = rulesOf(md.block.ruler).find((r) => r.name === 'reference');
  if (!rule) throw new Error('markdown-it has no reference rule');
  const original = rule.fn as unknown as (state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
  md.block.ruler.at(
    'reference',
    (state: MarkdownIt.StateBlock, startLine: number, endLine: number, silent: boolean) => {
      if (silent) return original(state, startLine, endLine, true);
      const env = state.env as { references?: Record<string, unknown>; definitions?: { line: number; label: string; value: unknown }[] };
      const shared = env.references;
      const own: Record<string, unknown> = {};
      env.references = own;
      const found = original(state, startLine, endLine, false);
      env.references = shared;
      for (const [label, value] of Object.entries(own)) {
        env.definitions?.push({ line: startLine, label, value });
        env.references ??= {};
        if (!(label in env.references)) env.references[label] = value;
      }
      return found;
    },
    { alt: rule.alt },
  );
}

/** The core rules after the block parse (inline parsing and what follows it), as the full parser runs them. */
const inlineCoreRules = rulesOf(fullParser.core.ruler).filter((r) => r.enabled && r.name !== 'normalize' && r.name !== 'block');

/** Runs the full parser's inline phase on block tokens (from blockParser), in place. */
export function runInlinePhase(tokens: Token[], env: Record<string, unknown>): void {
  const state = new fullParser.core.State('', fullParser, env);
  state.tokens = tokens;
  for (const rule of inlineCoreRules) (rule.fn as unknown as (state: MarkdownIt.StateCore) => void)(state);
}

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
