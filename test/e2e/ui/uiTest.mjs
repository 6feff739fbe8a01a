// The UI test a person would recognise: open an RFC from the Explorer, read the status
// bar, look at the sections view and the Problems panel, run New RFC from the command
// palette and open its markdown preview. Waits on selectors with timeouts, never on fixed sleeps.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openTemplateFromExplorer, openWorkbench, runCommand, step, TIMEOUT } from './workbench.mjs';

/** @param {{ context: any, url: string, screenshots: string, record: (title: string, error?: unknown) => void, log: (s: string) => void }} options */
export async function runUiTest({ context, url, screenshots, record }) {
  mkdirSync(screenshots, { recursive: true });
  const page = await openWorkbench(context, url);

  const opened = await step(record, 'ui: opens an RFC by clicking it in the Explorer', async () => {
    await openTemplateFromExplorer(page);
  });
  if (!opened) return;

  const statusItem = page.locator('.statusbar-item', { hasText: /RFC \d+%/ });
  await step(record, 'ui: the status bar shows the RFC\'s completeness ("RFC 2%")', async () => {
    await statusItem.first().waitFor({ timeout: TIMEOUT });
    const text = (await statusItem.first().innerText()).trim();
    if (text !== 'RFC 2%') throw new Error(`status bar says ${JSON.stringify(text)}`);
    await page.locator('.part.statusbar').screenshot({ path: join(screenshots, 'status-bar.png') });
  });

  await step(record, 'ui: the RFC Sections view lists the sections with their state', async () => {
    const header = page.locator('.pane-header', { hasText: 'RFC Sections' });
    await header.waitFor({ timeout: TIMEOUT });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const pane = page.locator('.pane', { has: header });
    await pane.locator('.monaco-list-row', { hasText: 'Summary' }).first().waitFor({ timeout: TIMEOUT });
    await pane.locator('.monaco-list-row', { hasText: '1 placeholder' }).first().waitFor({ timeout: TIMEOUT });
    await pane.screenshot({ path: join(screenshots, 'sections-view.png') });
  });

  await step(record, 'ui: the Problems panel lists the unfilled placeholders', async () => {
    await runCommand(page, 'Problems: Focus on Problems View');
    const panel = page.locator('.part.panel');
    await panel.locator('.monaco-list-row', { hasText: 'Unfilled placeholder [Feature Name]' }).first().waitFor({ timeout: TIMEOUT });
    await panel.screenshot({ path: join(screenshots, 'problems.png') });
  });

  await step(record, 'ui: New RFC from the command palette asks for a title and opens the new file', async () => {
    await runCommand(page, 'RFC: New RFC');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'Title of the RFC' }).waitFor({ timeout: TIMEOUT });
    await input.fill('Screenshot Demo');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Authors' }).waitFor({ timeout: TIMEOUT });
    await input.fill('Ana Costa');
    await page.keyboard.press('Enter');
    const year = new Date().getFullYear();
    // The number follows every RFC of the workspace (docs/2026-002-rate-limiting.md in 2026).
    await page.locator('.tabs-container .tab.active', { hasText: new RegExp(`${year}-\\d{3}-screenshot-demo\\.md`) }).waitFor({ timeout: TIMEOUT });
    await statusItem.first().waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: join(screenshots, 'workbench.png') });
  });

  await step(record, 'ui: the markdown preview of the RFC shows the completeness banner and marks the placeholders', async () => {
    await runCommand(page, 'Markdown: Open Preview to the Side');
    // The preview is a webview: an iframe whose document is in a nested iframe.
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('.rfc-preview-banner', { hasText: /RFC \d+% complete · \d+ placeholders left/ }).waitFor({ timeout: TIMEOUT });
    await preview.locator('mark.rfc-placeholder', { hasText: '[One paragraph executive summary of the proposal]' }).first().waitFor({ timeout: TIMEOUT });
    await page.locator('.part.editor').screenshot({ path: join(screenshots, 'preview.png') });
  });
}
