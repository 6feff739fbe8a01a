/**
 * Where a rule is documented, for every adapter: LSP diagnostics link to it
 * (`codeDescription.href`) and SARIF names it (`helpUri`, `informationUri`). Only strings,
 * so the engine stays pure and the CLI and the server import it alike.
 */

/**
 * The project's public home, where README.md renders. package.json's `homepage` and
 * `repository` name the same place (a consistency test compares them).
 */
export const PROJECT_HOME = 'https://github.com/rfc-assistant/rfc-assistant';

/** The address of a rule's README section: the home page with the rule's anchor (`#missing-section`). */
export function ruleDocsUrl(rule: { docs: string }): string {
  return PROJECT_HOME + rule.docs;
}
