import type { Finding } from './types';

/** An inline `<!-- rfc-disable … -->` style comment. */
export interface SuppressionDirective {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  /** Rule ids it names; empty means every rule. */
  rules: string[];
  line: number;
}

const DIRECTIVE = /<!--\s*rfc-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;

/**
 * Reads the directives in an HTML comment's text (markdownlint's comment syntax with an
 * `rfc-` prefix). `line` is the line the HTML starts on; directives on later lines of a
 * multi-line HTML block are placed on their own lines.
 */
export function readDirectives(html: string, line: number): SuppressionDirective[] {
  const out: SuppressionDirective[] = [];
  if (html.indexOf('rfc-') < 0) return out;
  for (const m of html.matchAll(DIRECTIVE)) {
    const before = html.slice(0, m.index);
    const lineOffset = before.split('\n').length - 1;
    out.push({
      kind: m[1] as SuppressionDirective['kind'],
      rules: m[2].split(/[\s,]+/).filter((r) => r !== ''),
      line: line + lineOffset,
    });
  }
  return out;
}

/**
 * Drops the findings that the directives silence. `disable`/`enable` act from their own
 * line on, `disable-line` on its line, `disable-next-line` on the line after it and
 * `disable-file` everywhere.
 */
export function applySuppressions(findings: Finding[], directives: readonly SuppressionDirective[]): Finding[] {
  if (directives.length === 0) return findings;
  const ordered = [...directives].sort((a, b) => a.line - b.line);
  return findings.filter((f) => !isSuppressed(f, ordered));
}

function names(d: SuppressionDirective, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

function isSuppressed(finding: Finding, ordered: readonly SuppressionDirective[]): boolean {
  const line = finding.range.start.line;
  let disabled = false;
  for (const d of ordered) {
    if (!names(d, finding.ruleId)) continue;
    switch (d.kind) {
      case 'disable-file':
        return true;
      case 'disable-line':
        if (d.line === line) return true;
        break;
      case 'disable-next-line':
        if (d.line + 1 === line) return true;
        break;
      case 'disable':
        if (d.line <= line) disabled = true;
        break;
      case 'enable':
        if (d.line <= line) disabled = false;
        break;
    }
  }
  return disabled;
}
