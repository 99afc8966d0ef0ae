// Fidelity with curl, as a person meets it: a pasted `curl -F` part keeps its own Content-Type, and header
// values outside ASCII are kept and explained. reqlab-echo's /dump/request says, byte for byte, what arrived.
import { Page } from '@playwright/test';
import { test, expect, appUrl, openTab, pasteIntoUrl } from './fixtures';

/// Clicks Send and returns the bytes reqlab-echo's /dump/request answered with (what it received).
async function sendAndDump(page: Page): Promise<Buffer> {
  const answer = page.waitForResponse((r) => r.url().includes('/dump/request'));
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  return (await answer).body();
}

test('a pasted curl -F part with ;type= goes out with that Content-Type, and a typed one too', async ({ page }) => {
  await page.goto(appUrl());
  await pasteIntoUrl(page, `curl ${appUrl()}dump/request -F 'meta={"k":"v"};type=application/json' -F 'title=plain'`);
  await expect(page.getByRole('status').filter({ hasText: 'Imported a curl command' })).toBeVisible();
  const body = await openTab(page, 'Body');
  await expect(body.getByRole('radio', { name: 'Multipart form' })).toBeChecked();
  const types = body.getByLabel('Content-Type', { exact: true });
  await expect(types.nth(0)).toHaveValue('application/json');
  await expect(types.nth(1)).toHaveValue('');
  // A type typed by hand goes out as well.
  await types.nth(1).fill('text/x-note');

  const dump = (await sendAndDump(page)).toString('utf8');
  expect(dump).toContain('Content-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"k":"v"}\r\n');
  expect(dump).toContain('Content-Disposition: form-data; name="title"\r\nContent-Type: text/x-note\r\n\r\nplain\r\n');
  expect(dump).not.toContain('filename=');
});

test('a header value outside ASCII is kept: Latin-1 from the browser, UTF-8 through reqlab-echo', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}dump/request`);
  const headers = await openTab(page, 'Headers');
  await headers.getByLabel('Key').first().fill('X-Note');
  const value = headers.getByLabel('Value').first();
  await value.fill('café');
  await expect(headers).toContainText('The browser sends this value as Latin-1');
  const latin1 = await sendAndDump(page);
  // One byte, E9, for the é (fetch writes header names in lower case).
  expect(latin1.toString('latin1')).toContain('\r\nx-note: caf\u00e9\r\n');

  // Beyond Latin-1 the browser cannot send it: said next to the field and on Send, and nothing typed is lost.
  await value.fill('café ✓');
  await expect(headers).toContainText('Browsers cannot send "✓" in a header');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response.getByRole('alert')).toContainText('Send via reqlab-echo');
  await expect(value).toHaveValue('café ✓');

  // The way out the note names: reqlab-echo sends the UTF-8 bytes, as curl does.
  const options = await openTab(page, 'Options');
  await options.getByLabel('Send via reqlab-echo').check();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response).toContainText('200 OK');
  await expect(response.getByLabel('Response body')).toContainText(/x-note: café ✓/i);
});

test('what the browser refuses (a body on GET, a blocked port, a forbidden header) says so, with a way out', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  const send = page.getByRole('button', { name: 'Send', exact: true });
  const viaEcho = page.getByRole('button', { name: 'Send via reqlab-echo', exact: true });
  const response = page.getByRole('region', { name: 'Response' });
  await expect(viaEcho).toBeHidden();

  // A GET with a body: Send waits, says why, and offers reqlab-echo, which sends it as it is.
  await url.fill(`${appUrl()}dump/request`);
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Raw' }).check();
  await body.getByLabel('Body text').fill('{"q": "in the body"}');
  await expect(page.getByText('Cannot send yet: A GET request cannot carry a body in the browser: send it via reqlab-echo')).toBeVisible();
  await expect(send).toBeDisabled();
  // The snippets send it, and say where they cannot.
  await expect(page.getByRole('region', { name: 'Code snippet' })).toContainText('Browsers refuse a GET request with a body');
  const dumped = page.waitForResponse((r) => r.url().includes('/forward'));
  await viaEcho.click();
  await dumped;
  await expect(response).toContainText('200 OK');
  await expect(response.getByLabel('Response body')).toContainText('GET /dump/request');
  await expect(response.getByLabel('Response body')).toContainText('{"q": "in the body"}');
  await expect((await openTab(page, 'Options')).getByLabel('Send via reqlab-echo')).toBeChecked();
  await expect(viaEcho).toBeHidden();
  await expect(send).toBeEnabled();

  // A port browsers never connect to: said under the URL, before anything is sent.
  await (await openTab(page, 'Options')).getByLabel('Send via reqlab-echo').uncheck();
  await (await openTab(page, 'Body')).getByRole('radio', { name: 'None' }).check();
  await url.fill('http://127.0.0.1:1/');
  await expect(page.locator('#url-problem')).toHaveText(
    'Browsers refuse to connect to port 1, which belongs to another protocol: send it via reqlab-echo, or copy a snippet.',
  );
  await expect(viaEcho).toBeVisible();
  // Nothing listens there: reqlab-echo says so, in its own words.
  await viaEcho.click();
  await expect(response.getByRole('alert')).toContainText('Sending via reqlab-echo failed');

  // A header the browser will not set: its note names the ways it still goes out.
  const headers = await openTab(page, 'Headers');
  await headers.getByLabel('Key').first().fill('Cookie');
  await expect(headers).toContainText('Browsers refuse to let a page set Cookie');
  await expect(headers).toContainText('Snippets, and Send via reqlab-echo (Options), still send it.');
});
