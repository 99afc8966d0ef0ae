// Large JSON bodies from reqlab-echo's /json/large: the first screen is formatted JSON at once, formatting
// goes on in slices with its progress shown, and the end of the body becomes reachable by scrolling, also
// when there are more lines than a browser can lay out at full height (the scrollbar is then scaled).
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { test, expect, appUrl } from './fixtures';
import { libraryStarted } from './library';

async function sendTo(page, url: string) {
  await page.goto(appUrl());
  // A second visit restores the draft of the first: typing starts once it is in.
  await libraryStarted(page);
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  return page.getByRole('region', { name: 'Response' });
}

const sendLarge = (page, bytes: number) => sendTo(page, `${appUrl()}json/large?bytes=${bytes}`);

async function scrollToEnd(body) {
  await body.evaluate((el: HTMLElement) => el.scrollTo(0, el.scrollHeight));
}

test('a multi-megabyte JSON body shows formatted at once and can be scrolled to its last key', async ({ page }) => {
  const response = await sendLarge(page, 3_000_000);
  await expect(response.getByRole('button', { name: 'Pretty' })).toHaveAttribute('aria-pressed', 'true');
  const body = response.getByLabel('Response body');
  const rows = body.locator('.row');
  await expect(rows.nth(0)).toHaveText('{');
  await expect(rows.nth(1)).toHaveText('  "items": [');
  await expect(rows.nth(3)).toHaveText('      "id": 0,');
  await expect(body.locator('.key').first()).toHaveText('"items"');
  // Formatting ends (its progress note goes away), then the end of the body is one scroll away.
  await expect(response.locator('.formatting')).toHaveCount(0, { timeout: 20_000 });
  await scrollToEnd(body);
  await expect(body).toContainText('"last": "end of body"');
  await expect(rows.last()).toHaveText('}');
});

test('more lines than a browser can lay out: the scrollbar is scaled and the end is still reachable', async ({ page }) => {
  const response = await sendLarge(page, 10_000_000);
  const body = response.getByLabel('Response body');
  await expect(body.locator('.row').first()).toHaveText('{');
  await expect(response.locator('.formatting')).toHaveCount(0, { timeout: 30_000 });
  await expect(response).toContainText('the scrollbar is scaled');
  const height = await body.evaluate((el: HTMLElement) => el.scrollHeight);
  expect(height).toBeLessThanOrEqual(16_000_000);
  await scrollToEnd(body);
  await expect(body).toContainText('"last": "end of body"');
  // Halfway down shows items from the middle of the body, not the start or the end.
  await body.evaluate((el: HTMLElement) => el.scrollTo(0, el.scrollHeight / 2));
  await expect(body).not.toContainText('"last"');
  await expect(body.locator('.row').first()).not.toHaveText('{');
});

test('a body that claims JSON but is not falls back to the text view with the reason', async ({ page }) => {
  // Valid JSON for its first 64 KiB, broken at the end: the check that runs alongside formatting finds it.
  const broken = `[${'"0123456789",'.repeat(10_000)}"end"`;
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(broken);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const response = await sendTo(page, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await expect(response).toContainText('Shown as text: Invalid JSON at line 1');
    await expect(response.getByRole('button', { name: 'Text' })).toHaveAttribute('aria-pressed', 'true');
    await expect(response.getByRole('button', { name: 'Pretty' })).toBeHidden();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('pretty JSON folds a container and search jumps to a match, unfolding what hides it', async ({ page }) => {
  const response = await sendLarge(page, 200_000);
  const body = response.getByLabel('Response body');
  const rows = body.locator('.row');
  await expect(response.locator('.formatting')).toHaveCount(0, { timeout: 20_000 });
  await expect(rows.nth(1)).toHaveText('  "items": [');

  // The items array folds to one line that shows how it closes; the rest of the document follows it.
  const fold = response.getByRole('button', { name: 'Fold line 2', exact: true });
  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(rows.nth(1)).toHaveText('  "items": [ … ],');
  await expect(rows.nth(2)).toHaveText(/^ {2}"pad": "x+",$/);
  await expect(rows.nth(3)).toHaveText('  "last": "end of body"');
  await expect(rows.nth(4)).toHaveText('}');

  // A match inside the folded array: the array unfolds and the row is marked and scrolled into view.
  const find = response.getByLabel('Find in body');
  await find.fill('"ID": 700,');
  await expect(response.locator('#find-status')).toHaveText('1 of 1');
  const current = body.locator('.row.current-match');
  await expect(current).toHaveText('      "id": 700,');
  await expect(current).toBeInViewport();
  await body.evaluate((el: HTMLElement) => el.scrollTo(0, 0));
  await expect(fold).toHaveAttribute('aria-expanded', 'true');

  // Several matches: Enter and the arrows move through them, around the ends.
  await find.fill('"id": 1');
  await expect(response.locator('#find-status')).toHaveText(/^1 of \d+$/);
  const total = Number((await response.locator('#find-status').textContent())!.split(' of ')[1]);
  expect(total).toBeGreaterThan(100);
  await find.press('Enter');
  await expect(response.locator('#find-status')).toHaveText(`2 of ${total}`);
  await response.getByRole('button', { name: 'Previous match' }).click();
  await response.getByRole('button', { name: 'Previous match' }).click();
  await expect(response.locator('#find-status')).toHaveText(`${total} of ${total}`);
  await find.fill('no such text anywhere');
  await expect(response.locator('#find-status')).toHaveText('No match');
});
