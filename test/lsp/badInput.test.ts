/**
 * Hostile and unusual documents sent through the real server. For each: diagnostics are
 * published (the 20 s limit is a hang guard, not a timing assertion), the server still
 * answers a documentSymbol request afterwards, and it reports no failure (stderr, log
 * messages, or a "rule failed" diagnostic). Timings are printed for the record.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, DocumentSymbol, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { byCode, keysOf, messageOf, rfcUri, scanHeadings, scanPlaceholders, sectionSpan, templateText, textAt } from '../support/lspDocuments';
import { random } from '../support/random';

const HANG_GUARD_MS = 20_000;

interface Outcome {
  client: LspClient;
  uri: string;
  text: string;
  published: PublishDiagnosticsParams;
  symbols: DocumentSymbol[];
}

interface Timing {
  name: string;
  chars: number;
  publishMs: number;
  symbolsMs: number;
  diagnostics: number;
  extra?: string;
}

const timings: Timing[] = [];

function randomBytes(seed: number, length: number): Buffer {
  const next = random(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(next() * 256);
  return bytes;
}

const WORDS = 'cache shard replica latency budget queue index tenant rollout metric alert schema token quota region'.split(' ');

/** `n` characters of sentences built from a fixed vocabulary. */
function prose(next: () => number, n: number): string {
  let out = '';
  while (out.length < n) {
    const words = Array.from({ length: 8 + Math.floor(next() * 10) }, () => WORDS[Math.floor(next() * WORDS.length)]);
    out += words.join(' ') + '. ';
  }
  return out.slice(0, n).trimEnd();
}

