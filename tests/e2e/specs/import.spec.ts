// Import, as a person would: a command copied with Chrome's "Copy as cURL (bash)" pasted into the URL field,
// and a Postman collection file chosen in the Import dialog. Each imported request is sent to a real
// reqlab-echo, which says what it received.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { Page } from '@playwright/test';
import { test, expect, appUrl, openTab, pasteIntoUrl, sendAndReadEcho } from './fixtures';

const collectionFile = path.join(__dirname, 'import.postman_collection.json');

/// What Chrome writes for a fetch() POST of JSON from a page at `origin`: one header per -H, the body in
/// bash's $'...' quoting because it holds a single quote.
function chromeCurl(base: string) {
  const origin = new URL(base).origin;
  return [
    `curl '${base}anything/items?source=devtools' \\`,
    `  -H 'accept: application/json' \\`,
    `  -H 'accept-language: en-US,en;q=0.9' \\`,
    `  -H 'content-type: application/json' \\`,
    `  -H 'origin: ${origin}' \\`,
    `  -H 'referer: ${base}' \\`,
    `  -H 'sec-fetch-mode: cors' \\`,
    `  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36' \\`,
    `  -H 'x-trace-id: 7f3a-12' \\`,
    `  --data-raw $'{"name":"Widget \\'Pro\\'","tags":["a","b"],"qty":3}'`,
  ].join('\n');
}

/// The key and value inputs of the Headers tab, as [key, value] pairs.
async function headerRows(page: Page) {
  const headers = await openTab(page, 'Headers');
  const keys = await headers.getByLabel('Key').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  const values = await headers.getByLabel('Value').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  return keys.map((k, i) => [k, values[i]]);
}

test('a Chrome "Copy as cURL" pasted into the URL field is imported, sent, and can be undone', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  const before = `${appUrl()}anything`;
  await expect(url).toHaveValue(before);

  await pasteIntoUrl(page, chromeCurl(appUrl()));
  const notice = page.getByRole('status').filter({ hasText: 'Imported a curl command' });
  await expect(notice).toContainText(/Imported a curl command \(\d+ warnings?\)\./);
  await expect(url).toHaveValue(`${appUrl()}anything/items?source=devtools`);
  await expect(page.getByLabel('Method')).toHaveValue('POST');
  const rows = await headerRows(page);
  expect(rows).toContainEqual(['accept', 'application/json']);
  expect(rows).toContainEqual(['x-trace-id', '7f3a-12']);
  const body = await openTab(page, 'Body');
  await expect(body.getByRole('radio', { name: 'Raw' })).toBeChecked();
  await expect(body.getByLabel('Body text')).toHaveValue(`{"name":"Widget 'Pro'","tags":["a","b"],"qty":3}`);

  const echo = await sendAndReadEcho(page);
  expect(echo.method).toBe('POST');
  expect(echo.url).toBe(`${appUrl()}anything/items?source=devtools`);
  expect(echo.args).toEqual({ source: 'devtools' });
  expect(echo.headers['Accept']).toBe('application/json');
  expect(echo.headers['Accept-Language']).toBe('en-US,en;q=0.9');
  expect(echo.headers['X-Trace-Id']).toBe('7f3a-12');
  expect(echo.headers['Content-Type']).toBe('application/json');
  expect(echo.json).toEqual({ name: "Widget 'Pro'", tags: ['a', 'b'], qty: 3 });

  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(url).toHaveValue(before);
  await expect(page.getByLabel('Method')).toHaveValue('GET');
  expect(await headerRows(page)).toEqual([['', '']]);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeHidden();
});

test('a Postman collection file: pick a request in a folder, import it with its variables, send it', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog).toBeVisible();
  // The collection as exported, with its `base` variable pointing at this run's reqlab-echo.
  const exported = fs.readFileSync(collectionFile, 'utf8');
  const base = appUrl().replace(/\/$/, '');
  const buffer = Buffer.from(exported.replace('"http://127.0.0.1:9"', JSON.stringify(base)));
  await dialog.getByLabel('File').setInputFiles({ name: 'Echo API.postman_collection.json', mimeType: 'application/json', buffer });

  await expect(dialog).toContainText('Read as Postman collection');
  const picker = dialog.getByLabel('Request', { exact: true });
  await expect(picker.locator('option')).toHaveText([
    'Users/List users (GET)',
    'Users/Admin/Create user (POST)',
    'Health (GET)',
  ]);
  await picker.selectOption('Users/Admin/Create user');
  const warnings = dialog.getByRole('list', { name: 'Import warnings' });
  await expect(warnings).toContainText('Users/Admin/Create user: the pre-request script is left out');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'Imported "Users/Admin/Create user" from the Postman collection "Echo API", with its variables in the environment "Echo API" (1 warning).',
  );
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue('{{base}}/anything/users?notify=true');
  await expect(page.getByLabel('Method')).toHaveValue('POST');
  const vars = await openTab(page, 'Variables');
  await expect(vars.getByLabel('Environment', { exact: true }).locator('option:checked')).toHaveText('Echo API');
  const auth = await openTab(page, 'Auth');
  await expect(auth.getByLabel('Auth type')).toHaveValue('bearer');

  const echo = await sendAndReadEcho(page);
  expect(echo.method).toBe('POST');
  expect(echo.url).toBe(`${base}/anything/users?notify=true`);
  expect(echo.headers['Authorization']).toBe('Bearer t0k3n-4dm1n');
  expect(echo.headers['X-Request-Source']).toBe('postman');
  expect(echo.headers['X-Debug']).toBeUndefined();
  expect(echo.json).toEqual({ name: 'Ann Lee', role: 'admin' });
});

