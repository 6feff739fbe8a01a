import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { extendMarkdownIt, type MarkdownItLike, type PreviewFigures } from '../../client/src/previewPlugin';
import type { PlaceholderText } from '../../server/src/protocol';
import { scanPlaceholders, templateText } from '../support/lspDocuments';

/** The preview plugin on a real markdown-it, set up as VS Code's preview sets it up (HTML allowed). */
function previewEngine(figures: PreviewFigures | undefined) {
  const md = new MarkdownIt({ html: true });
  extendMarkdownIt(md as unknown as MarkdownItLike, (document) => (document === 'rfc.md' ? figures : undefined));
  return md;
}

function figuresOf(text: string, extra: Partial<PreviewFigures> = {}): PreviewFigures {
  const placeholders: PlaceholderText[] = scanPlaceholders(text).map((p) => ({
    range: { start: { line: p.line, character: p.start }, end: { line: p.line, character: p.end } },
    text: p.text,
  }));
  return { percent: 2, placeholdersLeft: placeholders.length, sectionsMissing: 0, placeholders, ...extra };
}

const marked = (text: string) => `<mark class="rfc-placeholder" title="Unfilled placeholder">${text}</mark>`;

describe('markdown preview plugin', () => {
  it('puts the banner first and marks the placeholders of the template outside code', () => {
    const template = templateText();
    const html = previewEngine(figuresOf(template, { sectionsMissing: 2 })).render(template, { currentDocument: 'rfc.md' });
    const count = scanPlaceholders(template).length;
    assert.ok(html.startsWith(`<div class="rfc-preview-banner" role="status"><strong>RFC 2% complete</strong> · ${count} placeholders left · 2 sections missing</div>\n`));
    assert.ok(html.includes(`<h1>RFC: ${marked('[Feature Name]')}</h1>`));
    assert.ok(html.includes(`<strong>Author(s)</strong>: ${marked('[Names]')}<br>`));
    assert.ok(html.includes(`<strong>Reviewer(s)</strong>: ${marked('[Names]')}</p>`));
    assert.ok(html.includes(`<li>${marked('[Primary goal]')}</li>`));
    assert.ok(html.includes(`<td>${marked('[Case 1]')}</td>\n<td>${marked('[How handled]')}</td>`));
    // A fenced block is code: its text is left as it is.
    assert.ok(html.includes('<code>[ASCII or mermaid diagram showing system architecture]\n</code>'));
    const marks = html.split('<mark class="rfc-placeholder"').length - 1;
    assert.equal(marks, count - 1);
  });

  it('escapes the marked text and marks only text the document has', () => {
    const text = '# RFC: Q&A\n\n**Owner**: [R&D <lead>] and [R&D <lead>]\n';
    const placeholders: PlaceholderText[] = [
      { range: { start: { line: 2, character: 11 }, end: { line: 2, character: 25 } }, text: '[R&D <lead>]' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } }, text: '<script>alert(1)</script>' },
    ];
    const html = previewEngine({ percent: 50, placeholdersLeft: 1, sectionsMissing: 1, placeholders }).render(text, { currentDocument: 'rfc.md' });
    // `<lead>` is an HTML tag to markdown-it: the placeholder's text is not one text token, so nothing is marked.
    assert.ok(!html.includes('<mark'));
    assert.ok(!html.includes('<script>'));
    const plain = '**Owner**: [R&D lead] and [R&D lead]\n';
    const one: PlaceholderText = { range: { start: { line: 0, character: 11 }, end: { line: 0, character: 21 } }, text: '[R&D lead]' };
    const escaped = previewEngine({ percent: 50, placeholdersLeft: 1, sectionsMissing: 1, placeholders: [one] }).render(plain, { currentDocument: 'rfc.md' });
    // Marked once, as many times as the server reported it.
    assert.ok(escaped.endsWith(`<p><strong>Owner</strong>: ${marked('[R&amp;D lead]')} and [R&amp;D lead]</p>\n`));
    assert.ok(escaped.startsWith('<div class="rfc-preview-banner" role="status"><strong>RFC 50% complete</strong> · 1 placeholder left · 1 section missing</div>'));
  });

  it('marks guidance over several lines line by line', () => {
    const text = '## Summary\n\nDescribe the change\nin one paragraph.\n';
    const guidance: PlaceholderText = { range: { start: { line: 2, character: 0 }, end: { line: 3, character: 17 } }, text: 'Describe the change\nin one paragraph.' };
    const html = previewEngine({ percent: 0, placeholdersLeft: 1, sectionsMissing: 0, placeholders: [guidance] }).render(text, { currentDocument: 'rfc.md' });
    assert.ok(html.includes(`<p>${marked('Describe the change')}\n${marked('in one paragraph.')}</p>`));
  });

  it('says a complete RFC is complete, and puts nothing but whole numbers in the banner', () => {
    const done = previewEngine({ percent: 100, placeholdersLeft: 0, sectionsMissing: 0, placeholders: [] }).render('# RFC: Done\n', { currentDocument: 'rfc.md' });
    assert.equal(done, '<div class="rfc-preview-banner rfc-preview-banner-complete" role="status"><strong>RFC 100% complete</strong></div>\n<h1>RFC: Done</h1>\n');
    const odd = { percent: '<b>' as unknown as number, placeholdersLeft: 2.6, sectionsMissing: -1, placeholders: [] };
    assert.ok(previewEngine(odd).render('x', { currentDocument: 'rfc.md' }).startsWith('<div class="rfc-preview-banner" role="status"><strong>RFC 0% complete</strong> · 3 placeholders left</div>'));
  });

  it('renders exactly as markdown-it does without figures, and leaves the parsed tokens as they were', () => {
    const template = templateText();
    const plain = new MarkdownIt({ html: true }).render(template);
    const md = previewEngine(figuresOf(template));
    assert.equal(md.render(template, { currentDocument: 'other.md' }), plain);
    assert.equal(md.render(template, {}), plain);
    // The same tokens rendered with and then without figures: the marks live in copies only.
    const tokens = md.parse(template, {});
    assert.ok(md.renderer.render(tokens, md.options, { currentDocument: 'rfc.md' }).includes('<mark'));
    assert.equal(md.renderer.render(tokens, md.options, {}), plain);
  });
});
