/**
 * Mocha reporter for the web worker: one console line per test, then every result as JSON
 * on one line after RESULTS_MARKER. The extension host forwards the worker's console to
 * the page, where test/web/run.mjs reads it (the worker has no file system to write to).
 */
export const RESULTS_MARKER = 'RFC_WEB_RESULTS ';

export interface WebTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  error?: string;
}

export class WebReporter {
  constructor(runner: Mocha.Runner) {
    const results: WebTestResult[] = [];
    runner.on('pass', (test) => {
      results.push({ title: test.fullTitle(), state: 'passed' });
      console.log(`  ✔ ${test.fullTitle()}`);
    });
    runner.on('fail', (test, error: Error) => {
      results.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message });
      console.log(`  ✗ ${test.fullTitle()}: ${error.message}`);
    });
    runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'pending' }));
    runner.on('end', () => console.log(RESULTS_MARKER + JSON.stringify(results)));
  }
}
