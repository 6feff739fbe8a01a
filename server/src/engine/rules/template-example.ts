import type { ParsedChunk } from '../chunk';
import type { TemplateModel } from '../template';
import { lineRange, type Range } from '../types';
import type { SectionRule } from './rule';

/** An example block of the template found unchanged in a document (chunk-relative). */
export interface TemplateExampleHit {
  range: Range;
  message: string;
}

/**
 * Example code blocks and table rows copied from the template and never changed. Shown
 * only once the top-level section holding them has no placeholder left: while it has, the
 * author has not got to that section yet and its placeholders already say so. Completeness
 * counts an unchanged example either way.
 */
export const templateExampleRule: SectionRule = {
  id: 'template-example',
  docs: '#template-example',
  description: 'Example content from the template (sample JSON, SQL, table rows) left unchanged in a section otherwise filled in.',
  defaultSeverity: 'information',
  marks: 'example-left',
  severityByStage: { approved: 'warning', implemented: 'warning' },
  scope: 'section',
  check(chunk, context, report) {
    const unfilled = chunk.placeholders.some((p) => p.inCode || !context.references.has(p.label));
    for (const hit of findTemplateExamples(chunk, context.template)) report(unfilled ? { ...hit, data: { countedOnly: true } } : hit);
  },
};

/** Every unchanged template example in a chunk, one per code block or table. */
export function findTemplateExamples(chunk: ParsedChunk, template: TemplateModel): TemplateExampleHit[] {
  const hits: TemplateExampleHit[] = [];
  for (const block of chunk.codeBlocks) {
    if (!template.exampleCodeTexts.has(block.normalized)) continue;
    const kind = block.info ? `${block.info.split(/\s/)[0]} block` : 'code block';
    hits.push({
      range: lineRange(block.line, 0, (chunk.lines[block.line] ?? '').trimEnd().length),
      message: `This ${kind} is the template's example, unchanged: replace it with this RFC's own content, or delete it.`,
    });
  }
  for (const table of chunk.tables) {
    const unchanged = table.rows.filter((row) => template.exampleRows.has(row.normalized));
    if (unchanged.length === 0) continue;
    const first = unchanged[0];
    const what = unchanged.length === 1 ? '1 example row' : `${unchanged.length} example rows`;
    const them = unchanged.length === 1 ? 'it' : 'them';
    hits.push({
      range: lineRange(first.line, 0, (chunk.lines[first.line] ?? '').trimEnd().length),
      message: `${what} from the template unchanged in this table: replace ${them} with this RFC's own rows, or delete ${them}.`,
    });
  }
  return hits;
}
