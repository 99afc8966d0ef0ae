// The API reference against reqlab-echo's own OpenAPI description (served at /openapi.json, its server
// reqlab-echo itself): the sidebar lists and searches the operations, an operation reads as documentation,
// "Try it" opens it in the editor and sends it with its path parameter and JSON body, and an operation's
// link opens that operation.
import { test, expect, appUrl } from './fixtures';
import { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';

const reference = (page: Page) => page.getByRole('region', { name: 'API reference' });
const operations = (page: Page) => page.getByRole('navigation', { name: 'Operations' });

async function openReference(page: Page, fragment = '') {
  await page.goto(`${appUrl()}#spec=${encodeURIComponent('/openapi.json')}${fragment}`);
  await expect(operations(page).getByRole('status')).toContainText(/^\d+ operations$/, { timeout: 15_000 });
}

/// What the description itself lists: every path and method, counted here from the document.
async function documentedOperations(page: Page) {
  const document = await (await page.request.get(`${appUrl()}openapi.json`)).json();
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  return Object.values(document.paths as Record<string, object>).flatMap((item) =>
    Object.keys(item).filter((key) => methods.includes(key)),
  ).length;
}

test('the reference lists every operation, search finds one by keyboard, and Try it sends it with its path parameter and JSON body', async ({ page }) => {
  await openReference(page);
  const count = await documentedOperations(page);
  await expect(operations(page).getByRole('status')).toHaveText(`${count} operations`);
  await expect(reference(page).getByRole('heading', { level: 2 })).toContainText('reqlab-echo');

  // Search, then the keyboard: down into the list, Enter opens the operation.
  const search = operations(page).getByLabel('Search operations');
  await search.fill('anything');
  await expect(operations(page).getByRole('status')).toHaveText(new RegExp(`^\\d+ of ${count} operations$`));
  await expect(operations(page).getByRole('link', { name: /echo/i }).first()).toBeVisible();
  await search.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/op=echoAnything/);
  const doc = reference(page).getByRole('article');
  await expect(doc.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(doc).toContainText('/anything/{id}');
  await expect(doc).toContainText('Parameters');
  await expect(doc).toContainText('Request body');
  await expect(doc.locator('.ref-name', { hasText: /^id$/ })).toBeVisible();

  // Try it: the editor holds the operation, the path parameter as a field, the body as JSON.
  await doc.getByRole('button', { name: 'Try it' }).click();
  await expect(page.getByLabel('URL', { exact: true })).toBeFocused();
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(/\{\{baseUrl\}\}\/anything\/\{id\}/);
  await expect(page.getByLabel('Method', { exact: true })).toHaveValue('POST');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('200 OK');
  const echo = JSON.parse((await response.getByLabel('Response body').textContent()) ?? '');
  expect(echo.method).toBe('POST');
  expect(new URL(echo.url).pathname).toMatch(/^\/anything\/[^{}/]+$/);
  expect(echo.json).not.toBeNull();
  expect(typeof echo.json).toBe('object');
  expect(echo.headers['Content-Type'] ?? echo.headers['content-type']).toMatch(/application\/json/);
});

test("an operation's link opens that operation, and the back button returns to the one before", async ({ page }) => {
  await openReference(page, '&op=echoAnything');
  const doc = reference(page).getByRole('article');
  await expect(doc).toContainText('/anything/{id}');
  const link = doc.getByRole('link', { name: 'Link to this operation' });
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toContain('op=echoAnything');
  expect(href.startsWith(appUrl())).toBe(true);

  // The link opens the operation in a fresh page.
  const other = await page.context().newPage();
  await other.goto(href);
  await expect(reference(other).getByRole('article')).toContainText('/anything/{id}', { timeout: 15_000 });
  await other.close();

  // Another operation from the sidebar, then back.
  await operations(page).getByRole('link').filter({ hasText: 'GET' }).first().click();
  await expect(doc).not.toContainText('/anything/{id}');
  await page.goBack();
  await expect(doc).toContainText('/anything/{id}');
});

test('a description that cannot be read says why, and one can be pasted instead', async ({ page }) => {
  await page.goto(`${appUrl()}#spec=${encodeURIComponent('/status/404')}`);
  await expect(reference(page).getByRole('alert')).toContainText('answered 404');
  await reference(page).getByText('Open another API description').click();
  await reference(page).getByLabel('Or paste it').fill('openapi: 3.0.3\ninfo: {title: Pasted, version: "1"}\npaths:\n  /get:\n    get:\n      summary: Read it\n');
  await reference(page).getByRole('button', { name: 'Read the pasted description' }).click();
  await expect(operations(page).getByRole('status')).toHaveText('1 operations');
  await expect(reference(page).getByRole('heading', { level: 2 })).toHaveText('Pasted');
  await expect(reference(page).getByRole('alert')).toBeHidden();
});

test('an embedded reference loads neither the library nor the snippet worker', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await openReference(page, '&embed=1&theme=dark');
  await page.waitForLoadState('networkidle');
  expect(fetched.some((f) => f.includes('reference_bg.wasm')), fetched.join(' ')).toBe(true);
  expect(fetched.some((f) => f.includes('library')), fetched.join(' ')).toBe(false);
  expect(fetched.some((f) => f.includes('snippet-worker')), fetched.join(' ')).toBe(false);
});

for (const theme of ['light', 'dark']) {
  test(`the reference has no serious accessibility violations (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme as 'light' | 'dark' });
    await openReference(page, '&op=echoAnything');
    await expect(reference(page).getByRole('article')).toContainText('/anything/{id}');
    await expectNoSeriousViolations(page);
  });
}
