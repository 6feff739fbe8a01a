import { execFile } from 'node:child_process';

/** `git config user.name` in a folder, or '' when git or the setting is not there. No shell is involved. */
export function gitUserName(cwd: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 3000, windowsHide: true }, (error, stdout) => {
      resolve(error ? '' : stdout.trim());
    });
  });
}
