// GitHub Pages serves the app under /<repo>/ on another origin: it must load there and send cross-origin.
import { shareLink } from './library';
import { test, expect, appUrl, pagesUrl } from './fixtures';

test('loads under a sub-path and sends to reqlab-echo on another origin', async ({ page }) => {
  await page.goto(pagesUrl());
  await expect(page.getByLabel('Method')).toBeVisible();
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?from=pages`);
  await page.getByRole('button', { name: 'Send' }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('200 OK');
  const echo = JSON.parse((await response.getByLabel('Response body').textContent()) ?? '');
  expect(echo.args).toEqual({ from: 'pages' });
  expect(echo.headers.Origin).toBe(new URL(pagesUrl()).origin);
});

test('under a sub-path, share links keep the sub-path and open there', async ({ page, context }) => {
  await page.goto(pagesUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?shared=from-pages`);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await shareLink(page);
  expect(link.startsWith(`${pagesUrl()}#r=1.`)).toBe(true);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything?shared=from-pages`);
  await other.close();
});
