import { assert } from 'chai';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, readText, workspaceUri } from './helpers';

const year = new Date().getFullYear();
const number = (n: number) => `${year}-${String(n).padStart(3, '0')}`;

/** One more than the highest `**RFC Number**:` of this year among the workspace's markdown files, read here independently. */
async function nextNumberInWorkspace(): Promise<number> {
  let highest = 0;
  for (const uri of await vscode.workspace.findFiles('**/*.md', '**/node_modules/**')) {
    for (const m of (await readText(uri)).matchAll(new RegExp(`^\\*\\*RFC Number\\*\\*: ${year}-(\\d+)`, 'gm'))) highest = Math.max(highest, Number(m[1]));
  }
  return highest + 1;
}

describe('New RFC on the web', () => {
  afterEach(closeAllEditors);

  it('writes rfcs/<year>-<next number>-<slug>.md through the workspace file system and opens it', async () => {
    await extensionApi();
    const next = await nextNumberInWorkspace();
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('rfc.newRfc', { title: 'Web Review Checklist', authors: 'Ana Costa' });
    assert.ok(uri, 'New RFC returned no file');
    assert.equal(uri.toString(), workspaceUri('rfcs', `${number(next)}-web-review-checklist.md`).toString());
    assert.equal((await vscode.workspace.fs.stat(uri)).type, vscode.FileType.File);
    const lines = (await readText(uri)).split('\n');
    assert.equal(lines[0], '# RFC: Web Review Checklist');
    assert.include(lines, `**RFC Number**: ${number(next)}  `);
    assert.include(lines, '**Author(s)**: Ana Costa  ');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  });

  it('numbers the next RFC one more', async () => {
    const next = await nextNumberInWorkspace();
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('rfc.newRfc', { title: 'Offline Drafts', authors: 'Li Wei' });
    assert.ok(uri, 'New RFC returned no file');
    assert.equal(uri.path.slice(uri.path.lastIndexOf('/') + 1), `${number(next)}-offline-drafts.md`);
    assert.match(await readText(uri), new RegExp(`\\*\\*RFC Number\\*\\*: ${number(next)} `));
  });
});
