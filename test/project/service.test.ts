import * as assert from 'node:assert/strict';
import { MemoryFiles } from '../../server/src/project/memoryFiles';
import { prepareNewRfc } from '../../server/src/project/newRfc';
import { indexRecordOf, type IndexAnalyser } from '../../server/src/project/indexRecord';
import { ProjectService, type ProjectHost } from '../../server/src/project/service';
import { ruleIds } from '../../server/src/engine';
import { defaultTemplate } from '../support/engine';

/** The project service on an in-memory workspace: no disk, no server, no waiting on timers. */

const WS = 'file:///ws';
const TEAM_TEMPLATE = '# ADR: [Decision]\n\n**ADR Number**: [NNNN]\n\n## Context\n[Forces]\n\n## Decision\n[What we decided]\n';

function rfc(number: string, title: string, extra = ''): string {
  return `# RFC: ${title}\n\n**RFC Number**: ${number}\n**Status**: Draft\n\n## Summary\nText.${extra}\n`;
}

function project(files: MemoryFiles, over: Partial<ProjectHost> = {}): { service: ProjectService; log: string[]; open: Map<string, string> } {
  const log: string[] = [];
  const open = new Map<string, string>();
  const service = new ProjectService({
    files,
    builtInTemplate: defaultTemplate,
    openDocument: (uri) => (open.has(uri) ? { text: open.get(uri)!, version: 1 } : undefined),
    editorSettings: () => Promise.resolve(undefined),
    log: { error: (m) => log.push(m), info: (m) => log.push(m) },
    yieldNow: () => Promise.resolve(),
    ...over,
  });
  service.setFolders([WS]);
  return { service, log, open };
}

async function analyze(service: ProjectService, uri: string, text: string) {
  return service.analyze(uri, text);
}

