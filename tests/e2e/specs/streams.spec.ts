// Live streams against reqlab-echo: a POST that answers with server-sent events shows its events while
// they arrive and all of them at the end; an NDJSON stream shows its records as they come; any other body
// that takes its time shows its chunks; cancelling stops the stream.
import { test, expect, appUrl, openTab } from './fixtures';
import { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';

async function request(page: Page, method: string, url: string, body?: string) {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption(method);
  await page.getByLabel('URL', { exact: true }).fill(url);
  if (body !== undefined) {
    const panel = await openTab(page, 'Body');
    await panel.getByRole('radio', { name: 'Raw' }).check();
    await panel.getByLabel('Body text').fill(body);
  }
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

const live = (page: Page, title: string) => page.getByRole('region', { name: title });

test('a POST answered with server-sent events shows the first event before the stream ends, and all of them at its end', async ({ page }) => {
  const words = 'one two three four five six seven eight nine ten';
  await request(
    page,
    'POST',
    `${appUrl()}sse/chat?delay_ms=150`,
    JSON.stringify({ model: 'echo', stream: true, messages: [{ role: 'user', content: words }] }),
  );
  const events = live(page, 'Events');
  const rows = events.getByRole('listbox', { name: 'Events' }).getByRole('option');
  // The first word's event is on screen while the page still receives the body.
  await expect(rows.first()).toContainText('chat.completion.chunk');
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('Receiving');
  await expect(events).toContainText('arriving');
  // At the end: one event per word ("You said:" and the ten words), the summary, and [DONE].
  await expect(events).toContainText('ended', { timeout: 15_000 });
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
  // Ids as the server numbered them, and the summary's multi-line data joined with a line feed.
  await events.getByLabel('Filter').fill('summary');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  const detail = events.getByLabel('Selected events');
  await expect(detail).toContainText(`You said: ${words}`);
  const summary = (await detail.textContent()) ?? '';
  expect(summary).toMatch(/You said: .*\n.+/);
  // Nothing lost on the way: one event per word of the answer, then the summary and [DONE].
  const answerWords = summary.split(/\s+/).filter(Boolean).length;
  await expect(events.locator('#live-stats')).toContainText(new RegExp(`^${answerWords + 2} events`));
  await events.getByLabel('Filter').fill('');
  await events.getByLabel('Filter').fill('[DONE]');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('message');
  await events.getByLabel('Filter').fill('');
  // By keyboard: Home selects the first event, which carries the role, with the first id.
  await events.getByRole('listbox', { name: 'Events' }).press('Home');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await expect(detail).toContainText('"role": "assistant"');
  await expect(rows.first().locator('.i')).toHaveText('0');
  await expectNoSeriousViolations(page, 'events shown');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(page, 'events shown, dark theme');
});

test('an NDJSON stream shows its records as they come, each pretty on demand', async ({ page }) => {
  await request(page, 'GET', `${appUrl()}ndjson?count=6&duration=3s`);
  const records = live(page, 'Records');
  const rows = records.getByRole('listbox', { name: 'Records' }).getByRole('option');
  await expect(rows.first()).toContainText('"message":"record 0"');
  await expect(records).toContainText('arriving');
  expect(await rows.count()).toBeLessThan(6);
  await expect(records).toContainText('ended', { timeout: 10_000 });
  await expect(rows).toHaveCount(6);
  await rows.nth(5).click();
  await expect(records.getByLabel('Selected records')).toContainText('"message": "record 5"');
});

test('a body that takes its time shows its chunks beside the body so far', async ({ page }) => {
  await request(page, 'GET', `${appUrl()}drip?numbytes=5&duration=3&delay=0`);
  const chunks = live(page, 'Chunks');
  await expect(chunks).toBeVisible({ timeout: 5_000 });
  await expect(chunks).toContainText('ended', { timeout: 10_000 });
  const rows = chunks.getByRole('listbox', { name: 'Chunks' }).getByRole('option');
  expect(await rows.count()).toBeGreaterThan(1);
  await expect(chunks.getByLabel('Selected chunks')).toHaveText('*****');
});

test('cancelling a stream stops it', async ({ page }) => {
  await request(page, 'GET', `${appUrl()}sse?count=100&duration=8s`);
  const events = live(page, 'Events');
  const rows = events.getByRole('listbox', { name: 'Events' }).getByRole('option');
  await expect(rows.nth(1)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(events).toContainText('The request was cancelled: the stream stopped.');
  const stats = events.locator('#live-stats');
  const stopped = await stats.textContent();
  await page.waitForTimeout(1_000);
  await expect(stats).toHaveText(stopped ?? '');
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('Cancelled');
});

test('a new send puts the last stream away; a plain quick answer opens no live view', async ({ page }) => {
  await request(page, 'GET', `${appUrl()}sse?count=2&duration=0`);
  await expect(live(page, 'Events')).toContainText('ended');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}get`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
  await page.waitForTimeout(1_500);
  await expect(page.locator('#live')).toBeHidden();
});

test('an event stream reconnects with Last-Event-ID after its retry, and stops when asked', async ({ page }) => {
  await request(page, 'GET', `${appUrl()}sse?count=2&duration=0&retry=300`);
  const events = live(page, 'Events');
  await expect(events.locator('#live-stats')).toContainText(/^2 events.*ended/);
  await events.getByRole('checkbox', { name: 'Reconnect with Last-Event-ID' }).check();
  // reqlab-echo's /sse continues after the id it is given: ids 2 and 3 prove the header carried 1.
  const rows = events.getByRole('listbox', { name: 'Events' }).getByRole('option');
  const filter = events.getByLabel('Filter');
  await filter.fill('Last-Event-ID: 1');
  await expect(rows).toHaveCount(1);
  await filter.fill('"id":3');
  await expect(rows).toHaveCount(1);
  // The next reconnection comes after the stream's retry (300 ms) and carries 3.
  await filter.fill('Last-Event-ID: 3');
  await expect(rows).toHaveCount(1);
  await events.getByRole('checkbox', { name: 'Reconnect with Last-Event-ID' }).uncheck();
  await filter.fill('');
  const stats = events.locator('#live-stats');
  await page.waitForTimeout(800);
  const settled = await stats.textContent();
  await page.waitForTimeout(1_000);
  await expect(stats).toHaveText(settled ?? '');
});
