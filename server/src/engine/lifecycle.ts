import type { DocumentFacts } from './facts';
import { isWholePlaceholder } from './normalize';
import type { Finding, RuleSetting, Severity } from './types';

/**
 * Where an RFC is in its life, read from its Status line. It sets how strict the rules
 * are: a draft is a work in progress, an approved RFC must be finished.
 */
export type Lifecycle = 'draft' | 'review' | 'approved' | 'implemented' | 'unknown';

/** Maps a Status value to a lifecycle stage by its meaning, so teams' own words work too. */
export function lifecycleOfStatus(status: string | undefined): Lifecycle {
  const s = (status ?? '').toLowerCase();
  if (/\b(implemented|shipped|done|released|complete[d]?)\b/.test(s)) return 'implemented';
  if (/\b(approved|accepted|final)\b/.test(s)) return 'approved';
  if (/\b(review|reviewing|proposed|rfc)\b/.test(s)) return 'review';
  if (/\b(draft|wip|work in progress)\b/.test(s)) return 'draft';
  return 'unknown';
}

/** The lifecycle of a document: from the metadata line whose template field is an enumeration of statuses. */
export function lifecycleOf(facts: DocumentFacts): Lifecycle {
  const field = facts.template.metadata.find((f) => f.kind.type === 'enum');
  if (!field) return 'unknown';
  const line = facts.metadata.find((m) => m.normalizedKey === field.normalizedKey);
  // "[Draft/Under Review/Approved/Implemented]" names every stage: no stage at all.
  if (!line || isWholePlaceholder(line.value)) return 'unknown';
  return lifecycleOfStatus(line.value);
}

/**
 * The severity a finding gets under the `auto` setting (the default) at a lifecycle stage,
 * or undefined to keep the rule's own. The table, documented in README.md:
 *
 * | rule | Draft | Under Review | Approved / Implemented |
 * | placeholder | information | warning | error |
 * | missing-section | warning top-level, information deeper | warning | error |
 * | empty-section | information | warning | error |
 * | template-example | information | information | warning |
 * | open-questions | (off) | information | (off) |
 * | unchecked-task | (off) | (off) | error (Implemented only) |
 */
export function lifecycleSeverity(finding: Finding, lifecycle: Lifecycle): Severity | undefined {
  const finished = lifecycle === 'approved' || lifecycle === 'implemented';
  switch (finding.ruleId) {
    case 'placeholder':
      return lifecycle === 'draft' ? 'information' : lifecycle === 'review' ? 'warning' : finished ? 'error' : undefined;
    case 'missing-section':
      return lifecycle === 'review' ? 'warning' : finished ? 'error' : undefined;
    case 'empty-section':
      return lifecycle === 'draft' ? 'information' : lifecycle === 'review' ? 'warning' : finished ? 'error' : undefined;
    case 'template-example':
      return finished ? 'warning' : undefined;
    default:
      return undefined;
  }
}

/** Applies the user's rule settings: `off` drops, a severity replaces, `auto` (the default) follows the lifecycle. */
export function applyRuleSettings(
  findings: readonly Finding[],
  settings: Readonly<Record<string, RuleSetting | 'auto'>> | undefined,
  lifecycle: Lifecycle,
): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const setting = settings?.[f.ruleId] ?? 'auto';
    if (setting === 'off') continue;
    const severity = setting === 'auto' ? (lifecycleSeverity(f, lifecycle) ?? f.severity) : setting;
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
