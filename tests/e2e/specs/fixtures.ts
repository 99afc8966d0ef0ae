// Shared test fixture: every page fails its test on an uncaught error or a console error from the app (a
// panic in the wasm app shows up as both). Console errors the browser itself logs for requests the tests
// make fail on purpose (refused connections, CORS refusals, CSP blocks in the preview, refused WebSocket handshakes) are expected. Plus helpers that act as a person would: by role and accessible name.
import { test as base, expect, Page } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    const expectedBrowserNoise =
      /Failed to load resource|net::ERR_|blocked by CORS policy|Content Security Policy|Refused to |Blocked |WebSocket connection to .* failed/;
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !expectedBrowserNoise.test(msg.text())) errors.push(`console: ${msg.text()}`);
    });
    await use(page);
    expect(errors, 'the page reported errors').toEqual([]);
  },
});
export { expect };

export const appUrl = () => process.env.REQLAB_URL!;
export const pagesUrl = () => process.env.REQLAB_PAGES_URL!;

/// Opens a tab of the request editor and returns its panel.
export async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  return page.getByRole('tabpanel', { name, exact: true });
}

/// Sends, waits for the status, and returns reqlab-echo's JSON echo of what it received.
export async function sendAndReadEcho(page: Page, status = '200 OK') {
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText(status);
  return JSON.parse((await response.getByLabel('Response body').textContent()) ?? '');
}

/// Pastes `text` into the URL field with the keyboard, from the real clipboard, replacing its content.
export async function pasteIntoUrl(page: Page, text: string) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appUrl() });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  const url = page.getByLabel('URL', { exact: true });
  await url.focus();
  await url.press('ControlOrMeta+A');
  await url.press('ControlOrMeta+V');
}
