import * as assert from 'node:assert/strict';
import {
  analyzeDocument,
  applyAnalysisSettings,
  applyFindingFilter,
  buildTemplateModel,
  findingFilterOf,
  indexEntryOf,
  mentionsOf,
  nextRfcNumber,
  numberKey,
  workspaceFindings,
  workspaceView,
  type Finding,
  type RfcIndexEntry,
} from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

const template = defaultTemplate();

/** `line:start-end text` of each mention, read back from the text (a second opinion on the columns). */
function mentions(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return mentionsOf(analyzeDocument(text, template).model).map(
    (m) => `${m.range.start.line}:${m.range.start.character} ${lines[m.range.start.line].slice(m.range.start.character, m.range.end.character)} → ${m.number}`,
  );
}

function rfc(number: string | undefined, title: string, body = ''): string {
  const numberLine = number === undefined ? '' : `**RFC Number**: ${number}  \n`;
  return `# RFC: ${title}\n\n${numberLine}**Status**: Draft\n\n## Summary\n\n${body}\n`;
}

function entry(fileName: string, text: string): RfcIndexEntry {
  return indexEntryOf(`file:///ws/rfcs/${fileName}`, fileName, analyzeDocument(text, template));
}

const ids = (findings: readonly Finding[]) => findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.ruleId}`);

describe('workspace: mentions of RFCs', () => {
  it('finds RFC 2026-003, RFC-2026-003 and rfc/2026-003 in prose, any case, at their columns', () => {
    const text = 'Builds on RFC 2026-003 and RFC-2026-004; see rfc/2026-005 and rfc 2026-6, RFC\u00a02026-007.\n';
    assert.deepEqual(mentions(text), [
      '0:10 RFC 2026-003 → 2026-003',
      '0:27 RFC-2026-004 → 2026-004',
      '0:45 rfc/2026-005 → 2026-005',
      '0:62 rfc 2026-6 → 2026-6',
      '0:74 RFC\u00a02026-007 → 2026-007',
    ]);
  });

  it('never in code spans, fenced or indented code, HTML comments or inside longer words and numbers', () => {
    const text = [
      'Prose `RFC 2026-001` then RFC 2026-001 after the span.', // the second one only
      '',
      '```',
      'RFC 2026-002',
      '```',
      '',
      '    RFC 2026-003 in indented code',
      '',
      '<!-- RFC 2026-004 in a comment -->',
      '',
      'myRFC 2026-005, RFC 2026-0061 and RFC 20266-007 and RFC 2026-',
      '',
      '~~~md',
      'rfc/2026-008',
      '~~~',
    ].join('\n');
    assert.deepEqual(mentions(text), ['0:26 RFC 2026-001 → 2026-001', '10:16 RFC 2026-0061 → 2026-0061']);
  });

  it('finds mentions in headings, lists, tables, quotes and later lines of a paragraph', () => {
    const text = [
      '# RFC: Follows RFC 2026-001',
      '',
      '- replaces RFC 2026-002',
      '',
      '| RFC | Why |',
      '|---|---|',
      '| RFC 2026-003 | `RFC 2026-009` RFC 2026-004 |',
      '',
      '> quoted RFC 2026-005',
      '',
      'first line',
      'second line names RFC 2026-006  ',
      'and a hard break then RFC 2026-007',
    ].join('\n');
    assert.deepEqual(mentions(text), [
      '0:15 RFC 2026-001 → 2026-001',
      '2:11 RFC 2026-002 → 2026-002',
      '6:2 RFC 2026-003 → 2026-003',
      '6:32 RFC 2026-004 → 2026-004',
      '8:9 RFC 2026-005 → 2026-005',
      '11:18 RFC 2026-006 → 2026-006',
      '12:22 RFC 2026-007 → 2026-007',
    ]);
  });

  it('counts rfc/2026-003 in a link target once, and not again when the link text mentions it', () => {
    const text = [
      'See [the cache design](https://wiki.example.com/rfc/2026-003) for details.',
      '[RFC 2026-004](https://wiki.example.com/RFC/2026-004/) is older.',
      '<https://wiki.example.com/rfc/2026-005>',
      '[RFC 2026-001](../rfcs/2026-002-other.md) names only 2026-001.',
      '![RFC 2026-009 diagram](rfc-2026-009.png)',
    ].join('\n');
    assert.deepEqual(mentions(text), [
      '0:48 rfc/2026-003 → 2026-003',
      '1:1 RFC 2026-004 → 2026-004',
      '2:26 rfc/2026-005 → 2026-005',
      '3:1 RFC 2026-001 → 2026-001',
    ]);
  });

  it('places repeated mentions on a line, and mentions after a code span with the same text, on the right occurrence', () => {
    const text = 'RFC 2026-001 and `RFC 2026-001`, RFC 2026-001 *and* **RFC 2026-002** | RFC 2026-002\n';
    assert.deepEqual(mentions(text), [
      '0:0 RFC 2026-001 → 2026-001',
      '0:33 RFC 2026-001 → 2026-001',
      '0:54 RFC 2026-002 → 2026-002',
      '0:71 RFC 2026-002 → 2026-002',
    ]);
  });

  it('gives document lines across sections, with CRLF line ends, and the same after an incremental edit', () => {
    const text = rfc('2026-001', 'A', 'Needs RFC 2026-002.').replace(/\n/g, '\r\n') + '## Motivation\r\n\r\nUnlike RFC 2026-003.\r\n';
    const first = analyzeDocument(text, template);
    const lines = text.split('\r\n');
    assert.deepEqual(
      mentionsOf(first.model).map((m) => m.range.start.line),
      [lines.findIndex((l) => l.includes('2026-002')), lines.findIndex((l) => l.includes('2026-003'))],
    );
    const edited = text.replace('Needs RFC 2026-002.', 'Needs RFC 2026-002.\r\n\r\nAnd RFC 2026-004.');
    const incremental = mentionsOf(analyzeDocument(edited, template, {}, first).model);
    assert.deepEqual(incremental, mentionsOf(analyzeDocument(edited, template).model));
    assert.deepEqual(
      incremental.map((m) => m.number),
      ['2026-002', '2026-004', '2026-003'],
    );
  });
});

