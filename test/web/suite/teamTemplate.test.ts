import { assert } from 'chai';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, openAnalysed, readText, rfcDiagnostics, ruleOf, waitUntil, workspaceUri } from './helpers';

/** A section only the team's template has. */
const TEAM_SECTION = 'Web Rollout';

describe('a team template on the web', () => {
  const teamTemplate = () => workspaceUri('.rfc', 'template.md');
  afterEach(closeAllEditors);
  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri('.rfc'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('checks RFCs against .rfc/template.md, read by the worker server through the workspace file system', async () => {
    const api = await extensionApi();
    const rfc = workspaceUri('docs', '2026-002-rate-limiting.md');
    await openAnalysed(api, rfc);
    assert.deepEqual(rfcDiagnostics(rfc).map((d) => d.message), [], 'complete against the built-in template');

    const builtIn = await readText(workspaceUri('docs', 'rfc-template.md'));
    await vscode.workspace.fs.writeFile(teamTemplate(), new TextEncoder().encode(`${builtIn.trimEnd()}\n\n## ${TEAM_SECTION}\n\n[How the change reaches users of vscode.dev]\n`));
    const missing = await waitUntil(
      `a missing-section problem for '${TEAM_SECTION}'`,
      () => rfcDiagnostics(rfc).find((d) => ruleOf(d) === 'missing-section' && d.message.includes(`'${TEAM_SECTION}'`)),
      [vscode.languages.onDidChangeDiagnostics],
    );
    assert.deepEqual(rfcDiagnostics(rfc).map((d) => d.message), [missing.message], 'the only finding is the team section');

    await vscode.workspace.fs.delete(teamTemplate());
    await waitUntil('the built-in template back: no problems', () => rfcDiagnostics(rfc).length === 0 || undefined, [vscode.languages.onDidChangeDiagnostics]);
  });
});