describe('project service', () => {
  it('classifies documents once: by the files globs, by their looks, never a template', async () => {
    const files = new MemoryFiles().write(`${WS}/.rfc/template.md`, TEAM_TEMPLATE);
    const { service } = project(files);
    assert.equal((await analyze(service, `${WS}/rfcs/notes.md`, '# Notes\n\nPlain.\n')).isRfc, true, 'under rfcs/');
    assert.equal((await analyze(service, `${WS}/README.md`, '# Readme\n\nPlain.\n')).isRfc, false);
    assert.equal((await analyze(service, `${WS}/docs/a.md`, TEAM_TEMPLATE.replace('[Decision]', 'Queues'))).isRfc, true, 'the team template title');
    const template = await analyze(service, `${WS}/.rfc/template.md`, TEAM_TEMPLATE);
    assert.deepEqual([template.isTemplate, template.isRfc], [true, false]);
  });

  it('follows the nearest .rfcrc.json, its paths relative to its own folder', async () => {
    const files = new MemoryFiles()
      .write(`${WS}/.rfcrc.json`, JSON.stringify({ rules: { placeholder: 'off' } }))
      .write(`${WS}/team/.rfcrc.json`, JSON.stringify({ template: 'adr.md', files: ['decisions/*.md'] }))
      .write(`${WS}/team/adr.md`, TEAM_TEMPLATE);
    const { service } = project(files);
    const inTeam = await service.settingsFor(`${WS}/team/decisions/0001-db.md`);
    assert.equal(inTeam.configUri, `${WS}/team/.rfcrc.json`);
    assert.deepEqual(inTeam.values.rules, {}, 'the nearest file only: no cascade');
    const decision = await analyze(service, `${WS}/team/decisions/0001-db.md`, '# ADR: Use one database\n\n**ADR Number**: 0001\n\n## Context\nOne.\n');
    assert.equal(decision.isRfc, true, 'by the team globs, relative to team/');
    assert.deepEqual(
      decision.analysis.findings.filter((f) => f.ruleId === 'missing-section').map((f) => f.message),
      ["Missing section 'Decision' of the RFC: add '## Decision' after 'Context'."],
    );
    const elsewhere = await service.settingsFor(`${WS}/rfcs/2026-001-a.md`);
    assert.equal(elsewhere.configUri, `${WS}/.rfcrc.json`);
    assert.deepEqual(elsewhere.values.rules, { placeholder: 'off' });
  });

  it('names the keys of .rfcrc.json it cannot use, and reads the rest', async () => {
    const files = new MemoryFiles().write(`${WS}/.rfcrc.json`, JSON.stringify({ rulez: {}, rules: { placeholder: 'fatal', 'no-such-rule': 'off', metadata: 'off' }, files: 'rfcs' }));
    const { service, log } = project(files);
    const settings = await service.settingsFor(`${WS}/rfcs/a.md`);
    assert.deepEqual(settings.values.rules, { metadata: 'off' });
    const problems = service.problemsOf(`${WS}/.rfcrc.json`).map((p) => p.message.replace('/ws/.rfcrc.json: ', ''));
    assert.deepEqual(problems, [
      'unknown key "rulez" (the keys are files, rules, directory, template, templates, aliases, statuses).',
      '"files" must be a list of globs; the default is used.',
      `"rules"."placeholder": 'fatal' is not one of auto, off, hint, information, warning, error.`,
      `"rules": there is no rule 'no-such-rule' (the rules are ${ruleIds.join(', ')}).`,
    ]);
    assert.equal(log.length, 4, 'each logged once');
    await service.settingsFor(`${WS}/rfcs/b.md`);
    assert.equal(log.length, 4);
  });

  it('chooses templates (globs, then template, then discovery) and keeps untrusted reads inside the folders, links too', async () => {
    const files = new MemoryFiles()
      .write(`${WS}/.rfcrc.json`, JSON.stringify({ templates: { 'adr/**': 'templates/adr.md', 'ext/**': 'linked/adr.md' } }))
      .write(`${WS}/templates/adr.md`, TEAM_TEMPLATE)
      .write('file:///outside/adr.md', TEAM_TEMPLATE)
      .link(`${WS}/linked`, 'file:///outside');
    const { service, log } = project(files);
    const adr = await service.settingsFor(`${WS}/adr/0001-a.md`);
    assert.equal((await service.templateFor(`${WS}/adr/0001-a.md`, adr)).title?.text, 'ADR: [Decision]');
    const rfcs = await service.settingsFor(`${WS}/rfcs/2026-001-a.md`);
    assert.equal(await service.templateFor(`${WS}/rfcs/2026-001-a.md`, rfcs), defaultTemplate());

    service.setTrusted(false);
    const ext = await service.settingsFor(`${WS}/ext/0002-b.md`);
    assert.equal(await service.templateFor(`${WS}/ext/0002-b.md`, ext), defaultTemplate(), 'a link leading outside is refused');
    assert.ok(log.some((m) => m.includes('/ws/linked/adr.md') && m.includes('outside the workspace folders')), log.join('\n'));
    assert.equal((await service.templateFor(`${WS}/adr/0001-a.md`, adr)).title?.text, 'ADR: [Decision]', 'inside is still read');
    service.setTrusted(true);
    assert.equal((await service.templateFor(`${WS}/ext/0002-b.md`, ext)).title?.text, 'ADR: [Decision]');
  });

  it('indexes the folders, lets open documents stand in for their files, and gives cross-file findings', async () => {
    const files = new MemoryFiles()
      .write(`${WS}/rfcs/2026-001-a.md`, rfc('2026-001', 'A', ' See RFC 2026-404.'))
      .write(`${WS}/rfcs/2026-002-b.md`, rfc('2026-002', 'B'))
      .write(`${WS}/node_modules/x/rfcs/2026-009-dep.md`, rfc('2026-009', 'Dependency'))
      .write(`${WS}/notes/readme.md`, '# Readme\n');
    const { service } = project(files);
    await service.index.start();
    assert.deepEqual(
      service.index.list().map((r) => [r.number, r.title]),
      [
        ['2026-001', 'A'],
        ['2026-002', 'B'],
      ],
    );
    const a = await analyze(service, `${WS}/rfcs/2026-001-a.md`, rfc('2026-001', 'A', ' See RFC 2026-404.'));
    assert.deepEqual(service.crossFileFindings(a).map((f) => f.ruleId), ['unknown-reference']);

    // B, open and edited to take A's number: both get duplicate-number, from the overlay.
    const b = await analyze(service, `${WS}/rfcs/2026-002-b.md`, rfc('2026-001', 'B'));
    service.documentAnalysed(b);
    assert.deepEqual(service.crossFileFindings(b).map((f) => f.ruleId).sort(), ['duplicate-number', 'number-mismatch']);
    assert.ok(service.crossFileFindings(a).some((f) => f.ruleId === 'duplicate-number'));
    // Closed: the file on disk counts again.
    service.index.documentClosed(`${WS}/rfcs/2026-002-b.md`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(service.crossFileFindings(a).map((f) => f.ruleId), ['unknown-reference']);
  });

  it('indexes an RFC longer than the 8 KB it first classifies by exactly as analysing it whole does', async () => {
    // Sections on both sides of the 8 KB mark, one across it, with findings in each.
    const long = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} of the design, see RFC 2026-00${i % 3}.\n\n[Explain ${i}]`).join('\n\n');
    const text = `${rfc('2026-003', 'Long')}\n## Motivation\n${long}\n\n## Detailed Design\n[Describe the design]\n`;
    assert.ok(text.length > 3 * 8192, `the RFC is ${text.length} characters`);
    const uri = `${WS}/rfcs/2026-003-long.md`;
    const { service } = project(new MemoryFiles().write(uri, text));
    await service.index.start();
    const whole = await analyze(service, uri, text);
    const [listed] = service.index.list();
    assert.deepEqual(
      [listed.percent, listed.problems],
      [whole.analysis.completeness.percent, whole.analysis.findings.length + service.crossFileFindings(whole).length],
    );
    assert.ok(whole.analysis.findings.length > 10, 'findings on both sides of the mark');
  });

  it('indexes through an index analyser as far as it takes files, and itself when the analyser fails', async () => {
    const files = new MemoryFiles();
    for (let i = 1; i <= 6; i++) files.write(`${WS}/rfcs/2026-00${i}-r.md`, rfc(`2026-00${i}`, `R${i}`));
    files.write(`${WS}/notes/readme.md`, '# Readme\n');
    const expected = async () => {
      const { service } = project(files);
      await service.index.start();
      return service.index.list();
    };
    // One file in three taken (and analysed as the worker would), one refused, one failing.
    let offers = 0;
    const scans: [files: number, offersBefore: number][] = [];
    const analyser: IndexAnalyser = {
      scanning: (count) => scans.push([count, offers]),
      offer(job, template) {
        offers++;
        if (offers % 3 === 1) return Promise.resolve(indexRecordOf(job, template));
        if (offers % 3 === 2) return undefined;
        return Promise.reject(new Error('the index worker failed: gone'));
      },
    };
    const { service, log } = project(files, { indexAnalyser: analyser });
    await service.index.start();
    assert.equal(offers, 7);
    assert.deepEqual(scans, [[7, 0]], 'told how many files the scan reads, before the first is offered');
    assert.deepEqual(service.index.list(), await expected());
    assert.equal(service.index.list().length, 6);
    assert.ok(log.some((m) => /^Indexing file:\/\/\/ws\/.* in a worker failed, so here: the index worker failed: gone$/.test(m)), log.join('\n'));
  });

  it('numbers from the index and what it handed out, reading no file for a quick fix', async () => {
    const files = new MemoryFiles()
      .write(`${WS}/rfcs/2026-003-a.md`, rfc('2026-003', 'A'))
      .write(`${WS}/design/elsewhere.md`, rfc('2026-012', 'Elsewhere'));
    const { service } = project(files);
    await service.index.start();
    const doc = await analyze(service, `${WS}/rfcs/draft.md`, rfc('2026-001', 'Draft'));
    assert.equal(service.fixContext(doc, '2026-05-01').nextNumber, '2026-013');
    const first = await prepareNewRfc(service, { folderUri: WS, title: 'Queues', authors: 'Ana', date: '2026-05-01' });
    const second = await prepareNewRfc(service, { folderUri: WS, title: 'Caches', authors: 'Ana', date: '2026-05-01' });
    assert.deepEqual(
      [first, second].map((r) => ('error' in r ? r.error : [r.number, r.fileName, r.directoryUri])),
      [
        ['2026-013', '2026-013-queues.md', `${WS}/rfcs`],
        ['2026-014', '2026-014-caches.md', `${WS}/rfcs`],
      ],
    );
    assert.equal(service.fixContext(doc, '2026-05-01').nextNumber, '2026-015', 'numbers handed out stay taken');
  });

  it('numbers New RFC without reading a folder outside an untrusted workspace, even through a link', async () => {
    const files = new MemoryFiles()
      .write(`${WS}/rfcs/2026-003-a.md`, rfc('2026-003', 'A'))
      .write('file:///outside/2026-050-secret.md', rfc('2026-050', 'Secret'))
      .link(`${WS}/rfcs-out`, 'file:///outside');
    const { service } = project(files);
    await service.index.start();
    service.setTrusted(false);
    const untrusted = await prepareNewRfc(service, { directoryUri: `${WS}/rfcs-out`, title: 'Queues', authors: 'Ana', date: '2026-05-01' });
    assert.equal('error' in untrusted ? untrusted.error : untrusted.number, '2026-004', 'the linked folder lies outside: not read');
    service.setTrusted(true);
    const trusted = await prepareNewRfc(service, { directoryUri: `${WS}/rfcs-out`, title: 'Caches', authors: 'Ana', date: '2026-05-01' });
    assert.equal('error' in trusted ? trusted.error : trusted.number, '2026-051', 'trusted: the folder it writes into is read');
  });

  it('gives each file of nested workspace folders to the innermost one, indexed once', async () => {
    const files = new MemoryFiles()
      .write(`${WS}/rfcs/2026-001-a.md`, rfc('2026-001', 'A'))
      .write(`${WS}/sub/.rfcrc.json`, JSON.stringify({ files: ['*.md'] }))
      .write(`${WS}/sub/2026-002-b.md`, '# Just B\n\n**RFC Number**: 2026-002\n');
    const { service } = project(files);
    service.setFolders([WS, `${WS}/sub`]);
    assert.equal(service.folderOf(`${WS}/sub/2026-002-b.md`), `${WS}/sub`);
    await service.index.start();
    assert.deepEqual(
      service.index.list().map((r) => r.number),
      ['2026-001', '2026-002'],
    );
  });
});
