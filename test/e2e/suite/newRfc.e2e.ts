import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, workspaceUri } from './helpers';

const year = new Date().getFullYear();
const pad = (n: number) => String(n).padStart(2, '0');
const today = `${year}-${pad(new Date().getMonth() + 1)}-${pad(new Date().getDate())}`;

async function listRfcs(): Promise<string[]> {
  try {
    return (await vscode.workspace.fs.readDirectory(workspaceUri('rfcs'))).map(([name]) => name).sort();
  } catch {
    return [];
  }
}

/**
 * One more than the highest `**RFC Number**:` of this year in the workspace's markdown
 * files: New RFC numbers after every RFC of the workspace index, not only the folder's
 * (the fixture's docs/2026-002-rate-limiting.md counts in 2026).
 */
async function nextNumberInWorkspace(): Promise<number> {
  let highest = 0;
  for (const uri of await vscode.workspace.findFiles('**/*.md', '**/node_modules/**')) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    for (const m of text.matchAll(new RegExp(`^\\*\\*RFC Number\\*\\*: ${year}-(\\d+)`, 'gm'))) highest = Math.max(highest, Number(m[1]));
  }
  return highest + 1;
}

const number = (n: number) => `${year}-${String(n).padStart(3, '0')}`;

async function newRfc(title: string, authors = 'Ana Costa'): Promise<vscode.Uri | undefined> {
  return vscode.commands.executeCommand<vscode.Uri | undefined>('rfc.newRfc', { title, authors });
}

describe('New RFC in the real editor', () => {
  afterEach(closeAllEditors);
  /** The number the first New RFC gets. */
  let first = 0;
  before(async () => {
    first = await nextNumberInWorkspace();
  });

  it('creates rfcs/<year>-<next number>-<slug>.md with the metadata filled and the Summary placeholder selected', async () => {
    await extensionApi();
    const uri = await newRfc('Per-Tenant Rate Limiting');
    assert.ok(uri);
    assert.equal(path.posix.relative(workspaceUri().path, uri.path), `rfcs/${number(first)}-per-tenant-rate-limiting.md`);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.deepEqual(text.split('\n').slice(0, 7), [
      '# RFC: Per-Tenant Rate Limiting',
      '',
      `**RFC Number**: ${number(first)}  `,
      '**Status**: Draft  ',
      `**Last Updated**: ${today}  `,
      '**Author(s)**: Ana Costa  ',
      '**Reviewer(s)**: [Names]',
    ]);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor.document.getText(editor.selection), '[One paragraph executive summary of the proposal]');
  });

  it('numbers the next RFC one more', async () => {
    const uri = await newRfc('Search Result Caching');
    assert.ok(uri);
    assert.equal(path.posix.basename(uri.path), `${number(first + 1)}-search-result-caching.md`);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), new RegExp(`\\*\\*RFC Number\\*\\*: ${number(first + 1)} `));
  });

  it('refuses to overwrite what is already at the target path', async () => {
    // A folder named like the next file: it is no RFC (so numbering skips it) but it is in the way.
    const blocker = workspaceUri('rfcs', `${number(first + 2)}-clash.md`);
    await vscode.workspace.fs.createDirectory(blocker);
    const before = await listRfcs();
    assert.equal(await newRfc('Clash'), undefined);
    assert.deepEqual(await listRfcs(), before);
    assert.equal((await vscode.workspace.fs.stat(blocker)).type, vscode.FileType.Directory);
    await vscode.workspace.fs.delete(blocker, { recursive: true });
  });

  it('keeps hostile titles inside the RFC folder', async () => {
    const rootBefore = (await vscode.workspace.fs.readDirectory(workspaceUri())).map(([n]) => n).sort();
    const created: string[] = [];
    for (const title of ['../../x', 'a/b', 'CON', '🚀 Launch ✨', '🚀']) {
      const uri = await newRfc(title);
      assert.ok(uri, `a file for ${JSON.stringify(title)}`);
      assert.equal(path.posix.dirname(uri.path), workspaceUri('rfcs').path, `${JSON.stringify(title)} stays in rfcs/`);
      created.push(path.posix.basename(uri.path).replace(/^\d{4}-\d{3}-/, ''));
    }
    assert.deepEqual(created, ['x.md', 'a-b.md', 'con-rfc.md', 'launch.md', 'untitled.md']);
    const before = await listRfcs();
    assert.equal(await newRfc('x'.repeat(500)), undefined, 'a 500-character title is refused');
    assert.deepEqual(await listRfcs(), before);
    assert.deepEqual((await vscode.workspace.fs.readDirectory(workspaceUri())).map(([n]) => n).sort(), rootBefore);
  });
});
