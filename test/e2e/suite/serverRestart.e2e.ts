import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, openAnalysed, rfcDiagnostics, waitUntil, workspaceUri } from './helpers';

/** The language server: the child of this extension host that runs dist/server.js. */
function serverPid(): number {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // Field 4 of /proc/PID/stat is the parent's pid; the name (field 2) may hold spaces, so read after it.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/server.js');
      } catch {
        return false; // gone meanwhile
      }
    });
  assert.equal(pids.length, 1, `one language server under the extension host, found ${pids.join(', ')}`);
  return Number(pids[0]);
}

describe('a language server that dies in the real editor', () => {
  afterEach(closeAllEditors);

  it('is shown as stopped in the status bar and views (no stale numbers), and comes back with its diagnostics', async () => {
    const api = await extensionApi();
    const uri = workspaceUri('docs', 'missing-security.md');
    await openAnalysed(api, uri);
    await waitUntil('the completeness in the status bar', () => /^\$\(checklist\) RFC \d+%$/.test(api.statusBar.text ?? '') || undefined, [api.statusBar.onDidUpdate]);
    await waitUntil('the RFCs view', () => api.rfcList.getChildren().length > 0 || undefined, [api.rfcList.onDidRefresh]);
    const before = rfcDiagnostics(uri).length;
    assert.ok(before > 0);

    const pid = serverPid();
    process.kill(pid, 'SIGKILL');
    await waitUntil('the stopped server in the status bar', () => api.statusBar.text === '$(debug-disconnect) RFC server stopped' || undefined, [api.statusBar.onDidUpdate]);
    assert.equal(api.state.serverRunning, false);
    assert.equal(api.state.analysisOf(uri), undefined, 'nothing kept from the dead server');
    assert.deepEqual(api.sections.getChildren(), []);
    assert.deepEqual(api.rfcList.getChildren(), []);

    // vscode-languageclient's default error handler restarts a server that crashed.
    await waitUntil('the restarted server', () => api.state.serverRunning || undefined, [api.state.onDidChangeServer], 60_000);
    await waitUntil('the RFC analysed again', () => api.state.analysisOf(uri)?.isRfc || undefined, [api.state.onDidAnalyze], 60_000);
    await waitUntil('the completeness back in the status bar', () => /^\$\(checklist\) RFC \d+%$/.test(api.statusBar.text ?? '') || undefined, [api.statusBar.onDidUpdate]);
    await waitUntil('the diagnostics back', () => rfcDiagnostics(uri).length === before || undefined, [vscode.languages.onDidChangeDiagnostics]);
    await waitUntil('the sections view', () => api.sections.getChildren().length > 0 || undefined, [api.sections.onDidRefresh]);
    await waitUntil('the RFCs view', () => api.rfcList.getChildren().length > 0 || undefined, [api.rfcList.onDidRefresh], 60_000);
    assert.notEqual(serverPid(), pid);
  });
});
