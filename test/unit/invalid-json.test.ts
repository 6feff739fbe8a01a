import * as assert from 'node:assert/strict';
import { analyzeDocument, type Finding } from '../../server/src/engine';
import { jsonError, locateJsonError } from '../../server/src/engine/rules/invalid-json';
import { defaultTemplate, defaultTemplateText } from '../support/engine';
import { random } from '../support/random';

function findings(text: string): Finding[] {
  return analyzeDocument(text, defaultTemplate()).findings.filter((f) => f.ruleId === 'invalid-json');
}

/** [line, start, end] of each finding, 0-based. */
function ranges(text: string): [number, number, number][] {
  return findings(text).map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]);
}

describe('invalid-json', () => {
  it('reports the parser error at its place, with the block line, as a warning', () => {
    const text = ['## Detailed Design', '', '```json', '{', '  "a": 1', '  "b": 2', '}', '```', ''].join('\n');
    assert.deepEqual(findings(text), [
      {
        ruleId: 'invalid-json',
        severity: 'warning',
        message:
          "This JSON block does not parse: Expected ',' or '}' after property value (line 3 of the block). Fix the JSON or mark the block as another language.",
        range: { start: { line: 5, character: 2 }, end: { line: 5, character: 3 } },
      },
    ]);
  });

  it('finds the place itself when V8 names none ("Unexpected token")', () => {
    const text = ['## Detailed Design', '', '```json', '[1, 2,]', '```', ''].join('\n');
    const [f] = findings(text);
    assert.equal(f.message, "This JSON block does not parse: Unexpected token ']' (line 1 of the block). Fix the JSON or mark the block as another language.");
    assert.deepEqual(ranges(text), [[3, 6, 7]]);
  });

  it('counts the indentation of a list item, a nested list and a quote', () => {
    const list = ['## Detailed Design', '', '1. Request:', '', '   ```json', '   {"a": x}', '   ```', ''].join('\n');
    assert.deepEqual(ranges(list), [[5, 9, 10]]);
    const nested = ['## Detailed Design', '', '- a', '  - b', '', '    ```json', '    {"a": x}', '    ```', ''].join('\n');
    assert.deepEqual(ranges(nested), [[6, 10, 11]]);
    const quote = ['## Detailed Design', '', '> > ```json', '> > {"a": x}', '> > ```', ''].join('\n');
    assert.deepEqual(ranges(quote), [[3, 10, 11]]);
  });

  it('keeps content indented deeper than the fence at its own column', () => {
    const text = ['## Detailed Design', '', '  ```json', '  {', '      "a": x', '  }', '  ```', ''].join('\n');
    assert.deepEqual(ranges(text), [[4, 11, 12]]);
  });

  it('maps positions the same with CRLF line ends', () => {
    const text = ['## Detailed Design', '', '```json', '{', '  "a": 1', '  "b": 2', '}', '```', ''].join('\r\n');
    assert.deepEqual(ranges(text), [[5, 2, 3]]);
  });

  it('places input that ends too soon after its last character', () => {
    const text = ['## Detailed Design', '', '```json', '{"a": [1, 2],', '', '```', ''].join('\n');
    const [f] = findings(text);
    assert.match(f.message, /Expected double-quoted property name \(line 1 of the block\)/);
    assert.deepEqual(ranges(text), [[3, 13, 13]]);
    const cut = ['## Detailed Design', '', '```json', '{"a":', '```', ''].join('\n');
    assert.match(findings(cut)[0].message, /: Unexpected end of JSON input \(line 1 of the block\)\./);
    assert.deepEqual(ranges(cut), [[3, 5, 5]]);
  });

  it('reports a block left unclosed at the end of its section', () => {
    const text = ['## Detailed Design', '', '```json', '{"a": 1,', '', '## Alternatives Considered', ''].join('\n');
    // An unclosed fence runs to the end of the document, heading included.
    assert.equal(findings(text).length, 1);
  });

  it('checks only blocks whose language is json, in any case', () => {
    const block = (info: string) => ['## Detailed Design', '', '```' + info, '{"a": 1,}', '```', ''].join('\n');
    assert.equal(findings(block('json')).length, 1);
    assert.equal(findings(block('JSON')).length, 1);
    assert.equal(findings(block('json title="a.json"')).length, 1);
    for (const info of ['', 'jsonc', 'json5', 'js', 'javascript', 'jsonl']) assert.deepEqual(findings(block(info)), [], info);
    const indented = ['## Detailed Design', '', '    {"a": 1,}', ''].join('\n');
    assert.deepEqual(findings(indented), []);
  });

  it('leaves valid, empty and placeholder blocks alone', () => {
    const valid = ['## Detailed Design', '', '```json', '{"a": [1, 2.5e-3, true, null, "\\u00e9"]}', '```', ''].join('\n');
    assert.deepEqual(findings(valid), []);
    const empty = ['## Detailed Design', '', '```json', '', '```', '', '```json', '```', ''].join('\n');
    assert.deepEqual(findings(empty), []);
    const placeholder = ['## Detailed Design', '', '```json', '[ASCII or mermaid diagram showing system architecture]', '```', ''].join('\n');
    const analysis = analyzeDocument(placeholder, defaultTemplate());
    const ids = analysis.findings.map((f) => f.ruleId).filter((id) => id === 'placeholder' || id === 'invalid-json');
    assert.deepEqual(ids, ['placeholder']);
  });

  it('does not report the untouched template', () => {
    assert.match(defaultTemplateText(), /```json/);
    assert.deepEqual(findings(defaultTemplateText()), []);
  });

  describe('jsonError', () => {
    it("strips V8's position and quoted source from the message", () => {
      assert.deepEqual(jsonError('{"a" 1}'), { message: "Expected ':' after property name", position: 5 });
      assert.deepEqual(jsonError('abc'), { message: "Unexpected token 'a'", position: 0 });
      assert.deepEqual(jsonError("{'a': 1}"), { message: "Expected property name or '}'", position: 1 });
      assert.deepEqual(jsonError('[1, 2'), { message: "Expected ',' or ']' after array element", position: 5 });
      assert.equal(jsonError('{"a": 1}'), undefined);
    });
  });

  describe('locateJsonError', () => {
    it('finds what V8 does not name', () => {
      assert.equal(locateJsonError('[1,]'), 3);
      assert.equal(locateJsonError('{"a": tru}'), 9);
      assert.equal(locateJsonError('[1, 2, ...]'), 7);
      assert.equal(locateJsonError('{"a": 1}'), undefined);
    });

    it('does not overflow the stack on deep nesting', () => {
      assert.equal(locateJsonError('['.repeat(200_000)), 200_000);
      assert.equal(locateJsonError('['.repeat(100_000) + ']'.repeat(100_000)), undefined);
    });

    it('agrees with V8 wherever V8 names a position, and on validity (generated input)', () => {
      const next = random(20260407);
      const bases = [
        '{"a": [1, 2.5, -3e+2, true, false, null], "b": {"c": "x\\u00e9\\n"}, "d": []}',
        '[{"id": 1, "tags": ["a", "b"]}, {"id": 2, "tags": {}}]',
        '"str"',
        '  0  ',
      ];
      const alphabet = ' \n\t{}[]",:\\/-+.0123456789eEtrufalsn\u0001xu\'';
      let compared = 0;
      for (let n = 0; n < 20_000; n++) {
        let s = bases[Math.floor(next() * bases.length)];
        for (let e = 1 + Math.floor(next() * 3); e > 0; e--) {
          const at = Math.floor(next() * (s.length + 1));
          const ch = alphabet[Math.floor(next() * alphabet.length)];
          const kind = next();
          s = kind < 0.33 ? s.slice(0, at) + ch + s.slice(at) : kind < 0.66 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + ch + s.slice(at + 1);
        }
        let message: string | undefined;
        try {
          JSON.parse(s);
        } catch (error) {
          message = (error as Error).message;
        }
        const found = locateJsonError(s);
        assert.equal(found === undefined, message === undefined, JSON.stringify(s));
        const named = message && /at position (\d+)/.exec(message);
        if (named) {
          assert.equal(found, Number(named[1]), `${JSON.stringify(s)}: ${message}`);
          compared++;
        }
      }
      assert.ok(compared > 5_000, `${compared}`);
    });
  });
});
