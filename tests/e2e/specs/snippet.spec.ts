// The snippet panel follows the request as it is edited, for every language and client; the choice and the
// options survive a reload; Copy puts the code on the clipboard; the code is highlighted.
import { test, expect, appUrl } from './fixtures';
import type { Page } from '@playwright/test';

/// Opens the app and waits for the worker's first snippet (it compiles its own wasm after the page is up;
/// on a busy machine that takes a while).
async function openWithSnippet(page: Page) {
  await page.goto(appUrl());
  const code = page.getByLabel('Snippet code');
  await expect(code).toBeVisible({ timeout: 30_000 });
  return code;
}

test('the snippet changes when the URL changes, and with the chosen language', async ({ page }) => {
  const code = await openWithSnippet(page);
  await page.getByLabel('URL', { exact: true }).fill('https://api.example.com/v1/users?page=2');
  await expect(code).toContainText("--url 'https://api.example.com/v1/users?page=2'");
  await page.getByLabel('URL', { exact: true }).fill('https://api.example.com/v2/items');
  await expect(code).toContainText("--url 'https://api.example.com/v2/items'");
  await expect(code).not.toContainText('v1/users');

  // A language opens on its first client.
  await page.getByLabel('Language', { exact: true }).selectOption('Python');
  await expect(page.getByLabel('Client')).toHaveValue('python-requests');
  await expect(code).toContainText('import requests');
  await expect(code).toContainText('url = "https://api.example.com/v2/items"');
});

test('language and client are picked separately and remembered across a reload', async ({ page }) => {
  const code = await openWithSnippet(page);
  const language = page.getByLabel('Language', { exact: true });
  const client = page.getByLabel('Client');
  await language.selectOption('Python');
  await client.selectOption({ label: 'urllib3' });
  await expect(code).toContainText('import urllib3');
  // The client list holds only the chosen language's clients.
  await expect(client.getByRole('option')).toHaveText(['requests', 'http.client', 'urllib3', 'httpx']);

  // Another language, then back: the last-used client of that language comes back.
  await language.selectOption('Shell');
  await expect(code).toContainText('curl ');
  await language.selectOption('Python');
  await expect(client).toHaveValue('python-urllib3');

  await page.reload();
  await expect(code).toContainText('import urllib3', { timeout: 30_000 });
  await expect(language).toHaveValue('Python');
  await expect(client).toHaveValue('python-urllib3');
});

test('an option changes the code, and is remembered', async ({ page }) => {
  const code = await openWithSnippet(page);
  await page.getByLabel('URL', { exact: true }).fill('https://api.example.com/v2/items');
  await expect(code).toContainText("--url 'https://api.example.com/v2/items'");
  await page.getByLabel('Short flags').check();
  await expect(code).toContainText("curl 'https://api.example.com/v2/items'");
  await expect(code).toContainText('-L');
  await expect(code).not.toContainText('--url');
  await page.getByLabel('One option per line').uncheck();
  await expect(code).toContainText("curl 'https://api.example.com/v2/items' -L");

  // Options that do nothing for a target are not offered.
  await page.getByLabel('Language', { exact: true }).selectOption('Python');
  await expect(page.getByLabel('Short flags')).toBeHidden();
  await page.getByLabel('Use a Session').check();
  await expect(code).toContainText('with requests.Session() as session:');

  await page.reload();
  await expect(code).toContainText('session.get(url', { timeout: 30_000 });
  await page.getByLabel('Language', { exact: true }).selectOption('Shell');
  await expect(page.getByLabel('Short flags')).toBeChecked();
});

test('stored choices the app cannot read fall back to the defaults', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('reqlab.snippet', '{"target":"cobol-magic","options":{"indent":"wide"}');
    }
  });
  const code = await openWithSnippet(page);
  await expect(code).toContainText('curl ');
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('Shell');
});

test('the code is highlighted: the URL is one string token', async ({ page }) => {
  const code = await openWithSnippet(page);
  await page.getByLabel('URL', { exact: true }).fill('https://api.example.com/v2/items');
  await page.getByLabel('Language', { exact: true }).selectOption('Python');
  // Token classes are the highlighting itself; there is no role to find them by.
  await expect(code.locator('.tok-str', { hasText: 'https://api.example.com/v2/items' })).toHaveText(
    '"https://api.example.com/v2/items"',
  );
  await expect(code.locator('.tok-kw').first()).toHaveText('import');
});

test.describe('with clipboard access', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy puts the code on the clipboard and says so', async ({ page }) => {
    const code = await openWithSnippet(page);
    await page.getByLabel('URL', { exact: true }).fill('https://api.example.com/copied');
    await expect(code).toContainText('https://api.example.com/copied');
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await code.textContent());
    expect(copied).toContain("--url 'https://api.example.com/copied'");
  });
});

test('a refused clipboard gets a clear message', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
    });
  });
  await openWithSnippet(page);
  await page.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'refused the clipboard' })).toBeVisible();
});

test.describe('before the snippet worker listens', () => {
  // The offline shell's service worker would fetch the worker's wasm itself, out of the route's reach.
  test.use({ serviceWorkers: 'block' });

  test('a slow snippet worker still answers the question asked before it started', async ({ page }) => {
    // Hold the worker's wasm back so the page asks long before the worker listens.
    let held = 0;
    await page.route('**/snippet-worker_bg.wasm', async (route) => {
      held += 1;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue();
    });
    await page.goto(appUrl());
    await page.getByLabel('URL', { exact: true }).fill('https://api.example.com/early');
    await expect(page.getByLabel('Snippet code')).toContainText("--url 'https://api.example.com/early'", {
      timeout: 25_000,
    });
    expect(held, 'the worker wasm went through the delay').toBe(1);
  });
});
