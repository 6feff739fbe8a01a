import type { Analysis } from './analyze';
import { lineText } from './document';
import { insertionLineOf, missingSectionsOf, type TextEditLike } from './edits';
import type { FixContext } from './quickFixes';
import type { Position } from './types';

/** A completion the editor can offer; the server turns it into an LSP CompletionItem. */
export interface Suggestion {
  label: string;
  kind: 'value' | 'section' | 'skeleton';
  detail: string;
  /** Orders the list: the section that belongs where the cursor is comes first. */
  sortText: string;
  edit: TextEditLike;
}

/**
 * Completions at a position: on a metadata line, the values the template allows (status
 * values, today's date, the next free number); after `## ` or `### ` at the start of a line,
 * the sections of that level the RFC is missing, in template order with the one that
 * belongs at this place first, each also as a second item with its whole template skeleton.
 */
export function completionsAt(analysis: Analysis, position: Position, context: FixContext): Suggestion[] {
  return [...metadataValues(analysis, position, context), ...missingHeadings(analysis, position)];
}

function metadataValues(analysis: Analysis, position: Position, context: FixContext): Suggestion[] {
  const line = analysis.metadata.find((m) => m.line === position.line);
  if (!line || position.character < line.keyRange.end.character) return [];
  const field = analysis.template.metadata.find((f) => f.normalizedKey === line.normalizedKey);
  if (!field) return [];
  const suggest = (value: string, detail: string, i = 0): Suggestion => ({
    label: value,
    kind: 'value',
    detail,
    sortText: String(i).padStart(3, '0'),
    edit: { range: line.valueRange, newText: value },
  });
  switch (field.kind.type) {
    case 'enum':
      return field.kind.values.map((v, i) => suggest(v, `${field.key} allowed by the template`, i));
    case 'date':
      return [suggest(context.today, 'Today')];
    case 'number':
      return [suggest(context.nextNumber, 'The next free RFC number')];
    case 'text':
      return [];
  }
}

function missingHeadings(analysis: Analysis, position: Position): Suggestion[] {
  const text = lineText(analysis.model, position.line);
  const typed = /^(#{1,6})( +)(.*)$/.exec(text.slice(0, position.character));
  if (!typed || text.slice(position.character).trim() !== '') return [];
  const level = typed[1].length;
  const nameStart = typed[1].length + typed[2].length;
  const candidates = missingSectionsOf(analysis).filter((s) => s.level === level);
  const suggestions: Suggestion[] = [];
  for (const section of candidates) {
    const belongsHere = insertionLineOf(analysis, section) === position.line;
    const order = `${belongsHere ? '0' : '1'}${String(section.order).padStart(4, '0')}`;
    const where = section.parent ? `missing in '${section.parent.name}'` : 'missing top-level section';
    suggestions.push({
      label: section.name,
      kind: 'section',
      detail: where,
      sortText: `${order}a`,
      edit: { range: { start: { line: position.line, character: nameStart }, end: { line: position.line, character: text.length } }, newText: section.name },
    });
    suggestions.push({
      label: `${section.name} (with template)`,
      kind: 'skeleton',
      detail: `${where}: heading, subsections and placeholders`,
      sortText: `${order}b`,
      edit: {
        range: { start: { line: position.line, character: 0 }, end: { line: position.line, character: text.length } },
        newText: section.skeleton.replace(/\n$/, ''),
      },
    });
  }
  return suggestions.sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
}
