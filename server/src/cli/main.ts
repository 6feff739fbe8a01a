/**
 * rfc-lint: the project service and the engine on files, for a terminal or CI. Wires the
 * pieces in server/src/cli/: arguments, inputs, analysis, the report and its format.
 * Exits 0 when nothing is over the thresholds, 1 when something is, 2 on bad usage, a
 * read, write or configuration error, or a run that checks nothing. The only file it
 * writes is the one --output names.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, workerData } from 'node:worker_threads';
import { parseArgs, USAGE, type CliOptions, type Format } from './args';
import { InputError, UsageError } from './errors';
import type { FormatContext, Formatter } from './formats/context';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatText } from './formats/text';
import { collectInputs, type Input } from './inputs';
import { lintEach, lintInputs } from './lint';
import { analyseInWorkers, WORKER_ROLE, workerCount, type WorkerData } from './pool';
import { runWorker } from './worker';
import { writeReport } from './output';
import { printable, printableKeepingLineBreaks } from './escape';
import { createCliProject, probeUri } from './project';
import { buildReport } from './report';
import { packageVersion } from './version';

const FORMATTERS: Record<Format, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub };

async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    warn(error.message);
    console.error(`Run 'rfc-lint --help' for usage.`);
    return 2;
  }
  if (options.help) return print(USAGE);
  if (options.version) return print(packageVersion());

  const cwd = process.cwd();
  const projectOptions = { cwd, config: options.config, template: options.template };
  const project = createCliProject(projectOptions);
  const workerProblems: string[] = [];
  const problems = () => [...new Set([...project.problems.all(), ...workerProblems])];
  try {
    // Without paths: the `files` globs of the current folder's settings.
    const rootSettings = await project.settingsFor(probeUri(cwd));
    const { inputs, skipped, notes } = await collectInputs(options.operands, {
      cwd,
      files: rootSettings.values.files,
      filesBase: fileURLToPath(rootSettings.bases.files),
      stdinFilename: options.stdinFilename,
      changedSince: options.changedSince,
    });
    for (const note of notes) warn(note);
    const lintOptions = { cwd, lineKeys: options.format === 'sarif' };
    const inThread = (some: readonly Input[]) => lintEach(some, project, lintOptions);
    const workers = workerCount(inputs.length, options.jobs, availableParallelism());
    const { files, errors } = await lintInputs(inputs, project, async (all) => {
      if (workers === 0) return inThread(all);
      const done = await analyseInWorkers(all, workers, __filename, { ...projectOptions, lineKeys: lintOptions.lineKeys }, inThread);
      workerProblems.push(...done.problems);
      return done.outcomes;
    });
    const runErrors = [...skipped, ...errors, ...problems()];
    if (files.length === 0 && runErrors.length === 0 && !options.allowEmpty && options.changedSince === undefined) {
      runErrors.push(
        options.operands.length === 0
          ? `no RFC to check: nothing here matches the "files" globs (${rootSettings.values.files.join(', ')}); name files or folders, or pass --allow-empty`
          : 'no RFC to check among the paths given; pass --allow-empty if that is expected',
      );
    } else if (files.length === 0 && options.changedSince !== undefined) {
      warn(`no RFC changed since ${options.changedSince}`);
    }
    const report = buildReport(files, runErrors, { maxWarnings: options.maxWarnings, minCompleteness: options.minCompleteness });
    const context: FormatContext = { version: packageVersion(), color: useColor(options), table: options.report };
    await writeReport(FORMATTERS[options.format](report, context), options.output);
    for (const message of report.runErrors) warn(message);
    if (options.format !== 'github') {
      for (const failure of report.failures) {
        if (failure.reason === 'min-completeness') warn(`${failure.path ?? ''}: ${failure.message}`);
        else if (failure.reason === 'warnings' && options.maxWarnings !== undefined) warn(failure.message);
      }
    }
    return report.exitCode;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of problems()) warn(problem);
    warn(error.message);
    return 2;
  }
}

/**
 * A line on standard error. Messages name files and keys from the project, so they pass
 * through printable (already-escaped text is unchanged: printable leaves backslashes alone).
 */
function warn(message: string): void {
  console.error(`rfc-lint: ${printable(message)}`);
}

/** Colours for the text format on a terminal: NO_COLOR (not empty) turns them off, FORCE_COLOR (not 0) on. */
function useColor(options: CliOptions): boolean {
  if (options.format !== 'text' || options.output !== undefined) return false;
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return process.stdout.isTTY === true;
}

function print(text: string): number {
  process.stdout.write(text + '\n');
  return 0;
}

// A closed pipe (`rfc-lint | head`) ends the run quietly, as other command-line tools do.
if (isMainThread) process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// The same script runs the analysis workers (pool.ts).
if (!isMainThread && (workerData as WorkerData | undefined)?.role === WORKER_ROLE) void runWorker(workerData as WorkerData);
else startMain();

function startMain(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`rfc-lint: internal error: ${printableKeepingLineBreaks(error instanceof Error ? (error.stack ?? error.message) : String(error))}`);
      process.exitCode = 2;
    },
  );
}
