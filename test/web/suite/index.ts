/**
 * The web suite's entry, bundled to dist/web/test/index.js by test/web/build.mjs and loaded
 * by the web worker extension host through `extensionTestsPath`. setup comes first: it
 * defines mocha's globals the test files call when they are evaluated.
 */
import './setup';
import './webWorker.test';
import './diagnostics.test';
import './intelligence.test';
import './newRfc.test';
import './teamTemplate.test';

export { run } from './run';
