/**
 * `rfc-lint` as a VS Code task: the `rfc-lint` task type runs the CLI bundled with the
 * extension (dist/cli.js) on the Node that runs the extension host, so no separate install
 * is needed, and the `$rfc-lint` problem matcher puts its findings in Problems. A task per
 * workspace folder is offered in Run Task; tasks.json can name other paths and arguments.
 */
import * as vscode from 'vscode';

export const LINT_TASK_TYPE = 'rfc-lint';

/** The `rfc-lint` task type's properties (package.json `taskDefinitions`). */
interface LintTaskDefinition extends vscode.TaskDefinition {
  /** Files, folders or globs to check; none: the "files" globs of .rfcrc.json. */
  paths?: string[];
  /** More command-line options (`--max-warnings`, `--template`, …). */
  args?: string[];
}

export function registerLintTasks(context: vscode.ExtensionContext): vscode.Disposable {
  const cli = context.asAbsolutePath('dist/cli.js');
  const taskFor = (definition: LintTaskDefinition, scope: vscode.WorkspaceFolder): vscode.Task => {
    const args = [...(definition.args ?? []).map(String), ...(definition.paths ?? []).map(String)];
    // The extension host's executable runs scripts as Node with ELECTRON_RUN_AS_NODE (it is
    // Node itself in remote and server hosts). No colours: the problem matcher reads plain lines.
    const execution = new vscode.ProcessExecution(process.execPath, [cli, ...args], {
      cwd: scope.uri.fsPath,
      env: { ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
    });
    const task = new vscode.Task(definition, scope, args.length > 0 ? `check ${args.join(' ')}` : 'check RFCs', 'rfc-lint', execution, '$rfc-lint');
    task.group = vscode.TaskGroup.Test;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
    return task;
  };
  return vscode.tasks.registerTaskProvider(LINT_TASK_TYPE, {
    provideTasks: () =>
      (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => taskFor({ type: LINT_TASK_TYPE }, folder)),
    resolveTask: (task) => {
      const scope = task.scope;
      if (scope === undefined || typeof scope === 'number' || scope.uri.scheme !== 'file') return undefined;
      return taskFor(task.definition as LintTaskDefinition, scope);
    },
  });
}
