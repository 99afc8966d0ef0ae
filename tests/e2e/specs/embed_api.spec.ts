// The example documentation page (public/examples/api-docs.html), as a reader meets it: its <reqlab-api>
// shows reqlab-echo's reference and an operation tried from inside it reaches reqlab-echo; its
// <reqlab-request> sends its request; both follow the page's dark theme.
import { test, expect, appUrl } from './fixtures';

const examplePage = () => `${appUrl()}public/examples/api-docs.html`;

test('the example page embeds the API reference, and an operation tried inside it reaches reqlab-echo', async ({ page }) => {
  await page.goto(examplePage());
  const reference = page.frameLocator('iframe[title^="API reference"]');
  const operations = reference.getByRole('navigation', { name: 'Operations' });
  await expect(operations.getByRole('status')).toContainText(/^\d+ operations$/, { timeout: 15_000 });
  await operations.getByLabel('Search operations').fill('anything');
  await operations.getByRole('link').first().click();
  await reference.getByRole('button', { name: 'Try it' }).click();
  await reference.getByRole('button', { name: 'Send', exact: true }).click();
  const response = reference.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('200 OK');
  const echo = JSON.parse((await response.getByLabel('Response body').textContent()) ?? '');
  expect(new URL(echo.url).pathname).toMatch(/^\/anything\//);
  expect(echo.headers['Referer'] ?? echo.headers['referer'] ?? '').toContain(new URL(appUrl()).host);
});

test("the example page's request embed sends its request, and both embeds follow the page's dark theme", async ({ page }) => {
  await page.goto(examplePage());
  const holder = page.locator('reqlab-request');
  await holder.scrollIntoViewIfNeeded();
  const request = page.frameLocator('reqlab-request iframe');
  await request.getByRole('button', { name: 'Send', exact: true }).click();
  const response = request.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('200 OK');
  const echo = JSON.parse((await response.getByLabel('Response body').textContent()) ?? '');
  expect(echo.args.hello).toBe('docs');

  // Both apps say they listen, so the theme changes in place: the request embed keeps its answer.
  await page.locator('reqlab-request iframe').evaluate((frame: HTMLIFrameElement) => ((frame.contentWindow as any).kept = 1));
  await page.getByRole('button', { name: 'Dark theme' }).click();
  const themeOf = async (selector: string) =>
    page.locator(selector).evaluate((frame: HTMLIFrameElement) => frame.contentDocument?.documentElement.dataset.theme);
  await page.locator('reqlab-api').scrollIntoViewIfNeeded();
  await expect.poll(() => themeOf('reqlab-api iframe'), { timeout: 10_000 }).toBe('dark');
  await expect.poll(() => themeOf('reqlab-request iframe'), { timeout: 10_000 }).toBe('dark');
  expect(await page.locator('reqlab-request iframe').evaluate((frame: HTMLIFrameElement) => (frame.contentWindow as any).kept)).toBe(1);
  await expect(response).toContainText('200 OK');
});
