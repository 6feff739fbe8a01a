import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { frontMatterPlugin } from '../../server/src/engine/frontMatter';
import { parseInline, parseMarkdown } from '../../server/src/engine/markdown';
import { usePlainInlineShortcut } from '../../server/src/engine/plainInline';
import { random as seeded } from '../support/random';

/**
 * The engine's parser skips markdown-it's inline parser for content without inline syntax
 * (plainInline.ts). Its tokens must be exactly those of markdown-it left as it is.
 */
const stock = new MarkdownIt('default', { html: true, linkify: false, typographer: false }).use(frontMatterPlugin);

const tokensOf = (tokens: unknown) => JSON.stringify(tokens);

describe('the plain inline text shortcut', () => {
  it('is taken by the engine’s parser configuration, and not with linkify on', () => {
    assert.equal(usePlainInlineShortcut(new MarkdownIt('default', { html: true, linkify: false, typographer: false })), true);
    assert.equal(usePlainInlineShortcut(new MarkdownIt('default', { html: true, linkify: true })), false);
    const changed = new MarkdownIt('default', { html: true });
    changed.inline.ruler.disable('emphasis');
    assert.equal(usePlainInlineShortcut(changed), false);
  });

  it('gives markdown-it’s own tokens around every ASCII character', () => {
    for (let code = 0; code < 128; code++) {
      const c = String.fromCharCode(code);
      for (const text of [`a${c}b`, c, `# x${c}y\n`, `| a${c} | b |\n|---|---|\n| ${c}c | d |\n`, `- x ${c}${c} y\n`, `a${c}\nb${c}  \nc\n`]) {
        assert.equal(tokensOf(parseMarkdown(text)), tokensOf(stock.parse(text, {})), `${JSON.stringify(text)} (code ${code})`);
      }
      assert.equal(tokensOf(parseInline(`a${c}b`)), tokensOf(stock.parseInline(`a${c}b`, {})[0]), `inline a${c}b`);
    }
  });

  it('gives markdown-it’s own soft and hard line breaks, whatever spaces and tabs are around them', () => {
    const ends = ['', ' ', '  ', '   ', '\t', ' \t', '\t ', '  \t', 'a  ', '-  '];
    const starts = ['', ' ', '  ', '\t', ' \t ', '-', ':'];
    for (const end of ends) {
      for (const start of starts) {
        for (const text of [`a${end}\n${start}b\n`, `x: y${end}\n${start}z${end}\nw`, `- a${end}\n  ${start}b\n`, `> a${end}\n> ${start}b\n`, `${end}\n${start}\n`, `a${end}`]) {
          assert.equal(tokensOf(parseMarkdown(text)), tokensOf(stock.parse(text, {})), JSON.stringify(text));
        }
        assert.equal(tokensOf(parseInline(`a${end}\n${start}b`)), tokensOf(stock.parseInline(`a${end}\n${start}b`, {})[0]), JSON.stringify(`a${end}\n${start}b`));
        assert.equal(tokensOf(parseInline(`${end}\n${end}\n${start}`)), tokensOf(stock.parseInline(`${end}\n${end}\n${start}`, {})[0]), JSON.stringify(`${end}\n${end}\n${start}`));
      }
    }
  });

  it('gives markdown-it’s own tokens on 3,000 random documents', () => {
    const next = seeded(20261202);
    const pieces = ['word', 'Wörter', '日本語', ' ', '-', '  ', '\n', ': ', '\n\n', '# ', '## ', '- ', '1. ', '> ', '| ', '`', '*', '_', '[', ']', '(', ')', '<b>', '&amp;', '\\', '~~', '!', ':', 'http://x.y', '\t', '\u00a0', '---\n', '```\n'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(next() * 40);
      // Mostly plain words and spaces, so that both paths are taken in one document.
      for (let k = 0; k < length; k++) text += next() < 0.6 ? pieces[Math.floor(next() * 9)] : pieces[Math.floor(next() * pieces.length)];
      assert.equal(tokensOf(parseMarkdown(text)), tokensOf(stock.parse(text, {})), JSON.stringify(text));
    }
  });
});