describe('workspace: index entries', () => {
  it('keeps number, file number, title without the template prefix, status, completeness, mentions and ranges', () => {
    const e = entry('2026-004-search-cache.md', rfc('2026-003', 'Search *Result* Caching', 'After RFC 2026-001.'));
    assert.equal(e.uri, 'file:///ws/rfcs/2026-004-search-cache.md');
    assert.equal(e.number, '2026-003');
    assert.equal(e.fileNumber, '2026-004');
    assert.equal(e.title, 'Search Result Caching');
    assert.equal(e.status, 'Draft');
    assert.equal(e.series, 'rfc number');
    assert.ok(e.percent > 0 && e.percent < 100);
    assert.deepEqual(e.titleRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 30 } });
    assert.deepEqual(e.numberRange, { start: { line: 2, character: 16 }, end: { line: 2, character: 24 } });
    assert.deepEqual(e.mentions, [{ number: '2026-001', range: { start: { line: 7, character: 6 }, end: { line: 7, character: 18 } } }]);
    assert.ok(!('text' in e), 'no text');
  });

  it('leaves out placeholders and absent lines; falls back to the file name for the title', () => {
    const e = entry('notes.md', template.text);
    assert.equal(e.number, undefined);
    assert.equal(e.status, undefined);
    assert.equal(e.fileNumber, undefined);
    assert.equal(e.title, '[Feature Name]');
    const bare = entry('2026-010-bare.md', '**RFC Number**: 2026-010\n\nNo heading.\n');
    assert.equal(bare.title, '2026-010-bare');
    assert.equal(bare.fileNumber, '2026-010');
    assert.equal(entry('20260-1.md', rfc(undefined, 'X')).fileNumber, undefined);
  });

  it('compares numbers by value', () => {
    assert.equal(numberKey('2026-003'), numberKey('2026-3'));
    assert.equal(numberKey('2026_003'), numberKey(' 2026-003 '));
    assert.notEqual(numberKey('2026-003'), numberKey('2025-003'));
    assert.equal(numberKey('ADR-7'), numberKey('adr-7'));
  });
});

