import { lineRange } from '../types';
import type { SectionRule } from './rule';

/** Example code blocks and table rows copied from the template and never changed. */
export const templateExampleRule: SectionRule = {
  id: 'template-example',
  description: "Example content from the template (sample JSON, SQL, table rows) left unchanged.",
  defaultSeverity: 'information',
  scope: 'section',
  check(chunk, context, report) {
    const examples = new Set(context.template.exampleCode.map((e) => e.normalized));
    for (const block of chunk.codeBlocks) {
      if (!examples.has(block.normalized)) continue;
      const kind = block.info ? `${block.info.split(/\s/)[0]} block` : 'code block';
      report({
        range: lineRange(block.line, 0, (chunk.lines[block.line] ?? '').trimEnd().length),
        message: `This ${kind} is the template's example, unchanged: replace it with this RFC's own content, or delete it.`,
      });
    }
    for (const table of chunk.tables) {
      const unchanged = table.rows.filter((row) => context.template.exampleRows.has(row.normalized));
      if (unchanged.length === 0) continue;
      const first = unchanged[0];
      const what = unchanged.length === 1 ? '1 example row' : `${unchanged.length} example rows`;
      const them = unchanged.length === 1 ? 'it' : 'them';
      report({
        range: lineRange(first.line, 0, (chunk.lines[first.line] ?? '').trimEnd().length),
        message: `${what} from the template unchanged in this table: replace ${them} with this RFC's own rows, or delete ${them}.`,
      });
    }
  },
};
