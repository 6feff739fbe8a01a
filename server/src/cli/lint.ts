/**
 * Reads and analyses each input with the engine, keeping of each file only what the
 * report and the cross-file rules need: its findings, completeness, number, title and
 * status, and its cross-file index entry. The analysis itself (parsed markdown, document
 * model) is dropped as soon as the file is done, so memory grows with findings, not text.
 */
import { readFileSync } from 'node:fs';
import picomatch from 'picomatch';
import { analyzeDocument, numberOf, type Finding, type Lifecycle, type RfcIndexEntry } from '../engine';
import { contextEntry, crossFileEntry, crossFileFindings, type CrossFileEntry } from './crossFile';
import type { Input } from './inputs';
import { printable, readReason } from './paths';
import type { CliProject } from './project';
import { analysisOptionsOf } from '../settings';

/** Files larger than this are reported rather than analysed: no RFC is this long. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

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
}

export interface LintResult {
  files: LintedFile[];
  /** Files that could not be read, each a message naming the path (exit code 2). */
  errors: string[];
}

/**
 * Analyses the inputs in order; template files and, from folders, markdown that is no RFC
 * are skipped. `context` names the other markdown files of the project: those that are
 * RFCs (by the `files` globs or their looks) and not checked are what the cross-file rules
 * also compare with, as the editor's workspace index does. They are read, not reported.
 */
export async function lintInputs(inputs: readonly Input[], project: CliProject, context: readonly string[] = []): Promise<LintResult> {
  const inRfcFiles = picomatch(project.settings.files, { dot: true, nocase: process.platform === 'win32' });
  const files: LintedFile[] = [];
  const entries: CrossFileEntry[] = [];
  const errors: string[] = [];
  const checked = new Set<string>();
  for (const input of inputs) {
    if (input.absolute !== undefined && project.isTemplate(input.absolute)) continue;
    const text = input.kind === 'stdin' ? decode(await readStdin(), input.path) : readText(input.absolute, input.path);
    if (typeof text !== 'string') {
      errors.push(text.error);
      continue;
    }
    const analysis = analyzeDocument(text, project.templateFor(input.absolute), analysisOptionsOf(project.settings));
    if (input.kind === 'file' && !input.explicit && !analysis.looksLikeRfc && !inRfcFiles(project.relative(input.absolute))) continue;
    const crossFile = crossFileEntry(input.absolute, analysis, project.settings.rules);
    const { entry } = crossFile;
    files.push({
      path: input.path,
      rfc: { number: numberOf(entry) ?? null, title: entry.title, status: entry.status ?? null },
      lifecycle: analysis.lifecycle,
      completeness: analysis.completeness.percent,
      findings: analysis.findings.map(withoutData),
    });
    entries.push(crossFile);
    if (input.absolute !== undefined) checked.add(input.absolute);
  }
  const others: RfcIndexEntry[] = [];
  for (const file of context) {
    if (checked.has(file) || project.isTemplate(file)) continue;
    const text = readText(file, file);
    // An unreadable file that is not checked is not reported: it only cannot be mentioned.
    if (typeof text !== 'string') continue;
    const entry = contextEntry(file, text, project.templateFor(file), inRfcFiles(project.relative(file)));
    if (entry) others.push(entry);
  }
  crossFileFindings(entries, others).forEach((found, i) => {
    if (found.length === 0) return;
    files[i].findings = [...files[i].findings, ...found.map(withoutData)].sort(byPosition);
  });
  return { files, errors };
}

function readText(file: string, shown: string): string | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { error: `cannot read '${printable(shown)}': ${readReason(error)}` };
  }
  return decode(bytes, shown);
}

function decode(bytes: Uint8Array, shown: string): string | { error: string } {
  if (bytes.length > MAX_FILE_BYTES) return { error: `'${printable(shown)}' is larger than 32 MB; not checked` };
  if (bytes.subarray(0, 8192).includes(0)) return { error: `'${printable(shown)}' is not a text file; not checked` };
  // TextDecoder drops a byte-order mark (editors hide it, so columns match theirs) and
  // replaces invalid UTF-8 with U+FFFD instead of failing.
  return new TextDecoder('utf-8').decode(bytes);
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function withoutData(finding: Finding): Finding {
  const { ruleId, severity, message, range } = finding;
  return { ruleId, severity, message, range };
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}
