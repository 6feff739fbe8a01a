import type { RfcIndexEntry } from './entry';
import { numberKey } from './numbers';

/** The workspace's RFCs with lookups by number, as the workspace rules and the editor features read them. */
export interface WorkspaceView {
  readonly all: readonly RfcIndexEntry[];
  /** The RFCs whose number (from the metadata line, else from the file name) is this one, by URI. */
  withNumber(number: string): readonly RfcIndexEntry[];
  /** The RFC a mention of this number stands for: by number, else by file name number; the first by URI. */
  resolve(number: string): RfcIndexEntry | undefined;
  /** A name that tells the RFC apart from the others: its file name, or more of its path when two share it. */
  nameOf(entry: RfcIndexEntry): string;
}

/** An RFC's number: its metadata line's, else its file name's. */
export function numberOf(entry: RfcIndexEntry): string | undefined {
  return entry.number ?? entry.fileNumber;
}

const views = new WeakMap<readonly RfcIndexEntry[], WorkspaceView>();

/** The view of a list of entries; built once per list (pass the same array to reuse it). */
export function workspaceView(all: readonly RfcIndexEntry[]): WorkspaceView {
  let view = views.get(all);
  if (!view) {
    view = buildView(all);
    views.set(all, view);
  }
  return view;
}

function buildView(all: readonly RfcIndexEntry[]): WorkspaceView {
  const byNumber = new Map<string, RfcIndexEntry[]>();
  const byFileNumber = new Map<string, RfcIndexEntry[]>();
  const names = new Map<string, number>();
  const add = (map: Map<string, RfcIndexEntry[]>, number: string | undefined, entry: RfcIndexEntry) => {
    if (number === undefined) return;
    const key = numberKey(number);
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  const sorted = [...all].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  // One file listed twice (an open document and its file on disk, by mistake) counts once.
  const unique = sorted.filter((entry, i) => i === 0 || entry.uri !== sorted[i - 1].uri);
  for (const entry of unique) {
    add(byNumber, numberOf(entry), entry);
    add(byFileNumber, entry.fileNumber, entry);
    names.set(entry.fileName, (names.get(entry.fileName) ?? 0) + 1);
  }
  return {
    all,
    withNumber: (number) => byNumber.get(numberKey(number)) ?? [],
    resolve: (number) => byNumber.get(numberKey(number))?.[0] ?? byFileNumber.get(numberKey(number))?.[0],
    nameOf: (entry) => ((names.get(entry.fileName) ?? 0) > 1 ? pathTail(entry.uri) : entry.fileName),
  };
}

/** The last two segments of a URI's path, decoded (`rfcs/2026-003-x.md`). */
function pathTail(uri: string): string {
  const path = uri.replace(/[?#].*$/, '').split('/').filter((s) => s !== '');
  const tail = path.slice(-2).join('/');
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}
