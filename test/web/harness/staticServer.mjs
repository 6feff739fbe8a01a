// Serves the extension folder to code-server's path proxy (/proxy/<port>/ext/...), on
// 127.0.0.1 and ::1: the proxy may connect to either. The workbench's CSP allows only its
// own origin, so the extension must come through the proxy and not from this port directly.
// The test bundle (dist/web/test/) always comes from this repository, so the suite can run
// against another checkout's build (RFC_WEB_EXTENSION_DIR).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const TEST_PREFIX = '/ext/dist/web/test/';

/** The file a request path names, or undefined when it leaves its folder or names none. */
function fileFor(urlPath, { extensionDir, testDir }) {
  let relative;
  let root;
  if (urlPath.startsWith(TEST_PREFIX)) [root, relative] = [testDir, urlPath.slice(TEST_PREFIX.length)];
  else if (urlPath.startsWith('/ext/')) [root, relative] = [extensionDir, urlPath.slice('/ext/'.length)];
  else return undefined;
  try {
    const file = normalize(join(root, decodeURIComponent(relative)));
    if (!file.startsWith(root + sep)) return undefined;
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined; // a malformed escape or no such file: 404
  }
}

function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

/** @param {{ extensionDir: string, testDir: string, port: number }} options */
export async function startStaticServer({ extensionDir, testDir, port }) {
  const requests = [];
  const handler = (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    const file = fileFor(path, { extensionDir: normalize(extensionDir), testDir: normalize(testDir) });
    requests.push(`${request.method} ${path} ${file ? 200 : 404}`);
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
  const servers = [createServer(handler), createServer(handler)];
  await listen(servers[0], '127.0.0.1', port);
  await listen(servers[1], '::1', port).catch(() => {
    // No IPv6 loopback here: the proxy then reaches 127.0.0.1.
  });
  return {
    requests: () => requests,
    close: () => Promise.all(servers.map((s) => new Promise((resolve) => (s.listening ? s.close(() => resolve()) : resolve())))),
  };
}
