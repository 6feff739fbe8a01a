import type { Analysis } from '../analyze';
import { wholeSyntax } from '../placeholderScan';
import type { Range } from '../types';
import { mentionsOf, type RfcMention } from './mentions';
import { fileNameNumber } from './numbers';
import { ownString } from '../ownString';

/**
 * What the workspace index keeps of one RFC: enough for the cross-file rules, links,
 * hover, symbols and numbering, never the text. Built from an analysis by indexEntryOf.
 */
export interface RfcIndexEntry {
  uri: string;
  /** The file's name (`2026-003-search-cache.md`). */
  fileName: string;
  /** The number on the RFC's number metadata line (`**RFC Number**: 2026-003`), when filled in. */
  number?: string;
  /** The `YYYY-NNN` number the file name starts with. */
  fileNumber?: string;
  /** The title heading without the template's literal prefix (`RFC: `); the file name when there is none. */
  title: string;
  /** The Status line's value, when filled in. */
  status?: string;
  /** Completeness, 0 to 100. */
  percent: number;
  /** Mentions of RFCs in the RFC, in document order. */
  mentions: RfcMention[];
  /** The title heading's line. */
  titleRange?: Range;
  /** Where the number stands on its metadata line. */
  numberRange?: Range;
  /**
   * The normalised key of the template's number line (`rfc number`, `adr number`): RFCs of
   * one template share a series of numbers; another template's documents count their own.
   */
  series?: string;
}

/** The index entry of an analysed RFC. */
export function indexEntryOf(uri: string, fileName: string, analysis: Analysis): RfcIndexEntry {
  const template = analysis.template;
  const numberField = template.metadata.find((f) => f.kind.type === 'number');
  const statusField = template.metadata.find((f) => f.kind.type === 'enum');
  const lineOf = (key: string | undefined) => (key === undefined ? undefined : analysis.metadata.find((m) => m.normalizedKey === key));
  const numberLine = lineOf(numberField?.normalizedKey);
  const statusLine = lineOf(statusField?.normalizedKey);
  // Without a title heading, the first H1 that is no section (`# Summary` is none).
  const heading = analysis.headings.find((h) => h.isTitle) ?? analysis.headings.find((h) => h.level === 1 && !h.section);
  const entry: RfcIndexEntry = {
    uri,
    fileName,
    // Copies: the index keeps these long after the document's text is gone (ownString.ts).
    title: ownString(titleOf(heading?.text ?? '', template.title?.text, fileName)),
    percent: analysis.completeness.percent,
    mentions: mentionsOf(analysis.model).map((m) => ({ number: ownString(m.number), range: m.range })),
  };
  if (numberLine && filled(numberLine.value)) {
    entry.number = ownString(numberLine.value);
    entry.numberRange = numberLine.valueRange;
  }
  const fileNumber = fileNameNumber(fileName);
  if (fileNumber) entry.fileNumber = fileNumber;
  if (statusLine && filled(statusLine.value)) entry.status = ownString(statusLine.value);
  if (heading) entry.titleRange = heading.range;
  if (numberField) entry.series = numberField.normalizedKey;
  return entry;
}

function filled(value: string): boolean {
  // `[Draft/Approved]`, `{proposed | accepted}`, `(fill me in)`: the template's placeholder, not a value.
  return value.trim() !== '' && wholeSyntax(value.trim()) === undefined;
}

/** `RFC: Search Result Caching` → `Search Result Caching` (the template's title `RFC: [Feature Name]` starts with `RFC:`). */
function titleOf(heading: string, templateTitle: string | undefined, fileName: string): string {
  const prefix = (templateTitle ?? '').replace(/\[.*$/, '').trim();
  let title = heading.trim();
  if (prefix !== '' && title.toLowerCase().startsWith(prefix.toLowerCase())) title = title.slice(prefix.length).trim();
  return title !== '' ? title : heading.trim() !== '' ? heading.trim() : fileName.replace(/\.md$/i, '');
}
