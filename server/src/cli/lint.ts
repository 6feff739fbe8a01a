/**
 * Reads and analyses each input through the project service, keeping of each file only
 * what the report and the cross-file rules need: its findings, completeness, number, title,
 * status, template and configuration, and its index record. The analysis itself (parsed
 * markdown, document model) is dropped as soon as the file is done, so memory grows with
 * findings, not text.
 */
import { pathToFileURL } from 'node:url';
import { numberOf, ownString, type Finding, type Lifecycle } from '../engine';
import { readBoundedSync } from '../node/nodeFilesSync';
import { NOT_A_REGULAR_FILE, tooLarge } from '../project/files';
import { MAX_FILE_BYTES, type IndexedRfc } from '../project/indexScan';
import type { ProjectService } from '../project/service';
import { crossFileFindings } from './crossFile';
import { lineKeysOf } from './fingerprint';
import type { Input } from './inputs';
import { printable } from './escape';
import { shownFile } from './project';



/** What the report table says of an RFC, as the editor's RFC index reads it. */
export interface RfcFacts {
  /** The number on its number metadata line, else the one its file name starts with. */
  number: string | null;
  /** The title heading without the template's prefix (`RFC: `); the file name when there is none. */
  title: string;
  /** The Status line's value, when filled in. */
  status: string | null;
}

/** One checked file, as the report needs it. */
export interface LintedFile {
  /** As reports name it: relative to the current folder, `<stdin>`, or absolute outside it. */
  path: string;
  rfc: RfcFacts;
  lifecycle: Lifecycle;
  /** Completeness in whole percent. */
  completeness: number;
  /** Sorted by position; the engine's quick-fix data left out. */
  findings: Finding[];
  /** The template it was checked against, as reports name files; null for the built-in one. */
  template: string | null;
  /** The configuration file it followed, as reports name files; null for none. */
  config: string | null;
  /** A hash per line of its text, for SARIF's fingerprints (see fingerprint.ts); only when the report needs them. */
  lineKeys?: Uint32Array;
}

/** Where rfc-lint runs, and what the report needs kept of each file beyond its findings. */
export interface LintOptions {
  cwd: string;
  /** Keep each file's line hashes (SARIF fingerprints); every other format does without them. */
  lineKeys: boolean;
}

export interface LintResult {
  files: LintedFile[];
  /** Files that could not be read, each a message naming the path (exit code 2). */
  errors: string[];
}

/** What checking one input gave: a checked file with its index record, a read error, or nothing (a template, or no RFC in a folder). */
export type FileOutcome = { kind: 'file'; file: LintedFile; record: IndexedRfc; uri?: string } | { kind: 'error'; error: string } | { kind: 'skip' };

/** Reads and analyses one input through the project service (in this thread or a worker's). */
export async function lintFile(input: Input, project: ProjectService, { cwd, lineKeys }: LintOptions): Promise<FileOutcome> {
  const uri = input.absolute === undefined ? 'untitled:stdin' : pathToFileURL(input.absolute).href;
  const settings = await project.settingsFor(uri);
  if (input.absolute !== undefined && project.isTemplate(uri, settings)) return { kind: 'skip' };
  const text = input.kind === 'stdin' ? decode(await readStdin(), input.path) : readText(input.absolute, input.path);
  if (typeof text !== 'string') return { kind: 'error', error: text.error };
  const template = await project.templateFor(input.absolute === undefined ? undefined : uri, settings);
  const result = await project.analyze(uri, text, undefined, { settings, template });
  if (input.kind === 'file' && !input.explicit && !result.isRfc) return { kind: 'skip' };
  const record = project.recordOf(result);
  const { entry } = record;
  const file: LintedFile = {
    path: input.path,
    rfc: { number: numberOf(entry) ?? null, title: entry.title, status: entry.status ?? null },
    lifecycle: result.analysis.lifecycle,
    completeness: result.analysis.completeness.percent,
    findings: result.analysis.findings.map(withoutData),
    template: shownFile(await project.templateFileOf(input.absolute === undefined ? undefined : uri, settings), cwd),
    config: shownFile(settings.configUri, cwd),
    ...(lineKeys ? { lineKeys: lineKeysOf(text) } : {}),
  };
  return { kind: 'file', file, record, ...(input.absolute === undefined ? {} : { uri }) };
}

/** Checks inputs one after another in this thread (the main thread's share, or a worker's batch). */
export async function lintEach(inputs: readonly Input[], project: ProjectService, options: LintOptions): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const input of inputs) outcomes.push(await lintFile(input, project, options));
  return outcomes;
}

/**
 * Analyses the inputs (in worker threads when `analyse` says so), keeping their order;
 * template files and, from folders, markdown that is no RFC are skipped. Then the
 * project's index of the current folder (the other files' heads) gives the cross-file rules
 * what to compare with, as the editor's workspace index does.
 */
export async function lintInputs(
  inputs: readonly Input[],
  project: ProjectService,
  analyse: (inputs: readonly Input[]) => Promise<FileOutcome[]>,
): Promise<LintResult> {
  const files: LintedFile[] = [];
  const records: IndexedRfc[] = [];
  const errors: string[] = [];
  for (const outcome of await analyse(inputs)) {
    if (outcome.kind === 'error') errors.push(outcome.error);
    if (outcome.kind !== 'file') continue;
    files.push(outcome.file);
    records.push(outcome.record);
    // The checked file stands in for its file in the index, which then reads the others.
    if (outcome.uri !== undefined) project.index.documentAnalysed(outcome.uri, outcome.record);
  }
  await project.index.start();
  crossFileFindings(records, project.index.all()).forEach((found, i) => {
    if (found.length === 0) return;
    files[i].findings = [...files[i].findings, ...found.map(withoutData)].sort(byPosition);
  });
  return { files, errors };
}

function readText(file: string, shown: string): string | { error: string } {
  const read = readBoundedSync(file, MAX_FILE_BYTES);
  if ('error' in read) {
    if (read.error === tooLarge(MAX_FILE_BYTES)) return { error: `'${printable(shown)}' is larger than 32 MB; not checked` };
    if (read.error === NOT_A_REGULAR_FILE) return { error: `'${printable(shown)}' is not a regular file; not checked` };
    return { error: `cannot read '${printable(shown)}': ${read.error}` };
  }
  return decode(read.bytes, shown);
}

function decode(bytes: Uint8Array, shown: string): string | { error: string } {
  if (bytes.length > MAX_FILE_BYTES) return { error: `'${printable(shown)}' is larger than 32 MB; not checked` };
  if (bytes.subarray(0, 8192).includes(0)) return { error: `'${printable(shown)}' is not a text file; not checked` };
  // Invalid UTF-8 becomes U+FFFD instead of failing; a byte-order mark is dropped (editors
  // hide it, so columns match theirs). Buffer's decoder, not a TextDecoder: the same text
  // at a third of the cost, which is 1% of a run over 10,000 RFCs.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.length - bom).toString('utf8');
}

/** Standard input, read no further than one byte past the limit (`- < /dev/zero` must end). */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    length += (chunk as Buffer).length;
    if (length > MAX_FILE_BYTES) {
      process.stdin.destroy();
      break;
    }
  }
  return Buffer.concat(chunks);
}

/** What the report needs of a finding, kept until the run ends: its message copied, so it holds no file's text (ownString.ts). */
function withoutData(finding: Finding): Finding {
  const { ruleId, severity, message, range } = finding;
  return { ruleId, severity, message: ownString(message), range };
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
