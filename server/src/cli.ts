/**
 * rfc-lint: the engine on files, for a terminal or CI. Wires the pieces in server/src/cli/:
 * arguments, inputs, analysis, the report and its format. Exits 0 when nothing is over the
 * thresholds, 1 when something is, 2 on bad usage or a read, write or configuration error.
 * The only file it writes is the one --output names.
 */
import { parseArgs, USAGE, type CliOptions, type Format } from './cli/args';
import { InputError, UsageError } from './cli/errors';
import type { FormatContext, Formatter } from './cli/formats/context';
import { formatGithub } from './cli/formats/github';
import { formatJson } from './cli/formats/json';
import { formatSarif } from './cli/formats/sarif';
import { formatText } from './cli/formats/text';
import { collectInputs, markdownFiles } from './cli/inputs';
import { lintInputs } from './cli/lint';
import { writeReport } from './cli/output';
import { printable } from './cli/paths';
import { CliProject } from './cli/project';
import { buildReport } from './cli/report';
import { packageVersion } from './cli/version';

const FORMATTERS: Record<Format, Formatter> = { text: formatText, json: formatJson, sarif: formatSarif, github: formatGithub };

async function main(argv: string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`rfc-lint: ${error.message}`);
    console.error(`Run 'rfc-lint --help' for usage.`);
    return 2;
  }
  if (options.help) return print(USAGE);
  if (options.version) return print(packageVersion());

  const cwd = process.cwd();
  const project = new CliProject(cwd);
  try {
    const inputs = await collectInputs(options.operands, {
      cwd,
      files: project.settings.files,
      stdinFilename: options.stdinFilename,
      changedSince: options.changedSince,
    });
    // The cross-file rules compare with every RFC under the current folder, also those not checked.
    const { files, errors } = await lintInputs(inputs, project, markdownFiles(cwd));
    const report = buildReport(files, [...errors, ...project.problems], { maxWarnings: options.maxWarnings, minCompleteness: options.minCompleteness });
    const context: FormatContext = { version: packageVersion(), color: useColor(options), table: options.report };
    await writeReport(FORMATTERS[options.format](report, context), options.output);
    for (const message of report.runErrors) console.error(`rfc-lint: ${message}`);
    if (options.format !== 'github') {
      for (const failure of report.failures) {
        if (failure.reason === 'min-completeness') console.error(`rfc-lint: ${printable(failure.path ?? '')}: ${failure.message}`);
        else if (failure.reason === 'warnings' && options.maxWarnings !== undefined) console.error(`rfc-lint: ${failure.message}`);
      }
    }
    return report.exitCode;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    for (const problem of project.problems) console.error(`rfc-lint: ${problem}`);
    console.error(`rfc-lint: ${error.message}`);
    return 2;
  }
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
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`rfc-lint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
