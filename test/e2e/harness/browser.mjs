// Headless Debian Chromium driven by playwright-core, with no network beyond loopback.
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** @param {{ tools: string, profileDir: string }} options */
export async function launchBrowser({ tools, profileDir }) {
  const require = createRequire(join(tools, 'package.json'));
  const { chromium } = require('playwright-core');
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** The workbench's remote authority, which extension and test paths must carry. */
export async function remoteAuthority(page) {
  await page.waitForSelector('#vscode-workbench-web-configuration', { state: 'attached', timeout: 60_000 });
  return page.evaluate(() => JSON.parse(document.querySelector('#vscode-workbench-web-configuration').dataset.settings).remoteAuthority);
}

/** A workbench URL that opens a folder, optionally with extension development and test paths. */
export function workbenchUrl(base, folder, payload) {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}
