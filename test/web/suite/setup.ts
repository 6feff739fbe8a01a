/**
 * Loads mocha's browser build and sets up the BDD interface, so `describe` and `it` exist as
 * globals before the test files are evaluated (index.ts imports this module first). Mocha
 * 12, the project's own, is ESM-only and has no browser build that bundles; 11 (the
 * `mocha-browser` alias) has `mocha.js`.
 */
import 'mocha-browser/mocha.js';
import { WebReporter } from './reporter';

mocha.setup({ ui: 'bdd', timeout: 60_000, reporter: WebReporter as unknown as Mocha.ReporterConstructor });
