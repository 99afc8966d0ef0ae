// A person sends POST /anything?x=1 with a header and a body, and reads 200 OK and the echo.
import { test, expect, appUrl } from './fixtures';

test('sends a POST with a header and a body and shows the echoed response', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?x=1`);
  await page.getByLabel('Header name').first().fill('X-Reqlab-Test');
  await page.getByLabel('Header value').first().fill('hello header');
  await page.getByLabel('Body', { exact: true }).fill('{"greeting": "hello body"}');
  await page.getByRole('button', { name: 'Send' }).click();

  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('200 OK');
  const body = response.getByLabel('Response body');
  const echo = JSON.parse((await body.textContent()) ?? '');
  expect(echo.method).toBe('POST');
  expect(echo.args).toEqual({ x: '1' });
  expect(echo.headers['X-Reqlab-Test']).toBe('hello header');
  expect(echo.data).toBe('{"greeting": "hello body"}');
  // CORS exposes every header, so the page sees more than the safelisted few.
  await expect(response.getByRole('rowheader', { name: 'date' })).toBeVisible();
  await expect(response).toContainText(/Time \d+ ms/);
});

test('an invalid URL gets a sentence under the field and nothing is sent', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  await url.fill('example.com/no-scheme');
  await expect(url).toHaveAccessibleDescription(/The URL has no scheme: start it with http:\/\/ or https:\/\//);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('Send a request');
});
