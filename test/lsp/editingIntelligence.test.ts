import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Hover, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../support/applyEdits';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { rfcUri, templateText } from '../support/lspDocuments';

describe('language server: quick fixes, completion and hover', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(disposeAllClients);

  const template = templateText();
  const cut = (text: string, from: string, to: string) => text.slice(0, text.indexOf(from)) + text.slice(text.indexOf(to));

  it('offers Insert section, Insert all missing sections and Disable for a missing-section diagnostic', async () => {
    const uri = rfcUri('2026-401-actions.md');
    const text = cut(cut(template, '## Security Considerations', '## Performance Impact'), '## Timeline', '## Open Questions');
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    const missing = published.diagnostics.find((d) => d.code === 'missing-section' && String(d.message).includes("'Security Considerations'"));
    assert.ok(missing);
    assert.deepEqual(missing.data, { sectionId: 'security considerations' });
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]),
      [
        ["Insert section 'Security Considerations'", 'quickfix', true],
        ['Insert all missing sections', 'quickfix', false],
        ['Disable missing-section for this line', 'quickfix', false],
      ],
    );
    const edits = (action: CodeAction) => action.edit?.changes?.[uri] as TextEdit[];
    assert.equal(applyEdits(text, edits(actions[0])), cut(template, '## Timeline', '## Open Questions'));
    assert.equal(applyEdits(text, edits(actions[1])), template);

    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(fixAll.map((a) => [a.title, a.kind]), [['Insert all missing sections', 'source.fixAll.rfc']]);
    assert.equal(applyEdits(text, edits(fixAll[0])), template);
  });

  it('completes the Status value and a missing section heading', async () => {
    const uri = rfcUri('2026-402-completion.md');
    const text = cut(template, '## Dependencies', '## Testing Strategy').replace('## Testing Strategy', '## \n\n## Testing Strategy');
    client.open(uri, text);
    await client.waitForDiagnostics(uri);
    const labels = (result: CompletionItem[] | CompletionList | null) => (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
    const status = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 13 } });
    assert.deepEqual(labels(status), ['Draft', 'Under Review', 'Approved', 'Implemented']);
    const line = text.split('\n').indexOf('## ');
    const headings = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: 3 },
      context: { triggerKind: 2, triggerCharacter: ' ' },
    });
    assert.deepEqual(labels(headings), ['Dependencies', 'Dependencies (with template)']);
  });

  it('hovers a heading with the template guidance, and a metadata value with its forms', async () => {
    const uri = rfcUri('2026-403-hover.md');
    client.open(uri, template.replace('[YYYY-XXX]', '26-1'));
    await client.waitForDiagnostics(uri);
    const heading = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: template.split('\n').indexOf('### Why Now?'), character: 5 } });
    assert.deepEqual(heading.contents, {
      kind: 'markdown',
      value: '**Why Now?**: a template section in *Motivation*.\n\nThe template asks for:\n- Urgency and timing considerations\n\nState: 1 placeholder left.',
    });
    const number = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 17 } });
    assert.match((number.contents as { value: string }).value, /^\*\*RFC Number\*\*: digits in the shape `YYYY-XXX`/);
  });
});
