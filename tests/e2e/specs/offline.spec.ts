// Offline: after one visit the app loads with the network off (a web app manifest and a service worker that
// caches the app shell), at the root and under a sub-path as GitHub Pages serves it; and the worker never
// answers the requests people send with reqlab, even to the same origin.
import { test, expect, appUrl, pagesUrl, pasteIntoUrl } from './fixtures';

for (const [where, url] of [['at the root', appUrl], ['under a sub-path', pagesUrl]] as const) {
  test(`after one visit the app loads with the network off, ${where}`, async ({ page, context }) => {
    await page.goto(url());
    await expect(page.getByLabel('Method')).toBeVisible();
    // Installed and in control of the page: its files are cached.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const cached = await page.evaluate(async () => {
      const cache = await caches.open('reqlab-shell-v1');
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    expect(cached.some((p) => /reqlab-web-[\w]+_bg\.wasm$/.test(p)), cached.join(' ')).toBe(true);
    expect(cached.some((p) => p.endsWith('snippet-worker_bg.wasm')), cached.join(' ')).toBe(true);
    expect(cached.some((p) => p.endsWith('library_bg.wasm')), cached.join(' ')).toBe(true);
    // Something typed before going offline is there after the offline reload (the library starts offline).
    await page.getByLabel('URL', { exact: true }).fill(`${url()}anything?typed=before-going-offline`);
    await expect.poll(() => page.evaluate(() => localStorage.getItem('reqlab.draft') ?? '')).toContain('before-going-offline');

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByLabel('Method')).toBeVisible();
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${url()}anything?typed=before-going-offline`);
    await expect(page.getByRole('button', { name: 'Workspace', exact: true })).toBeVisible();
    // The snippet worker starts offline too.
    await expect(page.getByRole('region', { name: 'Code snippet' }).locator('#snippet-code')).toContainText('curl');
    await context.setOffline(false);
  });
}

test('the import worker is not downloaded on a first visit; used once, it works offline', async ({ page, context }) => {
  await page.goto(appUrl());
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.getByRole('button', { name: 'Workspace', exact: true })).toBeVisible();
  const cachedWorker = () =>
    page.evaluate(async () =>
      (await (await caches.open('reqlab-shell-v1')).keys()).some((r) => r.url.endsWith('import-worker_bg.wasm')),
    );
  expect(await cachedWorker()).toBe(false);

  const importCurl = async (query: string) => {
    await pasteIntoUrl(page, `curl '${appUrl()}anything?${query}' -H 'X-A: 1'`);
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything?${query}`);
  };
  await importCurl('online=1');
  await expect.poll(cachedWorker).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByLabel('Method')).toBeVisible();
  await importCurl('offline=1');
  await context.setOffline(false);
});

test('requests sent with reqlab never come from the offline cache', async ({ page, context }) => {
  await page.goto(appUrl());
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // Twice the same GET to reqlab-echo on the app's own origin: the second answer is fresh (another uuid).
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}uuid`);
  const send = page.getByRole('button', { name: 'Send', exact: true });
  const body = page.getByRole('region', { name: 'Response' }).getByLabel('Response body');
  await send.click();
  await expect(body).toContainText('uuid');
  const first = (await body.textContent()) ?? '';
  await send.click();
  await expect(body).toContainText('uuid');
  await expect(body).not.toHaveText(first);
  const keys = await page.evaluate(async () =>
    (await (await caches.open('reqlab-shell-v1')).keys()).map((r) => new URL(r.url).pathname),
  );
  expect(keys.filter((k) => k.includes('uuid'))).toEqual([]);
  // With the network off, a send fails as a network error rather than being answered by the worker.
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' }).getByRole('alert')).toContainText('Network error');
  await context.setOffline(false);
});
