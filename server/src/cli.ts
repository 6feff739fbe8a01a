/**
 * rfc-lint: the engine on files, for a terminal or CI. Prints one line per finding and a
 * summary; exits 1 when a warning or error was found, 2 on bad usage or an unreadable
 * path, 0 otherwise. It never writes files.
 */
import { readFileSync } from 'node:fs';
import { collectFiles, printable, type CollectedPath } from './cli/collectFiles';
import { formatFileSummary, formatFinding, formatTotals } from './cli/formatText';
import { CliProject } from './cli/project';
import { analyzeDocument, type Finding } from './engine';
import picomatch from 'picomatch';

const USAGE = `Usage: rfc-lint <file or folder>...

Checks RFC markdown files against the RFC template. Files named on the command line are
always checked; in folders, markdown files that look like RFCs (a first heading starting
with "RFC:", an **RFC Number**: line, or a path under rfcs/ or rfc/) are checked.

Settings (files, rules, template, templates, directory) come from .rfcrc.json in the
current folder, templates as in the editor; team templates themselves are not checked.

Exit codes: 0 no warnings or errors, 1 warnings or errors found, 2 usage or read error
(including an unusable .rfcrc.json or template; the built-in template stands in).`;

/** Files larger than this are reported rather than analysed: no RFC is this long. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = argv.find((a) => a.startsWith('-'));
  if (unknown) return usageError(`unknown option '${printable(unknown)}'`);
  if (argv.length === 0) return usageError('name at least one file or folder');

  let paths: CollectedPath[];
  try {
    paths = collectFiles(argv);
  } catch (error) {
    return usageError((error as Error).message, false);
  }

  const project = new CliProject(process.cwd());
  const inRfcFolder = picomatch(project.settings.files, { dot: true });
  const all: Finding[] = [];
  const summaries: string[] = [];
  let readErrors = 0;
  for (const { path, explicit } of paths) {
    if (project.isTemplate(path)) continue;
    const text = readText(path);
    if (typeof text !== 'string') {
      console.error(`rfc-lint: ${text.error}`);
      readErrors++;
      continue;
    }
    const analysis = analyzeDocument(text, project.templateFor(path), { rules: project.settings.rules });
    if (!explicit && !analysis.looksLikeRfc && !inRfcFolder(path.replace(/\\/g, '/'))) continue;
    for (const finding of analysis.findings) console.log(formatFinding(path, finding));
    summaries.push(formatFileSummary(path, analysis));
    all.push(...analysis.findings);
  }
  if (summaries.length > 0) console.log('');
  for (const line of summaries) console.log(line);
  console.log(formatTotals(summaries.length, all));
  for (const problem of project.problems) console.error(`rfc-lint: ${problem}`);
  if (readErrors > 0 || project.problems.length > 0) return 2;
  return all.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0;
}

function readText(path: string): string | { error: string } {
  try {
    const bytes = readFileSync(path);
    if (bytes.length > MAX_FILE_BYTES) return { error: `'${printable(path)}' is larger than 32 MB; not checked` };
    if (bytes.subarray(0, 8192).includes(0)) return { error: `'${printable(path)}' is not a text file; not checked` };
    // TextDecoder drops a byte-order mark (editors hide it, so columns match theirs) and
    // replaces invalid UTF-8 with U+FFFD instead of failing.
    return new TextDecoder('utf-8').decode(bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { error: `cannot read '${printable(path)}': ${code === 'EISDIR' ? 'is a folder' : (error as Error).message}` };
  }
}

function usageError(message: string, showUsage = true): number {
  console.error(`rfc-lint: ${message}`);
  if (showUsage) console.error(`Run 'rfc-lint --help' for usage.`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