/** The template's sections with every placeholder filled and lots of prose, repeated to `size` characters. */
function hugeRfc(size: number): string {
  const next = random(7);
  const template = templateText();
  const body = template.slice(template.indexOf('## Summary'));
  const filled = body
    .replace(/\[[^\]\n]*\]/g, () => prose(next, 40))
    .replace(/^(#{2,4} .*)$/gm, (heading) => `${heading}\n\n${prose(next, 600)}\n\n${prose(next, 600)}\n`);
  const head = '# RFC: Huge\n\n**RFC Number**: 2026-900  \n**Status**: Draft  \n**Last Updated**: 2026-03-14  \n**Author(s)**: A  \n**Reviewer(s)**: B\n\n';
  let text = head;
  while (text.length < size) text += filled + '\n';
  return text;
}

/** A heading, an RFC number line and a summary: enough to be an RFC by its content. */
const HEAD = '# RFC: Stress\n\n**RFC Number**: 2026-001\n\n## Summary\n\n';

function noFailures(outcome: Outcome): void {
  const { client, published } = outcome;
  assert.deepEqual(client.failureOutput(), [], `the server reported a failure${client.context()}`);
  const ruleFailures = published.diagnostics.filter((d) => /failed on this document/.test(messageOf(d)));
  assert.deepEqual(ruleFailures.map(messageOf), [], 'a rule threw on this document');
}

function countSymbols(symbols: readonly DocumentSymbol[]): number {
  return symbols.reduce((n, s) => n + 1 + countSymbols(s.children ?? []), 0);
}

function placeholderTexts(text: string, diagnostics: readonly Diagnostic[]): string[] {
  return byCode(diagnostics, 'placeholder').map((d) => textAt(text, d));
}

describe('language server: bad input', function () {
  this.timeout(90_000);
  afterEach(disposeAllClients);
  after(() => {
    console.log('\n      bad input timings (open → publish, then documentSymbol):');
    for (const t of timings) {
      console.log(
        `        ${t.name.padEnd(46)} ${String(t.chars).padStart(9)} chars  publish ${t.publishMs.toFixed(0).padStart(6)} ms  symbols ${t.symbolsMs
          .toFixed(0)
          .padStart(5)} ms  ${t.diagnostics} diagnostics${t.extra ? `  ${t.extra}` : ''}`,
      );
    }
  });

  /** Opens `text` in a fresh server and checks publish, documentSymbol and silence; records timings. */
  async function run(name: string, text: string, uri = rfcUri('2026-999-bad.md')): Promise<Outcome> {
    const client = await LspClient.start();
    const started = performance.now();
    client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1, HANG_GUARD_MS);
    const publishMs = performance.now() - started;
    const symbolsStarted = performance.now();
    const symbols = await client.documentSymbols(uri, HANG_GUARD_MS);
    const symbolsMs = performance.now() - symbolsStarted;
    assert.ok(Array.isArray(published.diagnostics));
    assert.ok(Array.isArray(symbols));
    const timing: Timing = { name, chars: text.length, publishMs, symbolsMs, diagnostics: published.diagnostics.length };
    timings.push(timing);
    console.log(`      ${name}: publish after ${publishMs.toFixed(0)} ms, documentSymbol ${symbolsMs.toFixed(0)} ms`);
    const outcome = { client, uri, text, published, symbols };
    noFailures(outcome);
    return outcome;
  }

  it('an empty file', async () => {
    const { published, symbols } = await run('empty file', '');
    assert.deepEqual(symbols, []);
    // In rfcs/, so an RFC by its path: everything is missing.
    assert.ok(byCode(published.diagnostics, 'missing-section').length > 0);
    assert.ok(published.diagnostics.every((d) => d.range.start.line === 0));
  });

  it('a 5 MB RFC, and an edit in its middle', async () => {
    const text = hugeRfc(5 * 1024 * 1024);
    const outcome = await run('5 MB RFC', text);
    const { client, uri, published, symbols } = outcome;
    // Every section is there many times: duplicates beyond the per-document limit are summed up.
    assert.equal(published.diagnostics.length, 1001);
    assert.equal(published.diagnostics.at(-1)!.code, 'too-many-problems');
    assert.ok(countSymbols(symbols) > 1000, `${countSymbols(symbols)} symbols`);

    const middle = client.text(uri).indexOf('## Security Considerations', text.length / 2);
    const started = performance.now();
    const version = client.edit(uri, client.rangeOf(uri, '## Security Considerations', middle), '## Security Considerations (revised)');
    const edited = await client.waitForDiagnostics(uri, (p) => p.version === version, HANG_GUARD_MS);
    const editMs = performance.now() - started;
    timings.at(-1)!.extra = `edit → publish ${editMs.toFixed(0)} ms`;
    console.log(`      5 MB RFC: edit → publish ${editMs.toFixed(0)} ms`);
    assert.equal(edited.diagnostics.length, 1001);
    await client.documentSymbols(uri, HANG_GUARD_MS);
    noFailures({ ...outcome, published: edited });
  });

  it('a paragraph line of 1,000,000 characters with placeholders in it', async () => {
    const next = random(11);
    let line = '';
    // The template's own placeholder texts, which are unfilled wherever they stand.
    const texts = ['[Estimate]', '[Names]', '[Date]', '[Definition]', '[What it does]'];
    for (let i = 0; line.length < 1_000_000; i++) line += `${prose(next, 990)} ${texts[i % texts.length]} `;
    line = line.slice(0, 1_000_000);
    const text = `${HEAD}${line}\n`;
    const { published } = await run('1,000,000-character paragraph line', text);
    // More placeholders than the limit: the first 1000 findings are shown, at the right columns.
    const shown = byCode(published.diagnostics, 'placeholder');
    assert.ok(shown.length > 900, `${shown.length} placeholders shown`);
    const expected = scanPlaceholders(text).slice(0, shown.length).map((p) => p.text);
    assert.deepEqual(placeholderTexts(text, published.diagnostics), expected);
    assert.equal(published.diagnostics.at(-1)!.code, 'too-many-problems');
  });

  it('a heading of 1,000,000 characters', async () => {
    const heading = prose(random(12), 1_000_000);
    const text = `${HEAD}Text.\n\n## ${heading}\n\nBody.\n`;
    const { symbols } = await run('1,000,000-character heading', text);
    assert.equal(symbols[0].children!.at(-1)!.name, heading);
  });

  it('100,000 [ characters', async () => {
    const { published } = await run('100,000 [', `${HEAD}${'['.repeat(100_000)}\n`);
    assert.deepEqual(byCode(published.diagnostics, 'placeholder'), []);
  });

  it('50,000 nested [ … ] pairs', async () => {
    await run('50,000 nested [ ]', `${HEAD}${'['.repeat(50_000)}x${']'.repeat(50_000)}\n`);
  });

  it('binary bytes decoded as latin1 (NUL and control characters included)', async () => {
    const text = randomBytes(42, 256 * 1024).toString('latin1');
    assert.ok(text.includes('\0'));
    await run('256 KB random bytes as latin1', text);
  });

  it('binary bytes decoded as UTF-8 (replacement characters)', async () => {
    const text = HEAD + randomBytes(43, 256 * 1024).toString('utf8');
    assert.ok(text.includes('\uFFFD') && text.includes('\0'));
    await run('256 KB random bytes as UTF-8', text);
  });

  it('5,000 levels of nested lists on one line', async () => {
    await run('5,000 nested "- " on one line', `${HEAD}${'- '.repeat(5000)}deep [item]\n`);
  });

  it('5,000 levels of nested ordered lists on one line', async () => {
    await run('5,000 nested "1. " on one line', `${HEAD}${'1. '.repeat(5000)}deep [item]\n`);
  });

  it('a staircase of 1,000 indented list levels', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- item [level ${i}]`);
    await run('1,000-level indented list staircase', `${HEAD}${lines.join('\n')}\n`);
  });

  it('10,000 nested block quotes', async () => {
    await run('">" × 10,000 on one line', `${HEAD}${'>'.repeat(10_000)} quoted [text]\n`);
  });

  it('100 lines of 10,000 nested block quotes', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${'> '.repeat(10_000)}line ${i} [text]`);
    await run('100 lines of "> " × 10,000', `${HEAD}${lines.join('\n')}\n`);
  });

  it('CRLF line endings give the same diagnostics as LF, also after an edit', async () => {
    const lf = templateText();
    const crlf = lf.replace(/\n/g, '\r\n');
    const client = await LspClient.start();
    client.open(rfcUri('2026-990-lf.md'), lf);
    const reference = await client.waitForDiagnostics(rfcUri('2026-990-lf.md'));
    await client.dispose();

    const outcome = await run('template with CRLF line endings', crlf);
    assert.deepEqual(keysOf(outcome.published.diagnostics), keysOf(reference.diagnostics));
    for (const d of byCode(outcome.published.diagnostics, 'placeholder')) assert.match(textAt(crlf, d), /^\[.*\]$/);

    // Delete a section in the CRLF document: the same as deleting it in the LF one.
    const { client: c2, uri } = outcome;
    const section = sectionSpan(lf, 'Security Considerations').text.replace(/\n/g, '\r\n');
    const version = c2.edit(uri, c2.rangeOf(uri, section), '');
    const edited = await c2.waitForDiagnostics(uri, (p) => p.version === version, HANG_GUARD_MS);
    const missing = byCode(edited.diagnostics, 'missing-section');
    assert.equal(missing.length, 1);
    assert.match(messageOf(missing[0]), /'Security Considerations'/);
    const freshUri = rfcUri('2026-991-crlf-fresh.md');
    c2.open(freshUri, c2.text(uri));
    const fresh = await c2.waitForDiagnostics(freshUri);
    assert.deepEqual(keysOf(edited.diagnostics), keysOf(fresh.diagnostics));
  });

  it('lone CR line endings give the same diagnostics as LF', async () => {
    const lf = templateText();
    const client = await LspClient.start();
    client.open(rfcUri('2026-992-lf.md'), lf);
    const reference = await client.waitForDiagnostics(rfcUri('2026-992-lf.md'));
    await client.dispose();
    const cr = lf.replace(/\n/g, '\r');
    const { published, symbols } = await run('template with lone CR line endings', cr);
    assert.deepEqual(keysOf(published.diagnostics), keysOf(reference.diagnostics));
    assert.equal(symbols[0].children!.length, scanHeadings(lf).filter((h) => h.level === 2).length);
  });

  it('mixed LF, CRLF and CR line endings', async () => {
    let i = 0;
    const mixed = templateText().replace(/\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
    const { published, text } = await run('template with mixed line endings', mixed);
    const placeholders = placeholderTexts(text, published.diagnostics);
    assert.ok(placeholders.length > 100);
    for (const p of placeholders) assert.match(p, /^\[.*\]$/);
  });

  it('odd Unicode in headings and placeholders', async () => {
    const text = [
      '# RFC: \u202Eelif\u202C title 🚀 e\u0301',
      '',
      '**RFC Number**: 2026-001',
      '**Status**: Draft',
      '',
      '## Summary\u200F',
      '',
      // Each placeholder alone in its list item, after a label: the way a template's placeholders stand.
      '- Combining e\u0301\u0301\u0301: [placeholder with e\u0301]',
      '- 👩‍👩‍👧‍👦: [🚀 launch plan]',
      '- Then: [\uD800 lone high]',
      '- And: [lone low \uDC00]',
      '',
      '## Mo\u0301tivation',
      '',
      '### Goals 🎯',
      '- [Primary goal ✨]',
      '- \u05E9\u05DC\u05D5\u05DD: [\u05DE\u05D8\u05E8\u05D4]',
      '- \u0627\u0644\u0639\u0631\u0628\u064A\u0629: [\u0647\u062F\u0641]',
      '',
      '## \u200F\u200E',
      '',
      'Invisible heading.',
      '',
      '## ',
      '',
      'Empty heading.',
      '',
      '## 🚀🚀🚀 [\uD83D]',
      '',
      '## \uDE80 Lone low surrogate',
      '',
      'Text \uFEFF with a zero width no-break space and \u0000 a NUL.',
      '',
    ].join('\n');
    const { published, symbols } = await run('odd Unicode', text);
    // Every placeholder lands on its bracketed text, columns counted in UTF-16 code units.
    const found = placeholderTexts(text, published.diagnostics);
    for (const p of found) assert.match(p, /^\[[^\]]*\]$/u);
    assert.deepEqual(
      found,
      scanPlaceholders(text).map((p) => p.text),
    );
    const names = symbols[0].children!.map((s) => s.name);
    assert.ok(names.includes('(untitled)'), JSON.stringify(names));
    assert.ok(names.includes('\uDE80 Lone low surrogate'), JSON.stringify(names));
  });

  // The three cases below are ordinary-looking text in unusual amounts. Each makes a regular
  // expression of the engine backtrack (quadratic or exponential) and blocks the server.
  it('a heading with a run of 200,000 spaces inside', async () => {
    await run('heading with 200,000 spaces inside', `${HEAD}Text.\n\n## Notes${' '.repeat(200_000)}end\n\nBody.\n`);
  });

  it('a metadata value with a run of 300,000 spaces inside', async () => {
    await run('metadata value with 300,000 spaces inside', `# RFC: M\n\n**RFC Number**: 1${' '.repeat(300_000)}2\n\n## Summary\n\nText.\n`);
  });

  it('a line of 40 HTML comments followed by text', async () => {
    await run('40 HTML comments then text on one line', `${HEAD}${'<!-- -->'.repeat(40)} x\n`);
  });
});
