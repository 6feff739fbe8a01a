import * as path from 'node:path';
import { InputError } from './errors';
import { printable } from './escape';

/**
 * The files that differ between a git ref and the working tree, as absolute paths:
 * `git diff --name-only -z --relative <ref> --` run in the current folder, without a shell
 * (`-z` keeps unusual file names unquoted; `--relative` gives paths relative to the current
 * folder and leaves out files outside it). Files not yet added to git are not listed.
 * The ref was checked not to start with '-', so git cannot read it as an option.
 */
export async function changedFiles(ref: string, cwd: string): Promise<Set<string>> {
  // Loaded here, not with the bundle: node:child_process brings node:net and node:stream,
  // about 5 ms of every rfc-lint process and worker thread that never runs git. A require,
  // not import(): the bundle runs as a vm.Script (codeCache.ts), which has no module loader.
  const { execFile } = require('node:child_process') as typeof import('node:child_process');
  const args = ['diff', '--name-only', '-z', '--relative', ref, '--'];
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (error, out, err) => {
      if (!error) return resolve(out);
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'git is not installed or not on the PATH' : err.trim().split('\n')[0] || error.message;
      reject(new InputError(`--changed-since ${printable(ref)}: git diff failed: ${printable(why)}`));
    });
  });
  return new Set(stdout.split('\0').filter((p) => p !== '').map((p) => path.resolve(cwd, p)));
}
