import type MarkdownIt from 'markdown-it';
import { rulesOf } from './markdownRules';

/**
 * A shortcut in markdown-it's inline phase: inline content holding none of the characters
 * at which an inline rule can start is one text token, so it is made without running the
 * inline parser. Headings, table cells, short list items and much prose are such content:
 * half the inline tokens of a typical RFC and a third of its inline text. Everything else
 * goes through markdown-it's own inline parser, unchanged.
 *
 * Why this holds: markdown-it's first inline rule, `text`, consumes everything up to one of
 * these characters (its `isTerminatorChar`) and every other rule starts at one of them, so
 * such content becomes the pending text, pushed as one `text` token at level 0; the
 * post-processing rules have no delimiters to pair and one token to join. Empty content
 * gives no tokens. A unit test holds this to markdown-it's own parse on every ASCII
 * character and on random texts, so an upgrade that changes the rules is caught.
 */

/** The characters at which markdown-it's inline rules start (markdown-it 13–15). */
const INLINE_RULE_START = /[\n!#$%&*+\-:<=>@[\\\]^_`{}~]/;

/** The inline rules this shortcut was checked against, in order; with any other set it is not used. */
const KNOWN_RULES = 'text,linkify,newline,escape,backticks,strikethrough,emphasis,link,image,autolink,html_inline,entity';
const KNOWN_POST_RULES = 'balance_pairs,strikethrough,emphasis,fragments_join';

function enabledRuleNames(ruler: unknown): string {
  return rulesOf(ruler)
    .filter((r) => r.enabled)
    .map((r) => r.name)
    .join(',');
}

/**
 * Replaces the parser's core `inline` rule with one that takes the shortcut where it
 * holds, and says whether it did: not when linkify is on or the inline rules are not the
 * known ones.
 */
export function usePlainInlineShortcut(md: MarkdownIt.MarkdownIt): boolean {
  if (md.options.linkify || enabledRuleNames(md.inline.ruler) !== KNOWN_RULES || enabledRuleNames(md.inline.ruler2) !== KNOWN_POST_RULES) return false;
  md.core.ruler.at('inline', (state: MarkdownIt.StateCore) => {
    for (const token of state.tokens) {
      if (token.type !== 'inline') continue;
      if (INLINE_RULE_START.test(token.content)) {
        state.md.inline.parse(token.content, state.md, state.env, token.children as MarkdownIt.Token[]);
      } else if (token.content !== '') {
        const text = new state.Token('text', '', 0);
        text.content = token.content;
        (token.children as MarkdownIt.Token[]).push(text);
      }
    }
  });
  return true;
}
