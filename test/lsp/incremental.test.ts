import * as assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol/node';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { byCode, messageOf, rfcUri, scanPlaceholders, sectionSpan, templateText } from '../support/lspDocuments';

/** Diagnostics as comparable lines: position, rule and message. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${messageOf(d)}`,
  );
}

function placeholderKeys(diagnostics: readonly Diagnostic[]): string[] {
  return byCode(diagnostics, 'placeholder').map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`).sort();
}

function scannedKeys(text: string): string[] {
  return scanPlaceholders(text).map((p) => `${p.line}:${p.start}-${p.end}`).sort();
}

describe('language server: incremental changes', () => {
  let client: LspClient;
  let counter = 0;
  const nextUri = () => rfcUri(`2026-1${String(++counter).padStart(2, '0')}-incremental.md`);
  /** The server's analysis of `text` opened fresh (no previous analysis to build on). */
  async function fresh(text: string): Promise<PublishDiagnosticsParams> {
    const uri = nextUri();
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri);
    client.close(uri);
    return published;
  }

  before(async () => {
    client = await LspClient.start();
  });
  after(disposeAllClients);

  it('reports a deleted section as missing, once, and forgets it when it is back', async () => {
    const uri = nextUri();
    const text = templateText();
    client.open(uri, text);
    const base = await client.waitForDiagnostics(uri);
    assert.deepEqual(byCode(base.diagnostics, 'missing-section'), []);

    const section = sectionSpan(text, 'Security Considerations');
    assert.match(section.text, /### Threat Model/, 'the span holds the subsections');
    const range = client.rangeOf(uri, section.text);
    const deleted = client.edit(uri, range, '');
    const afterDelete = await client.waitForVersion(uri);
    assert.equal(afterDelete.version, deleted);
    const missing = byCode(afterDelete.diagnostics, 'missing-section');
    assert.equal(missing.length, 1, summary(missing).join('\n'));
    assert.match(messageOf(missing[0]), /'Security Considerations'/);
    assert.doesNotMatch(messageOf(missing[0]), /Authentication|Data Privacy|Threat Model/, 'subsections go with their section');
    assert.deepEqual(placeholderKeys(afterDelete.diagnostics), scannedKeys(client.text(uri)));
    assert.equal(
      byCode(afterDelete.diagnostics, 'placeholder').length,
      byCode(base.diagnostics, 'placeholder').length - scanPlaceholders(section.text).length,
    );

    const reinserted = client.edit(uri, { start: range.start, end: range.start }, section.text);
    const afterInsert = await client.waitForVersion(uri);
    assert.equal(afterInsert.version, reinserted);
    assert.equal(client.text(uri), text);
    assert.deepEqual(summary(afterInsert.diagnostics), summary(base.diagnostics));
  });

  it('drops the diagnostic of a filled placeholder and publishes the latest version', async () => {
    const uri = nextUri();
    client.open(uri, templateText());
    const base = await client.waitForDiagnostics(uri);
    const before = byCode(base.diagnostics, 'placeholder').length;

    const v2 = client.replace(uri, '[One paragraph executive summary of the proposal]', 'We cache search results for five minutes.');
    const p2 = await client.waitForVersion(uri);
    assert.equal(p2.version, v2);
    assert.equal(p2.version, client.version(uri));
    assert.equal(byCode(p2.diagnostics, 'placeholder').length, before - 1);
    assert.ok(!p2.diagnostics.some((d) => messageOf(d).includes('One paragraph executive summary')));
    assert.deepEqual(placeholderKeys(p2.diagnostics), scannedKeys(client.text(uri)));

    // A placeholder sharing its line with another: the other one's columns move.
    const threat = client.text(uri).indexOf('**Threat 1**');
    const v3 = client.replace(uri, '[Description]', 'Replayed tokens', threat);
    const p3 = await client.waitForVersion(uri);
    assert.equal(p3.version, v3);
    assert.equal(byCode(p3.diagnostics, 'placeholder').length, before - 2);
    assert.deepEqual(placeholderKeys(p3.diagnostics), scannedKeys(client.text(uri)));
  });

  it('publishes the last version after 20 rapid edits, never going back to an older one', async () => {
    const uri = nextUri();
    client.open(uri, templateText());
    await client.waitForDiagnostics(uri);
    const firstIndex = client.diagnostics.length;

    const edits: (() => void)[] = [];
    // Typing, one character per version, before the summary placeholder.
    for (const ch of 'Fast cache') {
      edits.push(() => {
        const at = client.rangeOf(uri, '[One paragraph').start;
        client.edit(uri, { start: at, end: at }, ch);
      });
    }
    // Filling the next placeholders after the motivation.
    const fillNext = () => {
      const text = client.text(uri);
      const from = text.indexOf('## Motivation');
      const next = scanPlaceholders(text).find((p) => p.line > text.slice(0, from).split('\n').length);
      assert.ok(next);
      client.edit(uri, { start: { line: next.line, character: next.start }, end: { line: next.line, character: next.end } }, 'done');
    };
    for (let i = 0; i < 5; i++) edits.push(fillNext);
    // A new top-level section (a new chunk boundary) and a deleted one.
    edits.push(() => {
      const at = client.rangeOf(uri, '## Appendix').start;
      client.edit(uri, { start: at, end: at }, '## Extra Notes\n\nSome text.\n\n');
    });
    edits.push(() => {
      const span = sectionSpan(client.text(uri), 'Timeline');
      client.edit(uri, client.rangeOf(uri, span.text), '');
    });
    for (let i = 0; i < 3; i++) edits.push(fillNext);
    assert.equal(edits.length, 20);

    const started = performance.now();
    for (const edit of edits) edit(); // no waiting in between
    const last = client.version(uri);
    assert.equal(last, 21);
    const final = await client.waitForVersion(uri);
    const elapsed = performance.now() - started;
    // A round trip, so that a late publish of an older version would have arrived by now.
    await client.documentSymbols(uri);
    await client.waitForAnalysisReady(uri, (p) => p.version === last);

    const versions = client.diagnostics.slice(firstIndex).filter((d) => d.params.uri === uri).map((d) => d.params.version!);
    console.log(`      20 rapid edits: ${versions.length} publish(es), versions [${versions.join(', ')}], last after ${elapsed.toFixed(0)} ms`);
    assert.equal(versions[versions.length - 1], last);
    for (let i = 1; i < versions.length; i++) {
      assert.ok(versions[i] >= versions[i - 1], `version ${versions[i]} published after ${versions[i - 1]}: [${versions.join(', ')}]`);
    }
    const ready = client.analysisReady.filter((r) => r.params.uri === uri).map((r) => r.params.version);
    for (let i = 1; i < ready.length; i++) assert.ok(ready[i] >= ready[i - 1], `analysisReady versions [${ready.join(', ')}]`);

    // The incremental result is the one a fresh analysis of the final text gives.
    const reference = await fresh(client.text(uri));
    assert.deepEqual(summary(final.diagnostics), summary(reference.diagnostics));
    assert.equal(byCode(final.diagnostics, 'missing-section').length, 1);
    assert.match(messageOf(byCode(final.diagnostics, "missing-section")[0]), /'Timeline'/);
  });

  it('answers requests interleaved with rapid edits for the version just sent', async () => {
    const uri = nextUri();
    client.open(uri, templateText());
    await client.waitForDiagnostics(uri);
    const firstIndex = client.diagnostics.length;
    const answers: Promise<[number, number | undefined]>[] = [];
    for (let i = 0; i < 20; i++) {
      const at = client.rangeOf(uri, '[One paragraph').start;
      const version = client.edit(uri, { start: at, end: at }, 'x');
      if (i % 3 === 0) answers.push(client.documentSymbols(uri).then((s) => [version, s.length === 1 ? version : undefined]));
      answers.push(client.completeness(uri).then((r) => [version, r?.version]));
    }
    for (const [sent, answered] of await Promise.all(answers)) assert.equal(answered, sent);
    const final = await client.waitForVersion(uri);
    await client.documentSymbols(uri);
    const versions = client.diagnostics.slice(firstIndex).filter((d) => d.params.uri === uri).map((d) => d.params.version!);
    console.log(`      20 edits with requests: ${versions.length} publish(es), versions [${versions.join(', ')}]`);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `versions [${versions.join(', ')}]`);
    assert.equal(versions.at(-1), 21);
    const reference = await fresh(client.text(uri));
    assert.deepEqual(summary(final.diagnostics), summary(reference.diagnostics));
  });

  it('agrees with a fresh analysis after edits that move section boundaries', async () => {
    const uri = nextUri();
    client.open(uri, templateText());
    await client.waitForDiagnostics(uri);
    const at = (search: string): Range => client.rangeOf(uri, search);
    const steps: [string, () => void][] = [
      ['open a fence that swallows the rest', () => client.edit(uri, { start: at('## Summary').start, end: at('## Summary').start }, '```\n')],
      ['close it again', () => client.edit(uri, at('```\n## Summary'), '## Summary')],
      ['turn an H2 into an H1', () => client.replace(uri, '## Detailed Design', '# Detailed Design')],
      ['turn it back', () => client.replace(uri, '# Detailed Design', '## Detailed Design')],
      ['make Motivation a setext heading', () => client.replace(uri, '## Motivation\n', 'Motivation\n----------\n')],
      ['join the summary paragraph to it', () => client.replace(uri, 'proposal]\n\nMotivation', 'proposal]\nMotivation')],
      ['split them again', () => client.replace(uri, 'proposal]\nMotivation', 'proposal]\n\nMotivation')],
      ['indent a heading into a list', () => client.replace(uri, '## Alternatives Considered', '- ## Alternatives Considered')],
      ['undo the list', () => client.replace(uri, '- ## Alternatives Considered', '## Alternatives Considered')],
      ['suppress placeholders from here on', () => client.replace(uri, '## Dependencies\n', '## Dependencies\n<!-- rfc-disable placeholder -->\n')],
      ['delete two sections at once', () => {
        const text = client.text(uri);
        const from = sectionSpan(text, 'Documentation Plan');
        const to = sectionSpan(text, 'Timeline');
        client.edit(uri, client.rangeOf(uri, text.slice(from.start, to.end)), '');
      }],
      ['a multi-change event', () => {
        const v = client.version(uri) + 1;
        client.change(uri, v, [
          { range: at('[Feature Name]'), text: 'Caching' },
          { range: at('[YYYY-XXX]'), text: '2026-001' },
          { range: at('## Appendix'), text: '## Appendices' },
        ]);
      }],
    ];
    for (const [name, step] of steps) {
      step();
      const incremental = await client.waitForVersion(uri);
      const reference = await fresh(client.text(uri));
      assert.deepEqual(summary(incremental.diagnostics), summary(reference.diagnostics), `after "${name}" (v${incremental.version})`);
    }
  });

  it('writes nothing that reports a failure', () => {
    assert.deepEqual(client.failureOutput(), []);
  });
});
