/**
 * SARIF's description of each rule (`tool.driver.rules`), so code-scanning services show a
 * rule's title, what it checks, how strict it is and where to read more instead of a bare
 * id. Everything comes from the rule's own declaration.
 */
import { allRules, ruleDocsUrl, type Lifecycle, type Severity } from '../../engine';

type Rule = (typeof allRules)[number];

/** SARIF has three levels for a result: information and hint are both notes. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const STAGE_NAME: Record<Lifecycle, string> = {
  draft: 'Draft',
  review: 'Under Review',
  approved: 'Approved',
  implemented: 'Implemented',
  unknown: 'no readable Status',
};

/** The reportingDescriptor of every rule, in the order of `allRules` (results' `ruleIndex`). */
export function sarifRules() {
  return allRules.map((rule) => {
    const helpUri = ruleDocsUrl(rule);
    return {
      id: rule.id,
      shortDescription: { text: rule.description },
      fullDescription: { text: `${rule.description} ${strictness(rule)}` },
      helpUri,
      help: { text: `${rule.description} Documentation: ${helpUri}`, markdown: `${rule.description}\n\n[Documentation of \`${rule.id}\`](${helpUri})` },
      defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity], ...(rule.offByDefault ? { enabled: false } : {}) },
    };
  });
}

/** The rule's default severity and, under the `auto` setting, its severity per RFC Status. */
function strictness(rule: Rule): string {
  const parts = [`Default severity: ${rule.defaultSeverity}.`];
  const stages = Object.entries(rule.severityByStage ?? {}) as [Lifecycle, Severity | 'off'][];
  if (stages.length > 0) {
    const each = stages.map(([stage, severity]) => `${STAGE_NAME[stage]}: ${severity === 'off' ? 'not reported' : severity}`);
    parts.push(`By the RFC's Status (setting auto): ${each.join('; ')}.`);
  }
  if (rule.offByDefault) parts.push('Off by default: a severity in the rules setting turns it on.');
  return parts.join(' ');
}
