import * as assert from 'node:assert/strict';
import type { DocumentSymbol, Range } from 'vscode-languageserver-protocol/node';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { FILLED_RFC, rfcUri, scanHeadings, templateText } from '../support/lspDocuments';

function find(symbols: readonly DocumentSymbol[], name: string): DocumentSymbol {
  for (const s of symbols) {
    if (s.name === name) return s;
    const inner = s.children ? findOrUndefined(s.children, name) : undefined;
    if (inner) return inner;
  }
  throw new Error(`no symbol '${name}' in ${JSON.stringify(symbols.map((s) => s.name))}`);
}

function findOrUndefined(symbols: readonly DocumentSymbol[], name: string): DocumentSymbol | undefined {
  try {
    return find(symbols, name);
  } catch {
    return undefined;
  }
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

describe('language server: document symbols, completeness and analysisReady', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(disposeAllClients);

  it('returns the heading tree of the template with each section state as detail', async () => {
    const uri = rfcUri('2026-201-symbols.md');
    const text = templateText();
    client.open(uri, text);
    const symbols = await client.documentSymbols(uri);

    const headings = scanHeadings(text);
    assert.equal(symbols.length, 1, 'the title is the single root');
    const [title] = symbols;
    assert.equal(title.name, headings[0].text);
    assert.equal(title.detail, '6 placeholders', 'the title and its five metadata lines');
    assert.deepEqual(
      title.children!.map((s) => s.name),
      headings.filter((h) => h.level === 2).map((h) => h.text),
    );

    const motivation = find(symbols, 'Motivation');
    assert.deepEqual(motivation.children!.map((s) => s.name), ['Problem Statement', 'Why Now?', 'Goals', 'Non-Goals']);
    const goals = motivation.children![2];
    assert.equal(goals.detail, '3 placeholders');
    assert.deepEqual(goals.children, []);
    assert.ok(contains(motivation.range, goals.range), 'Goals lies within Motivation');
    assert.ok(contains(goals.range, goals.selectionRange), 'the selection range lies within the range');
    assert.equal(goals.selectionRange.start.line, headings.find((h) => h.text === 'Goals')!.line);
    assert.equal(find(symbols, 'Summary').detail, '1 placeholder');
    assert.equal(find(symbols, 'Component A').detail, '3 placeholders');
    assert.deepEqual(find(symbols, 'Component Design').children!.map((s) => s.name), ['Component A', 'Component B']);
    assert.equal(find(symbols, 'Schema Changes').detail, 'template example');
    assert.equal(find(symbols, 'Documentation Plan').detail, 'complete', 'task checkboxes are not placeholders');

    // Every heading of the template appears once, at its own line.
    const flat: DocumentSymbol[] = [];
    const walk = (list: readonly DocumentSymbol[]) => list.forEach((s) => (flat.push(s), walk(s.children ?? [])));
    walk(symbols);
    assert.deepEqual(flat.map((s) => s.selectionRange.start.line), headings.map((h) => h.line));
  });

  it('shows empty, not-in-template and complete sections', async () => {
    const uri = rfcUri('2026-202-states.md');
    const text = FILLED_RFC.replace('Cache search results per query for five minutes to cut backend load.\n', '').replace(
      '## Appendix',
      '## Notes\n\nExtra thoughts.\n\n## Appendix',
    );
    client.open(uri, text);
    const symbols = await client.documentSymbols(uri);
    assert.equal(find(symbols, 'Summary').detail, 'empty');
    assert.equal(find(symbols, 'Notes').detail, 'not in template, complete');
    assert.equal(find(symbols, 'Goals').detail, 'complete');
    assert.equal(symbols[0].detail, 'complete');
  });

  it('returns no symbols for a document that is not an RFC', async () => {
    const uri = 'file:///ws/notes/README.md';
    client.open(uri, '# Notes\n\n## One\n\nText.\n');
    assert.deepEqual(await client.documentSymbols(uri), []);
  });

  it('reports completeness that rises as placeholders are filled, and null for a non-RFC', async () => {
    const uri = rfcUri('2026-203-completeness.md');
    client.open(uri, templateText());
    const first = await client.completeness(uri);
    assert.ok(first);
    assert.equal(first.uri, uri);
    assert.equal(first.version, 1);
    assert.ok(first.percent >= 0 && first.percent <= 100, `percent ${first.percent}`);
    assert.ok(first.percent < 50, `the untouched template is far from complete (${first.percent}%)`);
    assert.ok(first.total > 0 && first.complete <= first.total);
    assert.equal(first.percent, Math.floor((100 * first.complete) / first.total));
    assert.ok(Array.isArray(first.sections) && first.sections.length > 0);
    assert.deepEqual(
      first.sections.map((s) => s.name),
      scanHeadings(templateText()).filter((h) => h.level === 2).map((h) => h.text),
    );

    client.replace(uri, '[Feature Name]', 'Search Result Caching');
    client.replace(uri, '[YYYY-XXX]', '2026-203');
    client.replace(uri, '[Draft/Under Review/Approved/Implemented]', 'Draft');
    client.replace(uri, '[One paragraph executive summary of the proposal]', 'Cache search results.');
    const second = await client.completeness(uri); // answers for the current version, without waiting
    assert.ok(second);
    assert.equal(second.version, 5);
    assert.ok(second.percent > first.percent, `${second.percent}% after filling, ${first.percent}% before`);
    assert.equal(second.complete, first.complete + 4);
    assert.equal(second.sections.find((s) => s.name === 'Summary')?.state, 'complete');

    const filled = rfcUri('2026-204-filled.md');
    client.open(filled, FILLED_RFC);
    const full = await client.completeness(filled);
    assert.equal(full?.percent, 100);
    assert.equal(full?.complete, full?.total);

    const readme = 'file:///ws/README.md';
    client.open(readme, '# Project\n\nNothing to see.\n');
    assert.equal(await client.completeness(readme), null);
    assert.equal(await client.completeness('file:///ws/rfcs/never-opened.md'), null);
  });

  it('sends rfc/analysisReady with the version after each analysis', async () => {
    const uri = rfcUri('2026-205-ready.md');
    client.open(uri, templateText());
    const ready = await client.waitForAnalysisReady(uri);
    assert.equal(ready.version, 1);
    assert.equal(ready.isRfc, true);
    const report = await client.completeness(uri);
    assert.equal(ready.percent, report?.percent);

    const v2 = client.replace(uri, '[One paragraph executive summary of the proposal]', 'Done.');
    const [diagnostics, ready2] = await Promise.all([client.waitForVersion(uri), client.waitForAnalysisReady(uri)]);
    assert.equal(ready2.version, v2);
    assert.equal(diagnostics.version, v2);
    assert.ok(ready2.percent! > ready.percent!, 'the percent follows the edit');
    // analysisReady follows the publish of the same version.
    const publishAt = client.diagnostics.find((d) => d.params.uri === uri && d.params.version === v2)!.at;
    const readyAt = client.analysisReady.find((r) => r.params.uri === uri && r.params.version === v2)!.at;
    assert.ok(readyAt >= publishAt);

    const readme = 'file:///ws/other/README.md';
    client.open(readme, '# Project\n');
    const notRfc = await client.waitForAnalysisReady(readme);
    assert.deepEqual(notRfc, { uri: readme, version: 1, isRfc: false });
  });

  it('writes nothing that reports a failure', () => {
    assert.deepEqual(client.failureOutput(), []);
  });
});