test('any other text pasted into the URL field is pasted as usual', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  for (const text of [`${appUrl()}anything?q=curl`, 'curlew https://example.com/']) {
    await pasteIntoUrl(page, text);
    await expect(url).toHaveValue(text);
  }
  await expect(page.getByLabel('Method')).toHaveValue('GET');
  await expect(page.getByText(/Imported|not imported/)).toHaveCount(0);
});

test('text that is no import, and a file over 1 MiB, get a sentence in the dialog and change nothing', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  const before = await url.inputValue();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  const text = dialog.getByLabel('Text to import');
  const problem = dialog.getByRole('alert');

  await text.fill('GET /users HTTP/1.1\nHost: example.com');
  await expect(problem).toHaveText(
    'This is not a curl command, a HAR file or a Postman collection: the text starts with "GET /users HTTP/1.1".',
  );
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog).toBeVisible();
  await expect(problem).toContainText('This is not a curl command');

  await text.fill('{"log": {"entries": [');
  await expect(problem).toHaveText(/^Not valid JSON \(line 1, column \d+\): EOF while parsing/);
  await dialog.getByLabel('Format').selectOption('har');
  await text.fill('{"info": {"name": "x"}, "item": []}');
  await expect(problem).toHaveText(/not a HAR document/);

  const big = Buffer.alloc(1024 * 1024 + 1, 'a');
  await dialog.getByLabel('File').setInputFiles({ name: 'huge.har', mimeType: 'application/json', buffer: big });
  await expect(problem).toHaveText(
    'This is 1048577 bytes; import takes at most 1 MiB (1048576 bytes). Export only the requests you need.',
  );
  await expect(text).toHaveValue('{"info": {"name": "x"}, "item": []}');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(url).toHaveValue(before);
  await expect(page.getByLabel('Method')).toHaveValue('GET');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeHidden();
});

test('a HAR log with several entries: the picked entry is imported', async ({ page }) => {
  await page.goto(appUrl());
  const entry = (method: string, url: string) => ({
    request: { method, url, httpVersion: 'HTTP/1.1', headers: [{ name: 'X-Entry', value: method }], queryString: [], cookies: [] },
    response: { status: 200 },
  });
  const har = { log: { version: '1.2', entries: [entry('GET', `${appUrl()}get`), entry('DELETE', `${appUrl()}anything/2`)] } };
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('Text to import').fill(JSON.stringify(har));
  await dialog.getByLabel('Request', { exact: true }).selectOption({ label: `2. DELETE ${appUrl()}anything/2 -> 200` });
  await expect(dialog).toContainText('Read as HAR: entry 2 of the HAR log.');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything/2`);
  const echo = await sendAndReadEcho(page);
  expect(echo.method).toBe('DELETE');
  expect(echo.headers['X-Entry']).toBe('DELETE');
});

test('Export HAR saves the request and its response, and the file imports as the same request', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption('PUT');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything/exported?k=v`);
  const headers = await openTab(page, 'Headers');
  await headers.getByLabel('Key').first().fill('X-Exported');
  await headers.getByLabel('Value').first().fill('yes');
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Raw' }).check();
  await body.getByLabel('Body text').fill('{"n": 1}');
  await sendAndReadEcho(page);

  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export HAR', exact: true }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toBe('reqlab.har');
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const entry = JSON.parse(text).log.entries[0];
  expect(entry.request.method).toBe('PUT');
  expect(entry.request.url).toBe(`${appUrl()}anything/exported?k=v`);
  expect(entry.request.headers).toContainEqual({ name: 'X-Exported', value: 'yes' });
  expect(entry.request.postData.text).toBe('{"n": 1}');
  expect(entry.response.status).toBe(200);
  expect(JSON.parse(entry.response.content.text).headers['X-Exported']).toBe('yes');

  // A fresh page imports the file and sends the same request again.
  await page.goto(appUrl());
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByLabel('File').setInputFiles({ name: 'reqlab.har', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(dialog).toContainText('Read as HAR');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByLabel('Method')).toHaveValue('PUT');
  const echo = await sendAndReadEcho(page);
  expect(echo.url).toBe(`${appUrl()}anything/exported?k=v`);
  expect(echo.headers['X-Exported']).toBe('yes');
  expect(echo.json).toEqual({ n: 1 });
});

test('an Import click before the library has loaded opens the dialog once it has', async ({ page }) => {
  // A slow first load: the library (which owns the dialog) arrives a second and a half after the page.
  await page.route('**/library.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  await page.goto(appUrl());
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog).toBeHidden();
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(dialog.getByLabel('Text to import')).toHaveValue('');
});
