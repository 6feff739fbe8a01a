/** What the web extension host calls through `extensionTestsPath`: runs the suite, rejects on failures. */
export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web tests failed`)) : resolve()));
  });
}
