import type { Lifecycle } from './lifecycle';
import { ruleById } from './rules';
import type { Finding, RuleSetting } from './types';

/**
 * Applies the user's rule settings: `off` drops, a severity replaces, `auto` (the default)
 * follows the lifecycle: the severity the rule declares for the RFC's stage, else the
 * finding's own. A rule off by default reports only when a setting names it. A finding
 * marked as a leftover note keeps its severity under `auto`.
 */
export function applyRuleSettings(
  findings: readonly Finding[],
  settings: Readonly<Record<string, RuleSetting>> | undefined,
  lifecycle: Lifecycle,
): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const rule = ruleById(f.ruleId);
    const configured = settings?.[f.ruleId];
    if (configured === 'off' || (configured === undefined && rule?.offByDefault)) continue;
    const setting = configured ?? 'auto';
    let severity = setting === 'auto' ? f.severity : setting;
    if (setting === 'auto' && !f.data?.leftover) {
      const staged = rule?.severityByStage?.[lifecycle];
      if (staged === 'off') continue;
      if (staged) severity = staged;
    }
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
