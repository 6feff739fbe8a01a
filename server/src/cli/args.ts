/**
 * rfc-lint's command line: options and operands, checked here so the rest of the CLI only
 * sees valid values. Every mistake is a `UsageError` whose message names the option.
 */
import { UsageError } from './errors';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  /** Paths, folders, globs and `-` (standard input), in the order given; empty: the `files` globs. */
  operands: string[];
  format: Format;
  /** Fail when there are more warnings than this; undefined: any warning fails. */
  maxWarnings?: number;
  /** Fail when an RFC is less complete than this percentage. */
  minCompleteness?: number;
  /** Lint only files changed since this git ref. */
  changedSince?: string;
  /** Add the table of every RFC (text and github formats; the JSON report always has it). */
  report: boolean;
  /** Write the report to this file instead of standard output. */
  output?: string;
  /** The name standard input stands for: its template, rfc.files matching and the path printed. */
  stdinFilename?: string;
  /** One configuration file for every RFC, instead of the nearest `.rfcrc.json`. */
  config?: string;
  /** One template for every RFC, instead of the settings' and discovery's. */
  template?: string;
  /** A run that checks no RFC passes (it fails with exit code 2 otherwise). */
  allowEmpty: boolean;
  /** Threads analysing files at once; undefined: one per core. */
  jobs?: number;
  help: boolean;
  version: boolean;
}

type ValueOption = 'format' | 'max-warnings' | 'min-completeness' | 'changed-since' | 'output' | 'stdin-filename' | 'config' | 'template' | 'jobs';
type FlagOption = 'report' | 'help' | 'version' | 'allow-empty';

const VALUE_OPTIONS: Record<string, ValueOption> = {
  '--format': 'format',
  '-f': 'format',
  '--max-warnings': 'max-warnings',
  '--min-completeness': 'min-completeness',
  '--changed-since': 'changed-since',
  '--output': 'output',
  '-o': 'output',
  '--stdin-filename': 'stdin-filename',
  '--config': 'config',
  '-c': 'config',
  '--template': 'template',
  '-t': 'template',
  '--jobs': 'jobs',
  '-j': 'jobs',
};

const FLAG_OPTIONS: Record<string, FlagOption> = {
  '--report': 'report',
  '--allow-empty': 'allow-empty',
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '-v': 'version',
};