describe('workspace: cross-file findings', () => {
  const a = entry('2026-001-a.md', rfc('2026-001', 'A', 'Replaces RFC 2026-002 and RFC 2026-009; see rfc/2026-3.'));
  const b = entry('2026-002-b.md', rfc('2026-001', 'B'));
  const c = entry('2026-003-c.md', rfc(undefined, 'C'));
  const all = [a, b, c];

  it('duplicate-number: both RFCs, each naming the other file, on the number (an error)', () => {
    const onA = workspaceFindings(a, all).filter((f) => f.ruleId === 'duplicate-number');
    const onB = workspaceFindings(b, all).filter((f) => f.ruleId === 'duplicate-number');
    assert.equal(onA.length, 1);
    assert.equal(onA[0].message, 'RFC number 2026-001 is also used by 2026-002-b.md: give one of them a new number.');
    assert.equal(onA[0].severity, 'error');
    assert.deepEqual(onA[0].range, a.numberRange);
    assert.deepEqual(onA[0].data, { metadataKey: 'rfc number' });
    assert.match(onB[0].message, /also used by 2026-001-a\.md:/);
    assert.deepEqual(ids(workspaceFindings(c, all)), [], 'C is numbered by its file name only, and alone');
  });

  it('duplicate-number: names every other file; by file name number too; not across series; not the same file twice', () => {
    const d = entry('2026-001-d.md', rfc(undefined, 'D'));
    const adr = indexEntryOf(
      'file:///ws/adr/2026-001-x.md',
      '2026-001-x.md',
      analyzeDocument('# ADR: X\n\n**ADR Number**: 2026-001\n', buildTemplateModel('# ADR: [Decision]\n\n**ADR Number**: [YYYY-NNN]\n\n## Context\n[Forces]\n')),
    );
    const list = [a, b, d, adr, { ...a }];
    const [finding] = workspaceFindings(d, list).filter((f) => f.ruleId === 'duplicate-number');
    assert.equal(finding.message, 'RFC number 2026-001 is also used by 2026-001-a.md and 2026-002-b.md: give one of them a new number.');
    assert.deepEqual(finding.range, d.titleRange, 'no number line: on the title');
    assert.equal(finding.data, undefined);
    assert.deepEqual(ids(workspaceFindings(adr, list)), [], 'an ADR series of its own');
  });

  it('names files by more of their path when two share a name', () => {
    const other = { ...b, uri: 'file:///ws/old/2026-001-a.md', fileName: '2026-001-a.md' };
    const [finding] = workspaceFindings(a, [a, other]).filter((f) => f.ruleId === 'duplicate-number');
    assert.match(finding.message, /also used by old\/2026-001-a\.md:/);
  });

  it('number-mismatch: the file name number differs from the number line (a warning); equal by value is no mismatch', () => {
    const [finding] = workspaceFindings(b, all).filter((f) => f.ruleId === 'number-mismatch');
    assert.equal(finding.message, 'The file name says 2026-002 but the RFC number is 2026-001: rename the file or correct the number.');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, b.numberRange);
    const same = entry('2026-005-e.md', rfc('2026-5', 'E'));
    assert.deepEqual(ids(workspaceFindings(same, [same])).filter((f) => f.endsWith('number-mismatch')), []);
  });

  it('unknown-reference: a mention no RFC has, by number or by file name number (a warning)', () => {
    const found = workspaceFindings(a, all).filter((f) => f.ruleId === 'unknown-reference');
    // 2026-002 is b's file name number (b's number line says 2026-001); 2026-3 is c's file name number.
    assert.deepEqual(found.map((f) => f.message), ['No RFC in the workspace has the number 2026-009: check the number, or add that RFC to the workspace.']);
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(found[0].range, a.mentions[1].range);
    assert.equal(workspaceView(all).resolve('2026-002'), b);
    assert.equal(workspaceView(all).resolve('2026-001'), a, 'the first by URI of two with one number');
  });

  it('findings are sorted by position and respect suppression comments and rule settings', () => {
    const text = rfc('2026-001', 'A', 'RFC 2026-008 <!-- rfc-disable-line unknown-reference -->\n\n<!-- rfc-disable-next-line -->\nRFC 2026-009\n\nRFC 2026-010\n');
    const analysis = analyzeDocument(text, template);
    const e = indexEntryOf('file:///ws/rfcs/2026-002-x.md', '2026-002-x.md', analysis);
    const raw = workspaceFindings(e, [e, b]);
    assert.deepEqual(
      raw.map((f) => f.ruleId),
      ['duplicate-number', 'number-mismatch', 'unknown-reference', 'unknown-reference', 'unknown-reference'],
    );
    const kept = applyAnalysisSettings(raw, analysis);
    assert.deepEqual(kept.map((f) => `${f.range.start.line} ${f.ruleId}`), ['2 duplicate-number', '2 number-mismatch', `${text.split('\n').indexOf('RFC 2026-010')} unknown-reference`]);
    const filter = findingFilterOf(analysis, { 'number-mismatch': 'off', 'duplicate-number': 'hint' });
    assert.ok(filter.directives.length === 2, 'only directives that can touch the workspace rules are kept');
    assert.deepEqual(
      applyFindingFilter(raw, filter).map((f) => `${f.ruleId} ${f.severity}`),
      ['duplicate-number hint', 'unknown-reference warning'],
    );
    const fileOff = analyzeDocument(`<!-- rfc-disable-file duplicate-number number-mismatch -->\n${text}`, template);
    assert.deepEqual(applyAnalysisSettings(workspaceFindings(indexEntryOf(e.uri, e.fileName, fileOff), [e, b]), fileOff).map((f) => f.ruleId), ['unknown-reference']);
  });

  it('a rule that throws becomes one finding', () => {
    const broken = { ...a, mentions: null } as unknown as RfcIndexEntry;
    const findings = workspaceFindings(broken, all);
    assert.ok(findings.some((f) => f.ruleId === 'unknown-reference' && /failed on this document/.test(f.message)));
  });
});

describe('workspace: numbering', () => {
  it('nextRfcNumber also counts the numbers taken elsewhere, of that year only', () => {
    const existing = [{ fileName: '2026-004-x.md', head: '' }];
    assert.equal(nextRfcNumber(template, existing, 2026), '2026-005');
    assert.equal(nextRfcNumber(template, existing, 2026, ['2026-011', '2027-050', 'junk']), '2026-012');
    assert.equal(nextRfcNumber(template, [], 2027, ['2026-011', '2027-050']), '2027-051');
  });
});
