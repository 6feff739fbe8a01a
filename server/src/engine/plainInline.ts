import type MarkdownIt from 'markdown-it';
import { rulesOf } from './markdownRules';

/**
 * A shortcut in markdown-it's inline phase: inline content in which no inline rule but
 * `text` and `newline` can match is read here, without running the inline parser.
 * Headings, table cells, list items and most prose that is only words, punctuation and line
 * breaks are such content: about half the inline text of a typical RFC. Everything else
 * goes through markdown-it's own inline parser, unchanged.
 *
 * Why this holds: markdown-it's first inline rule, `text`, consumes everything up to one of
 * its terminator characters (`isTerminatorChar`). At a terminator every other rule is tried,
 * and each starts only at its own character: `\n` (newline), `\` (escape), `` ` ``
 * (backticks), `~` (strikethrough), `*` and `_` (emphasis), `[` (link), `!` (image), `<`
 * (autolink, html_inline), `&` (entity); linkify's `:` only with linkify on. At any other
 * terminator (`#`, `-`, `:`, `]`…) no rule matches and the character joins the pending
 * text. So content without the characters above is pending text cut only by line breaks,
 * which `newline` turns into soft or hard breaks exactly as below; the post-processing rules
 * have no delimiters to pair and no adjacent text to join. A unit test holds this to
 * markdown-it's own parse on every ASCII character and on random texts, so an upgrade that
 * changes the rules is caught.
 */

/** The characters at which an inline rule other than `text` starts (markdown-it 13–15, linkify off). */
const RULE_START = /[!&*<[\\_`~]/;

/** The inline rules this shortcut was checked against, in order; with any other set it is not used. */
const KNOWN_RULES = 'text,linkify,newline,escape,backticks,strikethrough,emphasis,link,image,autolink,html_inline,entity';
const KNOWN_POST_RULES = 'balance_pairs,strikethrough,emphasis,fragments_join';

const SPACE = 0x20;
const TAB = 0x09;

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
      if (RULE_START.test(token.content)) {
        state.md.inline.parse(token.content, state.md, state.env, token.children as MarkdownIt.Token[]);
      } else {
        readPlainInline(token.content, state.Token, token.children as MarkdownIt.Token[]);
      }
    }
  });
  return true;
}

/**
 * The tokens markdown-it's `text` and `newline` rules make of `content`: its lines as text
 * tokens, each line break a `softbreak`, or a `hardbreak` after two or more spaces (which
 * are dropped, as one space before a soft break is); spaces and tabs that start a line are
 * skipped. Empty content gives no tokens.
 */
function readPlainInline(content: string, Token: MarkdownIt.StateCore['Token'], out: MarkdownIt.Token[]): void {
  const text = (line: string) => {
    const token = new Token('text', '', 0);
    token.content = line;
    out.push(token);
  };
  let pos = 0;
  for (;;) {
    const lineEnd = content.indexOf('\n', pos);
    if (lineEnd < 0) break;
    // As `newline` trims the pending text (the line so far) before its break.
    let end = lineEnd;
    let type = 'softbreak';
    if (end > pos && content.charCodeAt(end - 1) === SPACE) {
      if (end - 1 > pos && content.charCodeAt(end - 2) === SPACE) {
        while (end > pos && content.charCodeAt(end - 1) === SPACE) end--;
        type = 'hardbreak';
      } else {
        end--;
      }
    }
    if (end > pos) text(content.slice(pos, end));
    out.push(new Token(type, 'br', 0));
    pos = lineEnd + 1;
    while (pos < content.length && (content.charCodeAt(pos) === SPACE || content.charCodeAt(pos) === TAB)) pos++;
  }
  if (pos < content.length) text(content.slice(pos));
}
