// The request editor, used as a person would: each request is built in the UI, sent to a real reqlab-echo,
// and checked against what the server says it received.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { test, expect, appUrl, openTab, sendAndReadEcho } from './fixtures';

const filesDir = path.resolve(__dirname, '../../../crates/core/tests/fixtures/files');

test('GET with three query rows, one switched off', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  await url.fill(`${appUrl()}anything`);
  const query = await openTab(page, 'Query parameters');
  const rows: [string, string][] = [['name', 'Peter Parker'], ['debug', '1'], ['tags', 'a&b']];
  for (const [i, [key, value]] of rows.entries()) {
    await query.getByRole('button', { name: 'Add parameter' }).click();
    await query.getByLabel('Key').nth(i).fill(key);
    await query.getByLabel('Value').nth(i).fill(value);
  }
  await query.getByLabel('Enabled').nth(1).uncheck();
  await expect(url).toHaveValue(`${appUrl()}anything?name=Peter%20Parker&tags=a%26b`);

  const echo = await sendAndReadEcho(page);
  expect(echo.method).toBe('GET');
  expect(echo.args).toEqual({ name: 'Peter Parker', tags: 'a&b' });
});

test('POST JSON, validated as typed and formatted', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything`);
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Raw' }).check();
  const text = body.getByLabel('Body text');
  await text.fill('{"name": "Peter", "tags": ["a", "b"');
  await expect(text).toHaveAccessibleDescription(/Invalid JSON at line 1, column \d+/);
  await text.fill('{"name": "Peter", "tags": ["a", "b"]}');
  await expect(text).toHaveAccessibleDescription('Valid JSON');
  await body.getByRole('button', { name: 'Format' }).click();
  await expect(text).toHaveValue('{\n  "name": "Peter",\n  "tags": [\n    "a",\n    "b"\n  ]\n}');

  const echo = await sendAndReadEcho(page);
  expect(echo.headers['Content-Type']).toBe('application/json');
  expect(echo.json).toEqual({ name: 'Peter', tags: ['a', 'b'] });
});

test('invalid JSON can still be sent on purpose', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything`);
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Raw' }).check();
  await body.getByLabel('Body text').fill('{"broken": ');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  const echo = await sendAndReadEcho(page);
  expect(echo.data).toBe('{"broken": ');
});

test('form-urlencoded POST', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything`);
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Form URL-encoded' }).check();
  await body.getByLabel('Key').first().fill('name');
  await body.getByLabel('Value').first().fill('Peter Parker');
  await body.getByRole('button', { name: 'Add field' }).click();
  await body.getByLabel('Key').nth(1).fill('city');
  await body.getByLabel('Value').nth(1).fill('New York & Co');

  const echo = await sendAndReadEcho(page);
  expect(echo.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
  expect(echo.form).toEqual({ name: 'Peter Parker', city: 'New York & Co' });
});

test('multipart upload of a file from disk', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything`);
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Multipart form' }).check();
  await body.getByLabel('Key').first().fill('title');
  await body.getByLabel('Value').first().fill('Holiday');
  await body.getByRole('button', { name: 'Add part' }).click();
  await body.getByLabel('Key').nth(1).fill('upload');
  await body.getByLabel('Part type').nth(1).selectOption('file');
  await body.getByLabel('File', { exact: true }).and(body.locator('input[type=file]')).setInputFiles(path.join(filesDir, 'hello.txt'));
  await expect(body).toContainText('hello.txt, text/plain, 27 bytes');

  const echo = await sendAndReadEcho(page);
  expect(echo.headers['Content-Type']).toMatch(/^multipart\/form-data; boundary=/);
  expect(echo.form).toEqual({ title: 'Holiday' });
  expect(echo.files).toEqual({ upload: fs.readFileSync(path.join(filesDir, 'hello.txt'), 'utf8') });
});

test('PUT with Basic auth', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption('PUT');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything`);
  const auth = await openTab(page, 'Auth');
  await auth.getByLabel('Auth type').selectOption('basic');
  await auth.getByLabel('Username', { exact: true }).fill('peter');
  await auth.getByLabel('Password', { exact: true }).fill('s3cr3t ü');

  const echo = await sendAndReadEcho(page);
  expect(echo.method).toBe('PUT');
  const expected = 'Basic ' + Buffer.from('peter:s3cr3t ü', 'utf8').toString('base64');
  expect(echo.headers['Authorization']).toBe(expected);
});

test('a custom method, and a bad method token explained', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything`);
  await page.getByLabel('Method').selectOption('custom');
  const custom = page.getByLabel('Custom method');
  await custom.fill('BAD METHOD');
  const send = page.getByRole('button', { name: 'Send', exact: true });
  await expect(send).toBeDisabled();
  await expect(send).toHaveAttribute('title', /"BAD METHOD" is not a valid method name/);
  await expect(custom).toHaveAttribute('aria-invalid', 'true');
  await custom.fill('PROPFIND');
  const echo = await sendAndReadEcho(page);
  expect(echo.method).toBe('PROPFIND');
});

test('an unknown variable blocks sending until it is defined', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?user={{user}}`);
  await expect(page.getByText('Cannot send yet: Unknown variable: {{user}}')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  const vars = await openTab(page, 'Variables');
  await vars.getByLabel('Key').first().fill('user');
  await vars.getByLabel('Value').first().fill('peter');
  // Ctrl+Enter sends from anywhere in the editor.
  await vars.getByLabel('Value').first().press('Control+Enter');
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('200 OK');
  const echo = JSON.parse((await response.getByLabel('Response body').textContent()) ?? '');
  expect(echo.args).toEqual({ user: 'peter' });
});

test('the raw tab shows the message as it will be sent', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill('http://api.example.com:8080/v1/items?x=1');
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Raw' }).check();
  await body.getByLabel('Body text').fill('{"a":1}');
  const raw = await openTab(page, 'Raw');
  const message = (await raw.getByLabel('Raw request').textContent()) ?? '';
  expect(message).toBe(
    'POST /v1/items?x=1 HTTP/1.1\r\nHost: api.example.com:8080\r\nContent-Type: application/json\r\n' +
      'Content-Length: 7\r\n\r\n{"a":1}',
  );
});

test('a header the browser forbids is explained next to its row', async ({ page }) => {
  await page.goto(appUrl());
  const headers = await openTab(page, 'Headers');
  await headers.getByLabel('Key').first().fill('Host');
  await expect(headers).toContainText('Browsers refuse to let a page set Host: it sends the host of the URL.');
  await headers.getByLabel('Key').first().fill('Accept');
  await expect(headers).not.toContainText('Browsers refuse');
});

test('an unreadable file is reported next to the field and nothing else is lost', async ({ page }) => {
  await page.goto(appUrl());
  // A file that vanished or cannot be read after it was picked: reading it rejects.
  await page.evaluate(() => {
    File.prototype.arrayBuffer = () => Promise.reject(new DOMException('unreadable', 'NotReadableError'));
  });
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?kept=1`);
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Binary file' }).check();
  await body.locator('input[type=file]').setInputFiles(path.join(filesDir, 'hello.txt'));
  await expect(body).toContainText('Could not read "hello.txt"');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything?kept=1`);
});

test('Escape cancels a request in flight, and a timeout is reported as a timeout', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  await url.fill(`${appUrl()}delay/3`);
  await url.press('Enter');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await url.press('Escape');
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('Cancelled');

  const options = await openTab(page, 'Options');
  await options.getByLabel('Timeout (ms)').fill('300');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response).toContainText('Timed out: no complete response within 300 ms');
});
