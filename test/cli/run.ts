/** Runs `node dist/cli.js` for the CLI tests, and builds the fixture folders they run in. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cliBundle } from '../support/paths';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  /** Added to (or, when undefined, removed from) the environment. */
  env?: Record<string, string | undefined>;
}

/**
 * Runs rfc-lint in `cwd`. Colour and GitHub variables of the test's own environment are
 * removed, so the output is the same on a terminal, in CI and here.
 */
export function rfcLint(args: string[], cwd: string, options: RunOptions = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const run = spawnSync(process.execPath, [cliBundle, ...args], { cwd, encoding: 'utf8', timeout: 60_000, input: options.input ?? '', env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Temporary project folders, removed after the suite. */
export class Scratch {
  readonly root = realpathSync(mkdtempSync(path.join(tmpdir(), 'rfc-lint-')));
  private count = 0;

  /** A new empty folder with these files (relative path → text). */
  folder(files: Record<string, string> = {}): string {
    const folder = path.join(this.root, `p${++this.count}`);
    mkdirSync(folder);
    write(folder, files);
    return folder;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export function write(folder: string, files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true });
    writeFileSync(path.join(folder, relative), text);
  }
}

/** A small team template, so the fixtures' findings are few and exact. */
export const TEMPLATE = `# RFC: [Title]

**RFC Number**: [YYYY-NNN]
**Status**: [Draft/Under Review/Approved/Implemented]

## Summary
[One paragraph on what and why]

## Design
[How it works]
`;

/** A complete RFC of TEMPLATE. */
export function rfc(number: string, title: string, status: string, body = 'Workers pull jobs from the queue.'): string {
  return `# RFC: ${title}\n\n**RFC Number**: ${number}\n**Status**: ${status}\n\n## Summary\n${title} for everyone.\n\n## Design\n${body}\n`;
}

/**
 * Three RFCs of TEMPLATE and a note: a complete one, a draft with a placeholder and an
 * unknown reference, and one under review that takes the draft's number and lacks Design.
 */
export const PROJECT: Record<string, string> = {
  '.rfc/template.md': TEMPLATE,
  'rfcs/2026-001-queues.md': rfc('2026-001', 'Queues', 'Approved', 'Workers pull jobs from the queue, as RFC 2026-002 suggests.'),
  'rfcs/2026-002-retries.md':
    '# RFC: Retries\n\n**RFC Number**: 2026-002\n**Status**: Draft\n\n## Summary\n[One paragraph on what and why]\n\n## Design\nRetry with backoff; see RFC 2026-009.\n',
  'rfcs/2026-003-limits.md': '# RFC: Limits\n\n**RFC Number**: 2026-002\n**Status**: Under Review\n\n## Summary\nRate limits per tenant.\n',
  'docs/notes.md': '# Notes\n\nNot an RFC.\n',
};

/** The findings of PROJECT as [file, ruleId, severity, message, line, column, endLine, endColumn]. */
export const PROJECT_FINDINGS: [string, string, string, string, number, number, number, number][] = [
  ['rfcs/2026-002-retries.md', 'duplicate-number', 'error', 'RFC number 2026-002 is also used by 2026-003-limits.md: give one of them a new number.', 3, 17, 3, 25],
  ['rfcs/2026-002-retries.md', 'placeholder', 'information', "Unfilled placeholder [One paragraph on what and why]: replace it with this RFC's own text.", 7, 1, 7, 32],
  ['rfcs/2026-002-retries.md', 'unknown-reference', 'warning', 'No RFC in the workspace has the number 2026-009: check the number, or add that RFC to the workspace.', 10, 25, 10, 37],
  ['rfcs/2026-003-limits.md', 'duplicate-number', 'error', 'RFC number 2026-002 is also used by 2026-002-retries.md: give one of them a new number.', 3, 17, 3, 25],
  ['rfcs/2026-003-limits.md', 'number-mismatch', 'warning', 'The file name says 2026-003 but the RFC number is 2026-002: rename the file or correct the number.', 3, 17, 3, 25],
  ['rfcs/2026-003-limits.md', 'missing-section', 'warning', "Missing section 'Design' of the RFC: add '## Design' after 'Summary'.", 6, 1, 6, 11],
];
