import { assert } from 'chai';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionApi } from './helpers';

describe('RFC Assistant in the web worker extension host', () => {
  it('runs in a Web Worker: UI kind Web, no Node process, the browser entry loaded, its server started', async () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'a Node process object in the extension host');
    assert.equal(typeof WorkerGlobalScope, 'function');
    assert.instanceOf(self, WorkerGlobalScope, 'the extension host is a Web Worker');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.packageJSON.browser, './dist/web/client.js');
    const api = await extensionApi();
    assert.isTrue(extension.isActive);
    assert.isTrue(api.state.serverRunning, 'the worker language server is running');
  });
});
