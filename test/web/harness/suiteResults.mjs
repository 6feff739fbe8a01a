// Reads the web suite's results from the console: the suite runs in a Web Worker with no
// file system, and its reporter (test/web/suite/reporter.ts) prints each test and, at the
// end, all results as JSON after a marker. The extension host forwards the worker's console
// to the page; the worker's own console is read too, whichever reaches Playwright first.
const RESULTS_MARKER = 'RFC_WEB_RESULTS ';

/**
 * @returns {{ tests(): { title: string, state: string, error?: string }[] | undefined, errors(): string[] }}
 * `errors()`: the console's error messages (the extension host's among them), for a failed run.
 */
export function collectSuiteResults(context, page, log) {
  let tests;
  const seen = new Set();
  const errors = [];
  const read = (text, type) => {
    if (type === 'error' && errors.length < 40 && !errors.includes(text)) errors.push(text.slice(0, 2000));
    const at = text.indexOf(RESULTS_MARKER);
    if (at >= 0 && tests === undefined) {
      const json = text.slice(at + RESULTS_MARKER.length);
      try {
        tests = JSON.parse(json.slice(0, json.lastIndexOf(']') + 1));
      } catch (error) {
        log(`    [host] unreadable results: ${error.message}: ${json.slice(0, 300)}`);
      }
      return;
    }
    const line = /(?:^|\s)([✔✗] .*)$/s.exec(text)?.[1];
    if (line && !seen.has(line)) {
      seen.add(line);
      log(`    [host] ${line.slice(0, 500)}`);
    }
  };
  page.on('console', (message) => read(message.text(), message.type()));
  const watchWorker = (worker) => worker.on('console', (message) => read(message.text(), message.type()));
  page.on('worker', watchWorker);
  context.on('page', (p) => p.on('worker', watchWorker));
  return { tests: () => tests, errors: () => errors };
}
