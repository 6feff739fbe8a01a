/**
 * Generates snippets/rfc.code-snippets from the built-in template, so the snippets always
 * match it: `npm run snippets` rewrites the file; a test fails when it is out of date.
 * Placeholders become tab stops whose default keeps the brackets, so a stop the author
 * skips is still reported as an unfilled placeholder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildTemplateModel, type TemplateModel } from '../server/src/engine';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Escapes snippet syntax in literal text. */
function literal(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Turns markdown with [placeholders] into snippet lines with numbered tab stops. */
function withTabStops(markdown: string): string[] {
  let stop = 0;
  const lines = markdown.replace(/\n+$/, '').split('\n');
  return lines.map((line) => {
    let out = '';
    let last = 0;
    for (const m of line.matchAll(/\[[^\]\[]*\]/g)) {
      const text = m[0];
      out += literal(line.slice(last, m.index));
      out += /\p{L}/u.test(text) ? `\${${++stop}:${literal(text)}}` : literal(text);
      last = (m.index ?? 0) + text.length;
    }
    return out + literal(line.slice(last));
  });
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function generateSnippets(template: TemplateModel): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {
    'RFC: whole template': {
      prefix: 'rfc-template',
      description: 'Inserts the whole RFC template; Tab moves from one placeholder to the next.',
      body: withTabStops(template.text),
    },
  };
  for (const section of template.roots) {
    snippets[`RFC: ${section.name} section`] = {
      prefix: `rfc-${slug(section.name)}`,
      description: `Inserts the template's ${section.name} section with its subsections and placeholders.`,
      body: withTabStops(section.skeleton),
    };
  }
  const byPrefix = (prefix: string) => template.sections.find((s) => s.repeatable && s.prefix === prefix);
  const alternative = byPrefix('alternative');
  if (alternative) {
    snippets['RFC: alternative'] = {
      prefix: 'rfc-alternative',
      description: 'Inserts one more considered alternative with its description, pros, cons and why it was not chosen.',
      body: withTabStops(alternative.skeleton.replace(/^(#+ Alternative )\d+/, '$1[N]')),
    };
  }
  const endpoint = byPrefix('endpoint');
  if (endpoint) {
    snippets['RFC: API endpoint'] = {
      prefix: 'rfc-endpoint',
      description: 'Inserts an API endpoint block with its request, response and error response.',
      body: withTabStops(endpoint.skeleton),
    };
  }
  snippets['RFC: error handling row'] = {
    prefix: 'rfc-error-row',
    description: 'Inserts a row of the Error Handling table: the error case, how it is handled and what the user sees.',
    body: ['| ${1:[Error case]} | ${2:[How handled]} | ${3:[What user sees]} |'],
  };
  snippets['RFC: threat and mitigation'] = {
    prefix: 'rfc-threat',
    description: 'Inserts a threat of the Threat Model with its mitigation.',
    body: ['- **Threat ${1:N}**: ${2:[Description]} → **Mitigation**: ${3:[Strategy]}'],
  };
  snippets['RFC: milestone row'] = {
    prefix: 'rfc-milestone',
    description: 'Inserts a row of the Timeline table: the milestone, its date and what it means.',
    body: ['| ${1:[Milestone]} | ${2:[Date]} | ${3:[Description]} |'],
  };
  snippets['RFC: open question'] = {
    prefix: 'rfc-question',
    description: 'Inserts an open question with why it matters, the possible answers and its impact on the design.',
    body: ['${1:1}. **${2:[Question]}**', '   - Context: ${3:[Why this matters]}', '   - Options: ${4:[Possible answers]}', '   - Impact: ${5:[How this affects design]}'],
  };
  return snippets;
}

/** The file's content, as written. */
export function snippetsFileText(template: TemplateModel): string {
  return JSON.stringify(generateSnippets(template), null, 2) + '\n';
}

if (require.main === module) {
  const root = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../..' : '..');
  const template = buildTemplateModel(readFileSync(path.join(root, 'server', 'templates', 'default.md'), 'utf8'));
  writeFileSync(path.join(root, 'snippets', 'rfc.code-snippets'), snippetsFileText(template));
  console.log('snippets/rfc.code-snippets written');
}
