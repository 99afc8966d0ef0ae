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