/** Parses the arguments after `node cli.js`. Throws a UsageError for anything it cannot use. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { operands: [], format: 'text', report: false, allowEmpty: false, help: false, version: false };
  const seen = new Set<string>();
  let onlyOperands = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyOperands || arg === '-' || !arg.startsWith('-')) {
      options.operands.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyOperands = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = FLAG_OPTIONS[name];
    const valued = VALUE_OPTIONS[name];
    if (!flag && !valued) throw new UsageError(`unknown option '${name}'`);
    const key = flag ?? valued;
    if (seen.has(key)) throw new UsageError(`--${key} is given more than once`);
    seen.add(key);
    if (flag) {
      if (eq > 0) throw new UsageError(`--${flag} takes no value`);
      options[flag === 'help' ? 'help' : flag === 'version' ? 'version' : flag === 'allow-empty' ? 'allowEmpty' : 'report'] = true;
      continue;
    }
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else throw new UsageError(`--${valued} needs a value`);
    setValue(options, valued, value);
  }
  if (options.stdinFilename !== undefined && !options.operands.includes('-')) {
    throw new UsageError(`--stdin-filename names standard input: add '-' to the paths`);
  }
  if (options.operands.filter((o) => o === '-').length > 1) throw new UsageError(`'-' (standard input) is given more than once`);
  if (options.report && options.format === 'sarif') throw new UsageError('--report has no place in SARIF: use --format json or text for the table');
  return options;
}

function setValue(options: CliOptions, option: ValueOption, value: string): void {
  switch (option) {
    case 'format':
      if (!(FORMATS as readonly string[]).includes(value)) {
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got '${value}')`);
      }
      options.format = value as Format;
      return;
    case 'max-warnings':
      if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number, 0 or more (got '${value}')`);
      options.maxWarnings = Number(value);
      return;
    case 'min-completeness': {
      const match = /^(\d+(?:\.\d+)?)%?$/.exec(value);
      const percent = match ? Number(match[1]) : NaN;
      if (!(percent >= 0 && percent <= 100)) throw new UsageError(`--min-completeness needs a percentage from 0 to 100 (got '${value}')`);
      options.minCompleteness = percent;
      return;
    }
    case 'changed-since':
      if (value === '') throw new UsageError('--changed-since needs a git ref, e.g. origin/main');
      // git would read a ref starting with '-' as one of its own options.
      if (value.startsWith('-')) throw new UsageError(`--changed-since refuses '${value}': a git ref cannot start with '-'`);
      options.changedSince = value;
      return;
    case 'jobs':
      if (!/^[1-9]\d{0,2}$/.test(value)) throw new UsageError(`--jobs needs a whole number from 1 to 999 (got '${value}')`);
      options.jobs = Number(value);
      return;
    case 'output':
      if (value === '') throw new UsageError('--output needs a file name');
      options.output = value;
      return;
    case 'stdin-filename':
      if (value === '') throw new UsageError('--stdin-filename needs a file name');
      options.stdinFilename = value;
      return;
    case 'config':
      if (value === '') throw new UsageError('--config needs a file name');
      options.config = value;
      return;
    case 'template':
      if (value === '') throw new UsageError('--template needs a file name');
      options.template = value;
      return;
  }
}

export const USAGE = `Usage: rfc-lint [options] [path | folder | glob | -]...

Checks RFC markdown files against the team's RFC template, with the editor's engine,
settings and templates: each file follows the nearest .rfcrc.json in its folder or above
(up to the root of the git repository, else the current folder), and the template it
names (else .rfc/template.md, else <directory>/0000-template.md, else the built-in one).

Paths: a file is always checked; in a folder, the markdown files that look like RFCs (a
first heading starting with "RFC:", an **RFC Number**: line, or matching the "files"
globs) are checked; a glob ('rfcs/**/*.md', quoted) checks every file it matches; '-'
reads standard input. Without paths: the "files" globs of .rfcrc.json (default
'**/rfcs/**/*.md' and '**/rfc/**/*.md') from the current folder.

Options:
  -f, --format FORMAT        text (default), json, sarif or github (workflow annotations)
      --max-warnings N       allow up to N warnings (default 0); errors always fail
      --min-completeness P   fail when an RFC is less than P% complete
      --changed-since REF    check only files that differ from the git ref REF
      --report               add a table of every RFC: number, title, status,
                             completeness, problems (text and github formats)
  -o, --output FILE          write the report to FILE instead of standard output
      --stdin-filename NAME  the path standard input ('-') stands for (default <stdin>)
  -c, --config FILE          use this configuration for every file, not the nearest
                             .rfcrc.json
  -t, --template FILE        check every file against this template
  -j, --jobs N               analyse with N threads (default: one per core, at most
                             one per 1,000 files)
      --allow-empty          pass when no RFC is checked (else exit code 2)
  -h, --help                 show this help
  -v, --version              show the version

Colours: text output is coloured on a terminal; NO_COLOR turns colours off,
FORCE_COLOR (not 0) turns them on.

Reports say which template and configuration each file was checked against.

Exit codes: 0 nothing over the thresholds; 1 an error, more warnings than --max-warnings
allows, or an RFC below --min-completeness; 2 bad usage, a path that cannot be read, a
folder that cannot be read (the rest is checked), a failed git command, an unusable or
mistaken .rfcrc.json or template (the built-in one stands in), or no RFC checked at all
(unless --allow-empty; with --changed-since, no changed RFC is no error).`;
