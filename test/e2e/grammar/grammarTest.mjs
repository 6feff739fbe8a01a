// Tokenises a sample RFC with VS Code's own markdown grammar and TextMate engine (the
// copies code-server ships) plus our injection grammar, and checks the scopes: the web
// workbench has no command that exposes token scopes to the extension host.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const PLACEHOLDER = 'variable.other.placeholder.rfc';
const METADATA_KEY = 'support.type.property-name.metadata.rfc';

async function tokenize({ tools, repo, sample }) {
  const vscodeDir = join(tools, 'node_modules', 'code-server', 'lib', 'vscode');
  const require = createRequire(join(vscodeDir, 'package.json'));
  const textmate = require('vscode-textmate');
  const oniguruma = require('vscode-oniguruma');
  await oniguruma.loadWASM(readFileSync(join(vscodeDir, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm')).buffer);
  const grammars = {
    'text.html.markdown': join(vscodeDir, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json'),
    'markdown.rfc.injection': join(repo, 'syntaxes', 'rfc-placeholders.tmLanguage.json'),
  };
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (grammars[scope] ? textmate.parseRawGrammar(readFileSync(grammars[scope], 'utf8'), grammars[scope]) : null),
    getInjections: (scope) => (scope === 'text.html.markdown' ? ['markdown.rfc.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  const tokens = [];
  let state = textmate.INITIAL;
  for (const line of readFileSync(sample, 'utf8').split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) tokens.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = result.ruleStack;
  }
  return tokens;
}

/** @param {{ tools: string, repo: string, sample: string, record: (title: string, error?: unknown) => void }} options */
export async function runGrammarTest(options) {
  const title = 'grammar: placeholders and metadata keys get their own scopes; links, code spans, fenced code, footnotes and escapes do not';
  try {
    const tokens = await tokenize(options);
    const scoped = (text, scope) => tokens.some((t) => t.text.includes(text) && t.scopes.includes(scope));
    const problems = [];
    for (const text of ['YYYY-XXX', 'One paragraph executive summary']) if (!scoped(text, PLACEHOLDER)) problems.push(`${text} is not a placeholder`);
    for (const text of ['RFC Number', 'Status']) if (!scoped(text, METADATA_KEY)) problems.push(`${text} is not a metadata key`);
    for (const text of ['link', 'code span', '^1', 'not a placeholder', 'bracket', ' ]', 'x]']) {
      if (scoped(text, PLACEHOLDER)) problems.push(`${JSON.stringify(text)} is scoped as a placeholder`);
    }
    if (!tokens.some((t) => t.text.includes('code span') && t.scopes.some((s) => s.startsWith('markup.inline.raw')))) problems.push('the code span lost its markdown scope');
    if (!tokens.some((t) => t.text === 'link' && t.scopes.some((s) => s.startsWith('string.other.link')))) problems.push('the link lost its markdown scope');
    options.record(title, problems.length > 0 ? new Error(problems.join('; ')) : undefined);
  } catch (error) {
    options.record(title, error);
  }
}
