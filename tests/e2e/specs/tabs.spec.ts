// Request tabs (src/library/tabs_view.rs): several requests open at once, each with its own request and its
// own answer; unsaved edits marked; closing asks when edits would be lost; the tabs survive a reload. Every
// request goes to a real reqlab-echo.
import { Page } from '@playwright/test';
import { test, expect, appUrl } from './fixtures';
import { libraryStarted, openPanel } from './library';

const tabList = (page: Page) => page.getByRole('tablist', { name: 'Open requests' });
const url = (page: Page) => page.getByLabel('URL', { exact: true });
const response = (page: Page) => page.getByRole('region', { name: 'Response' });
/// A tab by the start of its name ("GET <url>"), whatever follows (", unsaved edits").
const tabOf = (page: Page, name: string) =>
  tabList(page).getByRole('tab', { name: new RegExp('^' + name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(,|$)') });

async function send(page: Page, path: string, status: string) {
  await url(page).fill(`${appUrl()}${path}`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(response(page)).toContainText(status);
}

test('two tabs keep their own requests and answers; switching back and forth loses neither', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  await send(page, 'anything/first', '200 OK');
  await page.getByRole('button', { name: 'New tab', exact: true }).click();
  await expect(tabList(page).getByRole('tab')).toHaveCount(2);
  // A new tab is empty, the focus in its URL field, and has no answer yet.
  await expect(url(page)).toHaveValue('');
  await expect(url(page)).toBeFocused();
  await expect(response(page)).toContainText('Send a request to see its response here.');
  await send(page, 'status/404', '404');

  const first = tabOf(page, 'GET /anything/first');
  const second = tabOf(page, 'GET /status/404');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await first.click();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(url(page)).toHaveValue(`${appUrl()}anything/first`);
  // The whole answer, headers and all, as it was received.
  await expect(response(page)).toContainText('200 OK');
  await expect(response(page)).toContainText('"url": "' + `${appUrl()}anything/first`);
  await expect(response(page).getByText('Headers (', { exact: false })).toBeVisible();
  await expect(response(page).locator('#answer-of')).toHaveText(new RegExp(`^Answer to GET ${appUrl()}anything/first, sent at [^.]+\\.$`));
  // Arrow keys move between the tabs (the ARIA tabs pattern), bringing each to the front.
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await expect(second).toBeFocused();
  await expect(url(page)).toHaveValue(`${appUrl()}status/404`);
  await expect(response(page)).toContainText('404');
  await expect(response(page)).not.toContainText('anything/first"');

  // Typed into, a tab saved nowhere is marked unsaved; edited since its answer, the answer says so.
  await expect(second).toHaveAccessibleName('GET /status/404, unsaved edits');
  await url(page).fill(`${appUrl()}status/404?edited=1`);
  await expect(tabOf(page, 'GET /status/404?edited=1')).toBeVisible();
  await expect(response(page).locator('#answer-of')).toContainText('The request has been edited since.');

  // The tabs, and each one's answer as History keeps it, survive a reload.
  await page.reload();
  await libraryStarted(page);
  await expect(tabList(page).getByRole('tab')).toHaveCount(2);
  await expect(url(page)).toHaveValue(`${appUrl()}status/404?edited=1`);
  await tabOf(page, 'GET /anything/first').click();
  await expect(url(page)).toHaveValue(`${appUrl()}anything/first`);
  await expect(response(page)).toContainText('200 OK');
  await expect(response(page).locator('#answer-of')).toContainText('As History kept it');
});

test('closing a tab: middle click, its ×, Delete or Alt+W; edits that would be lost are asked about', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  const tabs = tabList(page).getByRole('tab');
  for (const path of ['anything/a', 'anything/b', 'anything/c']) {
    await page.keyboard.press('Alt+n');
    await url(page).fill(`${appUrl()}${path}`);
  }
  await expect(tabs).toHaveCount(4);
  // Edited and saved nowhere: closing asks first; dismissed, the tab stays.
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.keyboard.press('Alt+w');
  await expect.poll(() => questions.length).toBe(1);
  expect(questions[0]).toContain('has edits that are not saved. Close it anyway?');
  await expect(tabs).toHaveCount(4);
  // Accepted, it goes, and the one before it comes to the front.
  page.once('dialog', (dialog) => void dialog.accept());
  await tabOf(page, 'GET /anything/c').click({ button: 'middle' });
  await expect(tabs).toHaveCount(3);
  await expect(url(page)).toHaveValue(`${appUrl()}anything/b`);
  page.once('dialog', (dialog) => void dialog.accept());
  await tabOf(page, 'GET /anything/b').locator('.library-tab-close').click();
  await expect(tabs).toHaveCount(2);
  await expect(url(page)).toHaveValue(`${appUrl()}anything/a`);
  page.once('dialog', (dialog) => void dialog.accept());
  await tabOf(page, 'GET /anything/a').press('Delete');
  await expect(tabs).toHaveCount(1);
  // The tab the page opened with, never edited, closes without a question; one empty tab stays.
  await expect(url(page)).toHaveValue(`${appUrl()}anything`);
  await page.keyboard.press('Alt+w');
  await expect(tabs).toHaveCount(1);
  await expect(url(page)).toHaveValue('');
  await expect(tabs).toHaveAccessibleName('GET New request');
});

test('a saved request reopened from Collections comes to the front of its own tab', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  await url(page).fill(`${appUrl()}anything/orders`);
  const panel = await openPanel(page, 'Collections');
  await panel.getByLabel('Save the current request as').fill('Orders');
  await panel.getByRole('button', { name: 'Save as new', exact: true }).click();
  await expect(tabList(page).getByRole('tab', { name: 'GET Orders', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'New tab', exact: true }).click();
  await url(page).fill(`${appUrl()}anything/other`);
  await panel.getByRole('button', { name: 'Orders', exact: true }).click();
  await expect(tabList(page).getByRole('tab')).toHaveCount(2);
  await expect(tabList(page).getByRole('tab', { name: 'GET Orders', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(url(page)).toHaveValue(`${appUrl()}anything/orders`);
});

test('on a phone the strip scrolls sideways to keep the front tab in view, never the page', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(appUrl());
  await libraryStarted(page);
  for (const path of ['anything/one', 'anything/two', 'anything/three']) {
    await page.getByRole('button', { name: 'New tab', exact: true }).click();
    await url(page).fill(`${appUrl()}${path}`);
  }
  const front = tabOf(page, 'GET /anything/three');
  await expect(front).toHaveAttribute('aria-selected', 'true');
  const strip = (await tabList(page).boundingBox())!;
  const tab = (await front.boundingBox())!;
  expect(tab.x).toBeGreaterThanOrEqual(strip.x - 1);
  expect(tab.x + tab.width).toBeLessThanOrEqual(strip.x + strip.width + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('a send under way keeps its tab in front until it ends; cancelling ends it, and History says so', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  await page.getByRole('button', { name: 'New tab', exact: true }).click();
  await url(page).fill(`${appUrl()}delay/10`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Cancel', exact: true })).toBeVisible();
  await tabOf(page, 'GET /anything').click();
  await expect(page.locator('#lib-notice')).toContainText('A request is on its way: wait for its answer, or cancel it (Escape)');
  await expect(url(page)).toHaveValue(`${appUrl()}delay/10`);
  await url(page).press('Escape');
  await expect(response(page)).toContainText('Cancelled');
  await tabOf(page, 'GET /anything').click();
  await expect(url(page)).toHaveValue(`${appUrl()}anything`);
  const history = await openPanel(page, 'History');
  await expect(history.getByRole('listitem').first()).toContainText(`GET ${appUrl()}delay/10 → no response`);
  await expect(history.getByRole('listitem').first()).toContainText('cancelled');
});
