import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_HOME, ruleById } from '../../server/src/engine';
import { disposeAllClients, LspClient } from '../support/lspClient';

/** An RFC of the built-in template: title, number, Draft, and a Summary with `body`. */
function rfcText(number: string, title: string, body: string): string {
  return `# RFC: ${title}\n\n**RFC Number**: ${number}  \n**Status**: Draft\n\n## Summary\n\n${body}\n`;
}

/**
 * Every diagnostic links to its rule's README section (`codeDescription.href`), so the
 * editor's problem hover opens the rule's documentation: the document's own findings and
 * the cross-file ones alike.
 */
describe('language server: codeDescription links to the rule', function () {
  this.timeout(60_000);
  let scratch: string;
  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'rfc-links-'));
  });
  after(async () => {
    await disposeAllClients();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('gives every diagnostic the address of its rule in README.md', async () => {
    const queueText = rfcText('2026-001', 'Queue', '[One paragraph on what and why]');
    mkdirSync(path.join(scratch, 'rfcs'));
    writeFileSync(path.join(scratch, 'rfcs/2026-001-cache.md'), rfcText('2026-001', 'Cache', 'Cache search results.'));
    writeFileSync(path.join(scratch, 'rfcs/2026-002-queue.md'), queueText);
    const client = await LspClient.start({ workspaceFolders: [pathToFileURL(scratch).href], workDoneProgress: true });
    await client.waitForProgress((p) => p.value.kind === 'end', 20_000);
    const uri = pathToFileURL(path.join(scratch, 'rfcs/2026-002-queue.md')).href;
    client.open(uri, queueText);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'duplicate-number'));
    const codes = new Set(published.diagnostics.map((d) => String(d.code)));
    for (const code of ['placeholder', 'missing-section', 'metadata', 'duplicate-number', 'number-mismatch']) {
      assert.ok(codes.has(code), `${code} among ${[...codes].join(', ')}`);
    }
    for (const d of published.diagnostics) {
      const rule = ruleById(String(d.code));
      assert.ok(rule, `${String(d.code)} is a rule`);
      assert.deepEqual(d.codeDescription, { href: `${PROJECT_HOME}#${rule.id}` }, `${rule.id}'s link`);
    }
    assert.deepEqual(client.failureOutput(), []);
  });
});
