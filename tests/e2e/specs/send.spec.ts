// A person sends POST /anything?x=1 with a header and a body, and reads 200 OK and the echo.
import { test, expect, appUrl, openTab, sendAndReadEcho } from './fixtures';

test('sends a POST with a header and a body and shows the echoed response', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?x=1`);
  const headers = await openTab(page, 'Headers');
  await headers.getByLabel('Key').first().fill('X-Reqlab-Test');
  await headers.getByLabel('Value').first().fill('hello header');
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Raw' }).check();
  await body.getByLabel('Body text').fill('{"greeting": "hello body"}');

  const echo = await sendAndReadEcho(page);
  expect(echo.method).toBe('POST');
  expect(echo.args).toEqual({ x: '1' });
  expect(echo.headers['X-Reqlab-Test']).toBe('hello header');
  expect(echo.data).toBe('{"greeting": "hello body"}');
  const response = page.getByRole('region', { name: 'Response' });
  // CORS exposes every header, so the page sees more than the safelisted few.
  await expect(response.getByRole('rowheader', { name: 'date' })).toBeVisible();
  await expect(response).toContainText(/Time \d+ ms/);
});

test('an invalid URL gets a sentence under the field and Send says why it is disabled', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  await url.fill('example.com/no-scheme');
  await expect(url).toHaveAccessibleDescription(/The URL has no scheme: start it with http:\/\/ or https:\/\//);
  const send = page.getByRole('button', { name: 'Send', exact: true });
  await expect(send).toBeDisabled();
  await expect(send).toHaveAttribute('title', /no scheme/);
  await expect(url).toHaveValue('example.com/no-scheme');
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('Send a request');
});
