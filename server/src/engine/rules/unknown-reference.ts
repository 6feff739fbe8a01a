import type { WorkspaceRule } from './rule';

/** A mention of an RFC number that no RFC in the workspace has. */
export const unknownReferenceRule: WorkspaceRule = {
  id: 'unknown-reference',
  docs: '#unknown-reference',
  description: 'A mention such as `RFC 2026-003` names a number that no RFC in the workspace has.',
  defaultSeverity: 'warning',
  scope: 'workspace',
  check(entry, workspace, report) {
    for (const mention of entry.mentions) {
      if (workspace.resolve(mention.number)) continue;
      report({
        range: mention.range,
        message: `No RFC in the workspace has the number ${mention.number}: check the number, or add that RFC to the workspace.`,
      });
    }
  },
};
