import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, openAnalysed, rfcDiagnostics, waitUntil, workspaceUri, ruleOf } from './helpers';

/** Asks `find` again every 200 ms (the task system reads tasks.json in its own time) until it answers; fails after 30 s. */
async function poll<T>(what: string, find: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out after 30000 ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('commands and tasks in the real editor', () => {
  afterEach(closeAllEditors);

  it('RFC: Restart Language Server stops the server and starts a fresh one, whose diagnostics come back', async () => {
    const api = await extensionApi();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('rfc.restartServer') && commands.includes('rfc.showOutput'));
    const uri = workspaceUri('docs', 'missing-security.md');
    await openAnalysed(api, uri);
    // The first test of the suite: under load the diagnostics can land a moment after the analysis notice.
    await waitUntil('the diagnostics of the RFC', () => rfcDiagnostics(uri).length > 0 || undefined, [vscode.languages.onDidChangeDiagnostics]);
    const before = rfcDiagnostics(uri).map((d) => `${ruleOf(d)} ${d.message}`);

    const transitions: boolean[] = [];
    const recording = api.state.onDidChangeServer((running) => transitions.push(running));
    try {
      await vscode.commands.executeCommand('rfc.restartServer');
      await waitUntil('the restarted server', () => (transitions.includes(false) && api.state.serverRunning) || undefined, [api.state.onDidChangeServer], 60_000);
    } finally {
      recording.dispose();
    }
    assert.deepEqual(transitions.slice(0, 1), [false], 'the old server was stopped first');
    await waitUntil('the RFC analysed by the new server', () => api.state.analysisOf(uri)?.isRfc || undefined, [api.state.onDidAnalyze], 60_000);
    const after = await waitUntil(
      'the diagnostics back',
      () => (rfcDiagnostics(uri).length === before.length ? rfcDiagnostics(uri) : undefined),
      [vscode.languages.onDidChangeDiagnostics],
    );
    assert.deepEqual(after.map((d) => `${ruleOf(d)} ${d.message}`), before);
  });

  it('runs rfc-lint as a task of type rfc-lint from tasks.json, its findings in Problems through $rfc-lint', async () => {
    await extensionApi();
    const tasksJson = {
      version: '2.0.0',
      tasks: [{ type: 'rfc-lint', label: 'Check docs', paths: ['docs'], problemMatcher: '$rfc-lint' }],
    };
    await vscode.workspace.fs.writeFile(workspaceUri('.vscode', 'tasks.json'), new TextEncoder().encode(JSON.stringify(tasksJson, null, 2)));
    const task = await poll('the task from tasks.json', async () => (await vscode.tasks.fetchTasks({ type: 'rfc-lint' })).find((t) => t.name === 'Check docs'));
    assert.ok(task.execution instanceof vscode.ProcessExecution, 'the provider resolved the task to the bundled CLI');

    const ended = new Promise<number | undefined>((resolve) => {
      const listener = vscode.tasks.onDidEndTaskProcess((event) => {
        if (event.execution.task.name !== 'Check docs') return;
        listener.dispose();
        resolve(event.exitCode);
      });
    });
    await vscode.tasks.executeTask(task);
    assert.equal(await ended, 1, 'rfc-lint found warnings (exit code 1)');

    const uri = workspaceUri('docs', 'missing-security.md');
    const found = await waitUntil(
      'rfc-lint findings in Problems',
      () => {
        const fromTask = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'rfc-lint');
        return fromTask.length > 0 ? fromTask : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
    );
    const missing = found.find((d) => ruleOf(d) === 'missing-section');
    assert.ok(missing, JSON.stringify(found.map((d) => [ruleOf(d), d.message])));
    assert.match(missing.message, /Security Considerations/);
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
  });
});
