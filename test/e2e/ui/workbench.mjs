// Driving code-server's workbench with Playwright, as a person would: shared by the
// real-editor UI test (uiTest.mjs) and the web build's UI check (test/web/ui/webUiCheck.mjs).
// Waits on selectors with timeouts, never on fixed sleeps.

export const TIMEOUT = 60_000;

/** Runs one UI step, recording it as passed or failed; says whether it passed. */
export async function step(record, title, body) {
  try {
    await body();
    record(title);
    return true;
  } catch (error) {
    record(title, error);
    return false;
  }
}

/** The Explorer's row of a file or folder, by its exact name. */
export function explorerRow(page, name) {
  return page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
}

/** Runs a command from the Command Palette by its title. */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: TIMEOUT });
  await page.keyboard.press('Enter');
}

/** Opens the workbench at `url` in the context's page and waits until it has drawn. */
export async function openWorkbench(context, url) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: TIMEOUT });
  return page;
}

/** Opens docs/rfc-template.md of the fixture workspace by clicking it in the Explorer. */
export async function openTemplateFromExplorer(page) {
  await explorerRow(page, 'docs').first().waitFor({ timeout: TIMEOUT });
  await explorerRow(page, 'docs').first().click();
  await explorerRow(page, 'rfc-template.md').first().click();
  await page.locator('.tabs-container .tab.active', { hasText: 'rfc-template.md' }).waitFor({ timeout: TIMEOUT });
}
