// Embeds: the Embed dialog's iframe HTML, pasted into a documentation page on another origin, shows the
// request compactly, sends it to a real reqlab-echo, and shows the chosen snippet language and theme; an
// embedded page never reads or writes the user's stored draft or history. And axe finds no serious
// violation on the embedded page.
import { Page } from '@playwright/test';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { test, expect, appUrl } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { keptDraft, libraryStarted, shareLink } from './library';

/// A documentation page holding `html`, served from another origin (and another site: `localhost`, while
/// the app is at 127.0.0.1) by a server of its own. Returns its URL and a way to stop it.
async function docsPage(html: string) {
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>API guide</title><h1>Try it</h1>${html}</html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/guide`, close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

/// Builds a request in the editor and returns the Embed dialog's HTML for it.
async function embedHtml(page: Page, language: string, theme: string) {
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?embedded=1`);
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share and embed' });
  await dialog.getByLabel('Show code snippets').check();
  await dialog.getByRole('textbox', { name: 'Snippet language', exact: true }).fill(language);
  await dialog.getByLabel('Colours').selectOption(theme);
  await dialog.getByLabel('Height').fill('640');
  await expect(dialog.getByLabel('HTML')).toHaveValue(/snippets=python/);
  const html = await dialog.getByLabel('HTML').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return html;
}

test('the Embed dialog gives iframe HTML that works on a page from another origin', async ({ page }) => {
  await page.goto(appUrl());
  const html = await embedHtml(page, 'python', 'dark');
  expect(html).toMatch(
    new RegExp(`^<iframe src="${appUrl()}#r=1\\.[\\w-]+&amp;embed=1&amp;theme=dark&amp;snippets=python" title="reqlab: POST ${new URL(appUrl()).host}" width="100%" height="640" style="border:0" loading="lazy"></iframe>$`),
  );

  const docs = await docsPage(html);
  try {
    await page.goto(docs.url);
    expect(new URL(page.url()).origin).not.toBe(new URL(appUrl()).origin);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything?embedded=1`);
    await expect(frame.getByLabel('Method')).toHaveValue('POST');
    // Compact: no tagline, no theme switch, no library, no import controls or notice (the link opened
    // the request); a way out to the full app.
    await expect(frame.locator('.tagline')).toBeHidden();
    await expect(frame.getByRole('button', { name: 'Import' })).toBeHidden();
    await expect(frame.getByLabel('Theme')).toHaveCount(0);
    await expect(frame.getByRole('button', { name: 'Workspace' })).toHaveCount(0);
    const full = frame.getByRole('link', { name: 'Open in reqlab' });
    await expect(full).toHaveAttribute('href', /#r=1\.[\w-]+$/);
    // The link's theme and language.
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(frame.getByLabel('Language', { exact: true })).toHaveValue('Python');
    await expect(frame.locator('#snippet-code')).toContainText('import requests');

    await frame.getByRole('button', { name: 'Send', exact: true }).click();
    const response = frame.getByRole('region', { name: 'Response' });
    await expect(response).toContainText('200 OK');
    await expect(response.getByLabel('Response body')).toContainText('"embedded": "1"');
  } finally {
    await docs.close();
  }
});

test('an embedded page never reads or writes the stored draft or history', async ({ page, context }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?mine=1`);
  await expect.poll(() => keptDraft(page)).toContain('mine=1');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await shareLink(page);
  const before = await page.evaluate(() => JSON.stringify(localStorage));

  // The same origin, so the same storage: only the library's discipline keeps it untouched.
  const embedded = await context.newPage();
  await embedded.goto(`${link}&embed=1`);
  await libraryStarted(embedded);
  await expect(embedded.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything?mine=1`);
  await embedded.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?typed-in-the-embed=1`);
  await embedded.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(embedded.getByRole('region', { name: 'Response' })).toContainText('200 OK');
  await embedded.waitForTimeout(600);
  const after = await page.evaluate(() => JSON.stringify(localStorage));
  expect(JSON.parse(after)['reqlab.draft']).toBe(JSON.parse(before)['reqlab.draft']);
  expect(JSON.parse(after)['reqlab.history']).toBe(JSON.parse(before)['reqlab.history']);
  // And the embed showed the link's request, not the stored draft.
  await embedded.close();
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the embedded page has no serious accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(appUrl());
    await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?x=1`);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const link = await shareLink(page);
    await expectNoSeriousViolations(page, `${colorScheme}, Share dialog open`);
    // Another document (a fragment change alone would not load the page again).
    await page.goto('about:blank');
    await page.goto(`${link}&embed=1&snippets=1`);
    await libraryStarted(page);
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything?x=1`);
    await expectNoSeriousViolations(page, `${colorScheme}, embedded, as opened`);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
    await expectNoSeriousViolations(page, `${colorScheme}, embedded, response shown`);
  });
}

test('an embed of 600×400 shows the answer after Send without scrolling, and one of 400×600 shows its status', async ({ page, browser }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?small=1`);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await shareLink(page);
  for (const [width, height] of [[600, 400], [400, 600]]) {
    const context = await browser.newContext({ viewport: { width, height } });
    try {
      const embedded = await context.newPage();
      await embedded.goto(`${link}&embed=1`);
      const tabs = embedded.getByRole('tablist', { name: 'Request parts' });
      // The tabs on one row: every tab at the height of the first.
      const tops = await tabs.getByRole('tab').evaluateAll((all) => all.map((t) => Math.round(t.getBoundingClientRect().top)));
      expect(new Set(tops).size, `${width}×${height}`).toBe(1);
      await embedded.getByRole('button', { name: 'Send', exact: true }).click();
      const response = embedded.getByRole('region', { name: 'Response' });
      await expect(response.getByText('HTTP/1.1 200 OK')).toBeInViewport();
      expect(await embedded.evaluate(() => window.scrollY), 'nothing scrolled').toBe(0);
    } finally {
      await context.close();
    }
  }
});
