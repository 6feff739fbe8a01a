import { lineRange } from '../types';
import type { DocumentRule } from './rule';

/** An Implemented RFC with an unticked item in a template checklist (the Documentation Plan). */
export const uncheckedTaskRule: DocumentRule = {
  id: 'unchecked-task',
  docs: '#unchecked-task',
  description: "An item of a template checklist (such as the Documentation Plan) is not ticked although the RFC is Implemented.",
  defaultSeverity: 'error',
  // Only once Implemented by default; a severity set in `rfc.rules` reports them at every stage.
  severityByStage: { unknown: 'off', draft: 'off', review: 'off', approved: 'off' },
  scope: 'document',
  check(facts, report) {
    const sections = facts.headings;
    for (const task of facts.openTasks) {
      // The heading whose own text holds the task.
      let owner;
      for (const h of sections) {
        if (h.line > task.line) break;
        owner = h;
      }
      if (!owner?.section?.hasChecklist) continue;
      report({
        range: lineRange(task.line, task.start, task.end),
        message: `'${task.text}' is not ticked in '${owner.section.name}': an Implemented RFC has it done. Tick it ([x]) or explain why not.`,
      });
    }
  },
};
