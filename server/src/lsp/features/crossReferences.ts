/**
 * Cross-references between RFCs as LSP answers: document links, hover, definition and
 * references for `RFC 2026-003` mentions, and workspace symbols. The engine finds the
 * mentions (engine/workspace); the workspace index (workspaceIndex.ts) knows the RFCs.
 */
import { MarkupKind, SymbolKind, type DocumentLink, type Hover, type Location, type SymbolInformation } from 'vscode-languageserver';
import { numberKey, numberOf, type Position, type Range, type RfcIndexEntry, type RfcMention, type WorkspaceView } from '../../engine';

/** An open document's own entry and the workspace's RFCs: what the cross-reference features read. */
export interface CrossReferenceContext {
  entry: RfcIndexEntry;
  view: WorkspaceView;
  /** False while the first indexing runs: an unknown number may just not be indexed yet. */
  ready: boolean;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A link for each mention of an RFC the workspace has, to that RFC's file. */
export function documentLinks({ entry, view }: CrossReferenceContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const mention of entry.mentions) {
    const target = view.resolve(mention.number);
    if (target) links.push({ range: mention.range, target: target.uri, tooltip: `${label(target)}: ${target.title}` });
  }
  return links;
}

/** The mention under the cursor (its end included, as hover ranges are). */
export function mentionAt(entry: RfcIndexEntry, position: Position): RfcMention | undefined {
  return entry.mentions.find(
    (m) => m.range.start.line === position.line && m.range.start.character <= position.character && position.character <= m.range.end.character,
  );
}

/** Hover on a mention: the RFC's title, status and completeness, or why there is none. */
export function mentionHover(context: CrossReferenceContext, position: Position): Hover | null {
  const mention = mentionAt(context.entry, position);
  if (!mention) return null;
  const target = context.view.resolve(mention.number);
  let value: string;
  if (target) {
    const status = target.status ? `Status: ${target.status}` : 'Status: not set';
    value = `**${label(target)}: ${escape(target.title)}**\n\n${status} · ${target.percent}% complete\n\n\`${context.view.nameOf(target)}\``;
  } else if (!context.ready) {
    value = `**RFC ${mention.number}**: the workspace is still being indexed.`;
  } else {
    value = `**RFC ${mention.number}**: no RFC in the workspace has this number.`;
  }
  return { range: mention.range, contents: { kind: MarkupKind.Markdown, value } };
}

/** Go to definition on a mention: the referenced RFC's title. */
export function definition({ entry, view }: CrossReferenceContext, position: Position): Location | null {
  const mention = mentionAt(entry, position);
  const target = mention && view.resolve(mention.number);
  return target ? { uri: target.uri, range: target.titleRange ?? START } : null;
}

/**
 * Find references on an RFC's title line: where other RFCs mention its number. On a
 * mention: where RFCs mention the number it names. Null elsewhere.
 */
export function references({ entry, view }: CrossReferenceContext, position: Position, includeDeclaration: boolean): Location[] | null {
  let number: string | undefined;
  let declaration: RfcIndexEntry | undefined;
  const mention = mentionAt(entry, position);
  if (mention) {
    number = mention.number;
    declaration = view.resolve(mention.number);
  } else if (entry.titleRange && entry.titleRange.start.line === position.line) {
    number = numberOf(entry);
    declaration = entry;
  }
  if (number === undefined) return null;
  const key = numberKey(number);
  const locations: Location[] = [];
  if (includeDeclaration && declaration) locations.push({ uri: declaration.uri, range: declaration.titleRange ?? START });
  const all = [...view.all.filter((e) => e.uri !== entry.uri), entry].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  for (const other of all) {
    // "Mentions in other RFCs": an RFC naming itself is no reference to it.
    if (declaration && other.uri === declaration.uri) continue;
    for (const m of other.mentions) if (numberKey(m.number) === key) locations.push({ uri: other.uri, range: m.range });
  }
  return locations;
}

/**
 * Every RFC as a symbol named `2026-003 Title`, kept when each word of the query is in its
 * number, title or file name (any case); all of them for an empty query.
 */
export function workspaceSymbols(view: WorkspaceView, query: string): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const symbols: SymbolInformation[] = [];
  for (const entry of view.all) {
    const number = numberOf(entry);
    const name = number ? `${number} ${entry.title}` : entry.title;
    const haystack = `${name} ${entry.fileName}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) continue;
    symbols.push({
      name,
      kind: SymbolKind.File,
      location: { uri: entry.uri, range: entry.titleRange ?? START },
      ...(entry.status ? { containerName: entry.status } : {}),
    });
  }
  return symbols.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function label(entry: RfcIndexEntry): string {
  const number = numberOf(entry);
  return number ? `RFC ${number}` : entry.fileName;
}

/** Markdown-escapes a title for bold text in a hover. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}
