// The web build as a person sees it in the browser: the status bar shows the RFC's
// completeness, the Problems panel lists the template's unfilled placeholders (screenshot
// test/web/screenshots/web-problems.png), and Developer: Show Running Extensions lists RFC
// Assistant in the web worker extension host (web-running-extensions.png).
// Waits on selectors with timeouts, never on fixed sleeps.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openTemplateFromExplorer, openWorkbench, runCommand, step, TIMEOUT } from '../../e2e/ui/workbench.mjs';

/** @param {{ context: any, url: string, screenshots: string, record: (title: string, error?: unknown) => void }} options */
export async function runWebUiCheck({ context, url, screenshots, record }) {
  mkdirSync(screenshots, { recursive: true });
  const page = await openWorkbench(context, url);

  const opened = await step(record, 'web ui: opens the template by clicking it in the Explorer', async () => {
    await openTemplateFromExplorer(page);
  });
  if (!opened) return;

  await step(record, 'web ui: the status bar shows the RFC\'s completeness', async () => {
    await page.locator('.statusbar-item', { hasText: /RFC \d+%/ }).first().waitFor({ timeout: TIMEOUT }).catch(async (error) => {
      const items = await page.locator('.statusbar-item').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || e.textContent));
      throw new Error(`${error.message.split('\n')[0]}\nthe status bar has: ${JSON.stringify(items)}`);
    });
  });

  await step(record, 'web ui: the Problems panel lists the unfilled placeholders', async () => {
    await runCommand(page, 'Problems: Focus on Problems View');
    const panel = page.locator('.markers-panel');
    await panel.locator('.monaco-list-row', { hasText: 'Unfilled placeholder [Feature Name]' }).first().waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: join(screenshots, 'web-problems.png') });
  });

  await step(record, 'web ui: Developer: Show Running Extensions lists RFC Assistant in the web worker', async () => {
    await runCommand(page, 'Developer: Show Running Extensions');
    const editor = page.locator('.runtime-extensions-editor');
    const rows = editor.locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: TIMEOUT });
    // The list renders only the rows in view: walk it with the keyboard until ours is there.
    const ours = rows.filter({ hasText: /RFC Assistant|rfc-assistant\.rfc-assistant/ });
    await rows.first().click();
    for (let i = 0; i < 100 && (await ours.count()) === 0; i++) await page.keyboard.press('ArrowDown');
    await ours.first().scrollIntoViewIfNeeded({ timeout: TIMEOUT });
    const text = await ours.first().innerText();
    if (!/web worker/i.test(text)) throw new Error(`RFC Assistant's row in Running Extensions says ${JSON.stringify(text)}, not "web worker"`);
    await page.screenshot({ path: join(screenshots, 'web-running-extensions.png') });
    // VS Code 1.139 opens it as a modal editor over the workbench.
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached', timeout: TIMEOUT }).catch(() => runCommand(page, 'View: Close Editor'));
  });
}
