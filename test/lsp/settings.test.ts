import * as assert from 'node:assert/strict';
import { DiagnosticSeverity, DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { disposeAllClients, LspClient } from '../support/lspClient';
import { byCode, rfcUri, sectionSpan, templateText } from '../support/lspDocuments';

const PLAIN = '# Cache notes\n\nSome thoughts about caching.\n';

/** The template without its Timeline section: placeholders and one missing section. */
function templateWithoutTimeline(): string {
  const text = templateText();
  const timeline = sectionSpan(text, 'Timeline');
  return text.slice(0, timeline.start) + text.slice(timeline.end);
}

describe('language server: settings', () => {
  afterEach(disposeAllClients);

  it('pulls the rfc section once per workspace folder, scoped to the folder, and per document outside them', async () => {
    const client = await LspClient.start();
    const first = rfcUri('2026-301-pull.md');
    const second = rfcUri('2026-304-pull.md');
    const outside = 'file:///elsewhere/2026-305-pull.md';
    for (const uri of [first, second, outside]) {
      client.open(uri, templateText());
      await client.waitForDiagnostics(uri);
    }
    const scopes = client.configurationRequests.flat();
    // VS Code's resource settings differ by workspace folder only: one question answers every file in it.
    assert.equal(scopes.filter((s) => s === 'file:///ws').length, 1, JSON.stringify(scopes));
    assert.ok(!scopes.includes(first) && !scopes.includes(second), JSON.stringify(scopes));
    assert.ok(scopes.includes(outside), JSON.stringify(scopes));
  });

  it('applies rule settings present when the document opens', async () => {
    const client = await LspClient.start({ settings: { rules: { placeholder: 'off', 'missing-section': 'error' } } });
    const uri = rfcUri('2026-302-open.md');
    client.open(uri, templateWithoutTimeline());
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(byCode(published.diagnostics, 'placeholder'), []);
    const missing = byCode(published.diagnostics, 'missing-section');
    assert.equal(missing.length, 1);
    assert.equal(missing[0].severity, DiagnosticSeverity.Error);
  });

  it('drops placeholder diagnostics when rules.placeholder is turned off (didChangeConfiguration)', async () => {
    const client = await LspClient.start();
    const uri = rfcUri('2026-303-change.md');
    client.open(uri, templateWithoutTimeline());
    const before = await client.waitForDiagnostics(uri);
    assert.ok(byCode(before.diagnostics, 'placeholder').length > 0);

    client.changeSettings({ rules: { placeholder: 'off' } });
    const after = await client.waitForDiagnostics(uri, (p) => byCode(p.diagnostics, 'placeholder').length === 0, 5_000);
    assert.equal(byCode(after.diagnostics, 'missing-section').length, 1, 'the other rules still report');
    assert.equal(after.version, 1);
    assert.deepEqual(client.configurationRequests.at(-1), ['file:///ws'], 'the settings were pulled again, for the document\'s folder');
    // Requests answer under the new settings too.
    const report = await client.completeness(uri);
    assert.equal(report?.version, 1);

    client.changeSettings({});
    await client.waitForDiagnostics(uri, (p) => byCode(p.diagnostics, 'placeholder').length > 0, 5_000);
  });

  it('applies rfc.aliases and rfc.statuses: a team heading stands for its section, a team status has its stage', async () => {
    const text = templateText()
      .replace('## Summary', '## The Gist')
      .replace('[Draft/Under Review/Approved/Implemented]', 'Active');
    const without = await LspClient.start();
    const uri = rfcUri('2026-304-team-words.md');
    without.open(uri, text);
    const plain = await without.waitForDiagnostics(uri);
    assert.ok(byCode(plain.diagnostics, 'missing-section').some((d) => String(d.message).includes("'Summary'")));
    assert.ok(byCode(plain.diagnostics, 'metadata').some((d) => String(d.message).includes("'Active'")));
    assert.equal(byCode(plain.diagnostics, 'placeholder')[0].severity, DiagnosticSeverity.Warning, 'no stage: the rule keeps its own severity');

    const client = await LspClient.start({ settings: { aliases: { Summary: ['The Gist'] }, statuses: { Active: 'approved' } } });
    client.open(uri, text);
    const team = await client.waitForDiagnostics(uri);
    assert.ok(!byCode(team.diagnostics, 'missing-section').some((d) => String(d.message).includes("'Summary'")));
    assert.deepEqual(byCode(team.diagnostics, 'metadata').filter((d) => String(d.message).includes('Active')), []);
    assert.equal(byCode(team.diagnostics, 'placeholder')[0].severity, DiagnosticSeverity.Error, 'Active is approved: placeholders are errors');
  });

  it('treats a plain markdown file matching an rfc.files glob as an RFC', async () => {
    const client = await LspClient.start({ settings: { files: ['docs/designs/**/*.md'] } });
    const matching = 'file:///ws/docs/designs/cache.md';
    const other = 'file:///ws/docs/other/cache.md';
    client.open(matching, PLAIN);
    client.open(other, PLAIN);
    const [m, o] = await Promise.all([client.waitForDiagnostics(matching), client.waitForDiagnostics(other)]);
    assert.ok(byCode(m.diagnostics, 'missing-section').length > 0, 'an RFC with nearly everything missing');
    assert.deepEqual(o.diagnostics, []);
    assert.ok(await client.completeness(matching));
    assert.equal(await client.completeness(other), null);
  });

  it('uses the default globs (rfcs/, rfc/) relative to the workspace folder', async () => {
    const client = await LspClient.start();
    const uris = ['file:///ws/rfcs/notes.md', 'file:///ws/a/b/rfc/notes.md', 'file:///ws/designs/notes.md'];
    for (const uri of uris) client.open(uri, PLAIN);
    const published = await Promise.all(uris.map((u) => client.waitForDiagnostics(u)));
    assert.deepEqual(
      published.map((p) => p.diagnostics.length > 0),
      [true, true, false],
    );
  });

  it('makes an open file an RFC when rfc.files starts matching it (didChangeConfiguration)', async () => {
    const client = await LspClient.start();
    const uri = 'file:///ws/docs/designs/cache.md';
    client.open(uri, PLAIN);
    const before = await client.waitForDiagnostics(uri);
    assert.deepEqual(before.diagnostics, []);

    client.changeSettings({ files: ['docs/designs/*.md'] });
    const after = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 5_000);
    assert.ok(byCode(after.diagnostics, 'missing-section').length > 0);
  });

  it('matches rfc.files relative to workspace folders added and removed later', async () => {
    const client = await LspClient.start({ settings: { files: ['designs/*.md'] } });
    const uri = 'file:///other/designs/cache.md';
    client.open(uri, PLAIN);
    assert.deepEqual((await client.waitForDiagnostics(uri)).diagnostics, [], 'outside every folder: other/designs/cache.md');

    client.changeWorkspaceFolders(['file:///other']);
    const added = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 5_000);
    assert.ok(byCode(added.diagnostics, 'missing-section').length > 0);

    client.changeWorkspaceFolders([], ['file:///other']);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 5_000);
  });

  it('falls back to the defaults on a malformed settings reply', async () => {
    const client = await LspClient.start({ settings: { files: 'rfcs', rules: { placeholder: 'loud', nosuchrule: 'off' } } });
    const uri = rfcUri('2026-304-malformed.md');
    client.open(uri, templateText());
    const published = await client.waitForDiagnostics(uri);
    assert.ok(byCode(published.diagnostics, 'placeholder').every((d) => d.severity === DiagnosticSeverity.Warning));
    assert.ok(byCode(published.diagnostics, 'placeholder').length > 0);
    assert.deepEqual(client.failureOutput(), []);
  });

  it('uses the defaults when the client cannot answer workspace/configuration', async () => {
    const client = await LspClient.start({ configuration: false, settings: { rules: { placeholder: 'off' } } });
    const uri = rfcUri('2026-305-nopull.md');
    client.open(uri, templateText());
    const published = await client.waitForDiagnostics(uri);
    assert.ok(byCode(published.diagnostics, 'placeholder').length > 0);
    assert.deepEqual(client.configurationRequests, []);
  });

  it('honours the rfc section a client without workspace/configuration pushes (Neovim 0.7): at start and on change', async () => {
    const client = await LspClient.start({ configuration: false, initializationOptions: { settings: { rfc: { rules: { 'missing-section': 'error' } } } } });
    const uri = rfcUri('2026-306-push.md');
    client.open(uri, templateWithoutTimeline());
    const first = await client.waitForDiagnostics(uri);
    assert.equal(byCode(first.diagnostics, 'missing-section')[0]?.severity, DiagnosticSeverity.Error, 'initializationOptions.settings.rfc');
    assert.ok(byCode(first.diagnostics, 'placeholder').length > 0);

    client.sendNotification(DidChangeConfigurationNotification.method, { settings: { rfc: { rules: { placeholder: 'off' } } } });
    const pushed = await client.waitForDiagnostics(uri, (p) => byCode(p.diagnostics, 'placeholder').length === 0, 5_000);
    assert.equal(byCode(pushed.diagnostics, 'missing-section')[0]?.severity, DiagnosticSeverity.Warning, 'the pushed section replaces the whole section');
    // Another section's change (`{ settings: { editor: … } }`) leaves the rfc one as pushed.
    client.sendNotification(DidChangeConfigurationNotification.method, { settings: { editor: { tabSize: 2 } } });
    client.replace(uri, '## Summary', '## Summary ');
    const later = await client.waitForVersion(uri);
    assert.deepEqual(byCode(later.diagnostics, 'placeholder'), []);
    assert.deepEqual(client.configurationRequests, [], 'never asked');
    assert.deepEqual(client.failureOutput(), []);
  });

  it('honours a pushed rfc section when the client can be asked but answers null (newer Neovim with empty config.settings)', async () => {
    const client = await LspClient.start({ settings: null });
    const uri = rfcUri('2026-307-push-and-pull.md');
    client.open(uri, templateWithoutTimeline());
    const first = await client.waitForDiagnostics(uri);
    assert.ok(byCode(first.diagnostics, 'placeholder').length > 0, 'a null answer means the defaults');

    const asked = client.configurationRequests.length;
    client.sendNotification(DidChangeConfigurationNotification.method, { settings: { rfc: { rules: { placeholder: 'off', 'missing-section': 'error' } } } });
    const pushed = await client.waitForDiagnostics(uri, (p) => byCode(p.diagnostics, 'placeholder').length === 0, 5_000);
    assert.equal(byCode(pushed.diagnostics, 'missing-section')[0]?.severity, DiagnosticSeverity.Error);
    assert.ok(client.configurationRequests.length > asked, 'asked again after the push, and answered null');

    // A client that does answer wins over what it pushed (VS Code answers per folder).
    client.changeSettings({ rules: { 'missing-section': 'hint' } });
    const answered = await client.waitForDiagnostics(uri, (p) => byCode(p.diagnostics, 'missing-section')[0]?.severity === DiagnosticSeverity.Hint, 5_000);
    assert.ok(byCode(answered.diagnostics, 'placeholder').length > 0, 'the answer replaces the pushed section');
    assert.deepEqual(client.failureOutput(), []);
  });
});
