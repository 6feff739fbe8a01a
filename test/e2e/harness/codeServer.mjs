// Starts code-server (VS Code 1.139 in a browser, a real workbench and extension host) for
// one run: its own user data, extensions and config folders, telemetry and updates off.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

/**
 * @param {{ node: string, tools: string, runDir: string, port: number, extensionsDir?: string, env?: Record<string,string>, log: (s: string) => void }} options
 */
export async function startCodeServer({ node, tools, runDir, port, extensionsDir, env = {}, log }) {
  const userData = join(runDir, 'user-data');
  const extensions = extensionsDir ?? join(runDir, 'extensions');
  for (const dir of [join(userData, 'User'), extensions, join(runDir, 'xdg-config'), join(runDir, 'xdg-data'), join(runDir, 'xdg-cache')]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const config = join(runDir, 'empty-config.yaml');
  writeFileSync(config, '');
  const args = [
    join(tools, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const child = spawn(node, args, {
    detached: true, // its own process group: the extension host and watchers go with it
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      XDG_CONFIG_HOME: join(runDir, 'xdg-config'),
      XDG_DATA_HOME: join(runDir, 'xdg-data'),
      XDG_CACHE_HOME: join(runDir, 'xdg-cache'),
      EXTENSIONS_GALLERY: '{"serviceUrl":""}',
    },
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await Promise.race([exited.then((e) => ({ exited: e })), fetch(`${url}/healthz`).then((r) => (r.ok ? 'up' : 'down'), () => 'down')]);
    if (state === 'up') break;
    if (typeof state === 'object') throw new Error(`code-server exited before it was ready (${JSON.stringify(state.exited)}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s:\n${output}`);
    await delay(100); // polling a local health endpoint, not waiting on the editor
  }
  log(`code-server ready at ${url}`);
  return {
    url,
    output: () => output,
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      const stopped = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
      if (!stopped) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    },
  };
}

/** Installs a VSIX into an extensions folder with code-server's own CLI. */
export function installVsix({ node, tools, vsix, extensionsDir, runDir }) {
  mkdirSync(extensionsDir, { recursive: true });
  return execFileSync(
    node,
    [join(tools, 'node_modules', 'code-server', 'out', 'node', 'entry.js'), '--extensions-dir', extensionsDir, '--user-data-dir', join(runDir, 'vsix-user-data'), '--install-extension', vsix],
    { encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(runDir, 'xdg-config'), XDG_DATA_HOME: join(runDir, 'xdg-data') } },
  );
}
