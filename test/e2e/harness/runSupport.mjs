// What both browser-driven suites (real editor: test/e2e/run.mjs; web: test/web/run.mjs)
// do the same way: run offline in a network namespace of their own, and record results.
import { spawnSync } from 'node:child_process';

/**
 * As root, runs this script again inside `unshare --net` (loopback only), so the editor under
 * test reaches nothing outside and two runs never share ports; exits with its status.
 * RFC_E2E_NETNS=off runs in place.
 */
export function rerunInNetworkNamespace() {
  if (process.getuid?.() !== 0 || process.env.RFC_E2E_NETNS) return;
  const inner = spawnSync('unshare', ['--net', '--', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, RFC_E2E_NETNS: '1' },
  });
  process.exit(inner.status ?? 1);
}

/** A results list and the function that records a test's outcome into it, printing a ✓/✗ line. */
export function resultRecorder(log) {
  const results = [];
  const record = (title, error) => {
    results.push({ title, error });
    log(`  ${error ? '✗' : '✓'} ${title}${error ? `\n      ${String(error.stack ?? error).split('\n').join('\n      ')}` : ''}`);
  };
  return { results, record };
}
