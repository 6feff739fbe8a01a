// Loads the extension under development into code-server's web-worker extension host and
// names the test bundle, by adding developmentOptions to the workbench's configuration as
// the page reads it. Rewriting the HTML (page.route) breaks the workbench's WebSocket, and
// a URL payload runs the extension as a remote one whose Worker cannot start
// (microsoft/vscode#144235); this is the route that works.

/**
 * Runs in the page before the workbench's scripts: `getAttribute('data-settings')` of the
 * configuration element returns the original JSON with `developmentOptions` added.
 * Serialised by Playwright, so it must not use anything from this module.
 */
function addDevelopmentOptions({ authority, extensionPath, testsPath }) {
  const original = Element.prototype.getAttribute;
  Element.prototype.getAttribute = function (name) {
    const value = original.call(this, name);
    if (name !== 'data-settings' || this.id !== 'vscode-workbench-web-configuration' || !value) return value;
    const settings = JSON.parse(value);
    settings.developmentOptions = {
      ...settings.developmentOptions,
      extensions: [{ scheme: 'http', authority, path: extensionPath }],
      ...(testsPath ? { extensionTestsPath: { scheme: 'http', authority, path: testsPath } } : {}),
    };
    return JSON.stringify(settings);
  };
}

/**
 * @param {any} context a Playwright browser context
 * @param {{ codeServerPort: number, staticPort: number, withTests: boolean }} options
 */
export async function loadExtensionInWorkbench(context, { codeServerPort, staticPort, withTests }) {
  await context.addInitScript(addDevelopmentOptions, {
    authority: `127.0.0.1:${codeServerPort}`,
    extensionPath: `/proxy/${staticPort}/ext`,
    testsPath: withTests ? `/proxy/${staticPort}/ext/dist/web/test/index.js` : '',
  });
}
