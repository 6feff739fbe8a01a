/**
 * An index record from a file's whole text, as the editor's workspace index keeps it
 * (completeness, problems, mentions). A pure function of what it is given, so the language
 * server on Node can also run it in a worker thread (node/indexWorkers.ts): everything it
 * needs of the file's settings is in the job, and the template is rebuilt there from its text.
 */
import { analyzeDocument, findingFilterOf, headBeforeFirstSection, indexEntryOf, type Analysis, type AnalysisOptions, type RuleSetting, type TemplateModel } from '../engine';
import { isRfcOfPath } from './classify';
import type { IndexedRfc } from './indexScan';
import { basename } from './uris';

/** One file to index, with what its settings say about it. */
export interface IndexJob {
  uri: string;
  text: string;
  options: AnalysisOptions;
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Its path alone makes it an RFC (the `files` globs). */
  filesMatch: boolean;
  /**
   * Only its head, up to the first `##` section, is read, and no rule is run on it: enough
   * for numbers, titles and statuses (rfc-lint compares its checked files with the others).
   * Its record's `problems` is 0.
   */
  headOnly?: boolean;
}

/** Analyses index jobs away from the thread that serves requests (a worker), when the host has one. */
export interface IndexAnalyser {
  /**
   * The job's record (undefined when the file is no RFC), analysed elsewhere; or undefined
   * at once when it takes no more work now, and the caller analyses the file itself.
   */
  offer(job: IndexJob, template: TemplateModel): Promise<IndexedRfc | undefined> | undefined;
  /** A scan of the workspace is about to read this many files (the analyser may decide whether to help). */
  scanning?(files: number): void;
}

/** Enough of a file to tell whether an RFC starts there (title and metadata). */
const HEAD_CHARS = 8 * 1024;

/** The record of a file that is no template (undefined when it is no RFC). */
export function indexRecordOf(job: IndexJob, template: TemplateModel): IndexedRfc | undefined {
  const { uri, text } = job;
  const filesMatch = () => job.filesMatch;
  if (job.headOnly) {
    const analysis = analyzeDocument(headBeforeFirstSection(text), template, { ...job.options, skipRules: true });
    return isRfcOfPath(analysis, filesMatch) ? recordOf(uri, analysis, job.rules) : undefined;
  }
  // Most markdown files are no RFCs: their first lines tell, without analysing the rest.
  let head: Analysis | undefined;
  if (text.length > HEAD_CHARS) {
    const cut = text.lastIndexOf('\n', HEAD_CHARS);
    head = analyzeDocument(text.slice(0, cut > 0 ? cut + 1 : HEAD_CHARS), template);
    if (!isRfcOfPath(head, filesMatch)) return undefined;
  }
  // An RFC's full text extends its head: the head's sections are reused as an edit at the
  // end would reuse them, so only the rest is parsed (not the first 8 KB twice).
  const analysis = analyzeDocument(text, template, job.options, head);
  return isRfcOfPath(analysis, filesMatch) ? recordOf(uri, analysis, job.rules) : undefined;
}

/** What the index keeps of an analysed RFC (`entry`: its index entry, when already made). */
export function recordOf(uri: string, analysis: Analysis, rules: IndexJob['rules'], entry = indexEntryOf(uri, fileNameOf(uri), analysis)): IndexedRfc {
  return { entry, filter: findingFilterOf(analysis, rules), problems: analysis.findings.length };
}

/** The file name of a URI (`2026-003-search-cache.md`), for index entries. */
export function fileNameOf(uri: string): string {
  const name = basename(uri);
  return name === '' ? uri : name;
}
