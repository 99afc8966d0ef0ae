// The snippet panel follows the request as it is edited, for every target.
import { test, expect, appUrl } from './fixtures';

test('the snippet changes when the URL changes, and with the chosen target', async ({ page }) => {
  await page.goto(appUrl());
  const code = page.getByLabel('Snippet code');
  // The snippet worker compiles its own wasm after the page is up; on a busy machine that takes a while.
  await expect(code).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('URL', { exact: true }).fill('https://api.example.com/v1/users?page=2');
  await expect(code).toContainText("--url 'https://api.example.com/v1/users?page=2'");
  await page.getByLabel('URL', { exact: true }).fill('https://api.example.com/v2/items');
  await expect(code).toContainText("--url 'https://api.example.com/v2/items'");
  await expect(code).not.toContainText('v1/users');

  await page.getByLabel('Language').selectOption('python-requests');
  await expect(code).toContainText('import requests');
  await expect(code).toContainText('url = "https://api.example.com/v2/items"');
});

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
