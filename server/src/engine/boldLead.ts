import { inlinePlainText, type Token } from './markdown';
import { normalizeHeading } from './normalize';

/**
 * A paragraph or list item that opens with a line of bold text (`**Why now?**`,
 * `* **How can this feature be enabled / disabled?**`): where teams answer a template's
 * question without making it a heading. It becomes a section only if it names one the
 * document's headings leave unmatched (see boldSections.ts).
 */
export interface BoldLead {
  /** Line of the bold text (chunk-relative until placed). */
  line: number;
  /** Line after the bold text (it may wrap). */
  textEndLine: number;
  /** Line after the paragraph, or after the whole list item. */
  endLine: number;
  text: string;
  normalized: string;
  /** Text follows the bold line in the same paragraph, or more blocks in the same list item. */
  ownContent: boolean;
  /** For a list item: the line after its list, whose later items may hold the answer. */
  listEndLine?: number;
}

const CONTENT_OPENERS = new Set(['paragraph_open', 'bullet_list_open', 'ordered_list_open', 'blockquote_open', 'fence', 'code_block', 'table_open']);

/**
 * Reads a bold lead from the inline token at index i of a paragraph (tokens[i - 1] is its
 * paragraph_open; `listEndLine` ends the list holding it, if any). Undefined when the
 * paragraph does not open with a whole line of bold.
 */
export function readBoldLead(tokens: readonly Token[], i: number, listEndLine?: number): BoldLead | undefined {
  const inline = tokens[i];
  const children = inline.children ?? [];
  let k = 0;
  while (k < children.length && children[k].type === 'text' && children[k].content.trim() === '') k++;
  if (children[k]?.type !== 'strong_open' || !inline.map) return undefined;
  let depth = 0;
  let breaks = 0;
  let end = k;
  for (; end < children.length; end++) {
    const t = children[end].type;
    if (t === 'strong_open') depth++;
    else if (t === 'strong_close' && --depth === 0) break;
    else if (t === 'softbreak' || t === 'hardbreak') breaks++;
  }
  if (end >= children.length) return undefined;
  // Only punctuation may follow the bold text on its line.
  let rest = end + 1;
  while (rest < children.length && children[rest].type === 'text' && /^[\s:.?!\-–—]*$/.test(children[rest].content)) rest++;
  if (rest < children.length && children[rest].type !== 'softbreak' && children[rest].type !== 'hardbreak') return undefined;
  const text = inlinePlainText({ ...inline, children: children.slice(k + 1, end) } as Token).trim();
  if (!/\p{L}/u.test(text) || text.length > 300) return undefined;
  const ownText = children.slice(rest).some((c) => (c.type === 'text' || c.type === 'code_inline') && c.content.trim() !== '');
  const line = inline.map[0];
  const lead: BoldLead = { line, textEndLine: line + breaks + 1, endLine: inline.map[1], text, normalized: normalizeHeading(text), ownContent: ownText };
  const item = tokens[i - 2];
  if (item?.type === 'list_item_open' && item.map) {
    lead.endLine = item.map[1];
    lead.listEndLine = listEndLine;
    for (let j = i + 2; j < tokens.length; j++) {
      const t = tokens[j];
      if (t.type === 'list_item_close' && t.level === item.level) break;
      if (CONTENT_OPENERS.has(t.type) || (t.type === 'html_block' && !/^\s*<!--/.test(t.content))) {
        lead.ownContent = true;
        break;
      }
    }
  }
  return lead;
}
