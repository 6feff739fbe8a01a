import { assert } from 'chai';
import { templatePlaceholderDiagnostics } from '../../e2e/suite/sharedScenarios';
import { closeAllEditors, extensionApi, openAnalysed, rfcDiagnostics, ruleOf, workspaceUri } from './helpers';

describe('diagnostics on the web', () => {
  afterEach(closeAllEditors);

  it('shows every placeholder of the unchanged template, and nothing else', async () => {
    const { editor, expected, diagnostics } = await templatePlaceholderDiagnostics(await extensionApi());
    assert.isAbove(expected.length, 50, 'the fixture is the built-in template');
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)}`).sort(),
      expected.map((p) => `${p.line}:${p.start} placeholder`).sort(),
    );
    for (const d of diagnostics) {
      const placeholder = expected.find((p) => p.line === d.range.start.line && p.start === d.range.start.character);
      assert.equal(editor.document.getText(d.range), placeholder?.text);
    }
  });

  it('shows nothing for a filled RFC', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', '2026-002-rate-limiting.md');
    await openAnalysed(api, uri);
    assert.isTrue(api.state.isRfc(uri));
    assert.deepEqual(rfcDiagnostics(uri).map((d) => d.message), []);
  });
});
