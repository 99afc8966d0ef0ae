// WebSocket against reqlab-echo: a ws:// request connects, sends text, JSON and binary and shows the
// echoes, and closes with 1000 explained; a server that needs a header the browser cannot send fails
// directly, says why, and works through reqlab-echo's relay.
import { test, expect, appUrl, pagesUrl, openTab } from './fixtures';
import { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';

const socketUrl = (path: string) => appUrl().replace(/^http/, 'ws') + path;

async function connect(page: Page, url: string, headers: [string, string][] = [], app = appUrl()) {
  await page.goto(app);
  await page.getByLabel('URL', { exact: true }).fill(url);
  if (headers.length) {
    const panel = await openTab(page, 'Headers');
    for (const [at, [name, value]] of headers.entries()) {
      if (at > 0) await panel.getByRole('button', { name: 'Add header' }).click();
      await panel.getByLabel('Key').nth(at).fill(name);
      await panel.getByLabel('Value').nth(at).fill(value);
    }
  }
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  return page.getByRole('region', { name: 'WebSocket' });
}

test('a WebSocket connects, sends text, JSON and binary, shows the echoes, and closes with 1000 explained', async ({ page }) => {
  const socket = await connect(page, socketUrl('websocket/echo'), [['Sec-WebSocket-Protocol', 'chat, superchat']]);
  const messages = socket.getByRole('listbox', { name: 'Messages' }).getByRole('option');
  await expect(socket.getByRole('status')).toContainText('open');
  await expect(messages.first()).toContainText('connected (subprotocol chat)');

  const message = socket.getByLabel('Message', { exact: true });
  await message.fill('hello socket');
  await socket.getByRole('button', { name: 'Send message' }).click();
  await expect(messages.filter({ hasText: 'received' }).filter({ hasText: 'hello socket' })).toHaveCount(1);

  await socket.getByLabel('Send as').selectOption('json');
  await message.fill('{"n": 1,}');
  await socket.getByRole('button', { name: 'Send message' }).click();
  await expect(socket.getByRole('alert')).toContainText('JSON');
  await message.fill('{"n": 1, "text": "json"}');
  await message.press('Control+Enter');
  await expect(messages.filter({ hasText: 'received' }).filter({ hasText: '"text": "json"' })).toHaveCount(1);

  await socket.getByLabel('Send as').selectOption('hex');
  await message.fill('de ad be ef 00 01');
  await socket.getByRole('button', { name: 'Send message' }).click();
  const binary = messages.filter({ hasText: 'received' }).filter({ hasText: 'de ad be ef 00 01' });
  await expect(binary).toHaveCount(1);
  await expect(binary).toContainText('6 bytes binary');
  await binary.click();
  await expect(socket.getByLabel('Selected messages')).toContainText('de ad be ef 00 01');

  await expect(socket.getByRole('status')).toContainText('3 sent · 3 received');
  await expectNoSeriousViolations(page, 'WebSocket messages shown');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(page, 'WebSocket messages shown, dark theme');
  await socket.getByRole('button', { name: 'Disconnect' }).click();
  await expect(messages.last()).toContainText('Closed: 1000 Normal Closure');
  await messages.last().click();
  await expect(socket.getByLabel('Selected messages')).toContainText(/1000 Normal Closure.*\. \S/);
  await expect(socket.getByRole('status')).toContainText('closed');

  // Kept in History like any request.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('tabpanel', { name: 'History' })).toContainText('websocket/echo');
});

test('a server that needs a header fails directly, and succeeds through the relay', async ({ page }) => {
  const socket = await connect(page, socketUrl('websocket/bearer'), [['Authorization', 'Bearer reqlab-token']]);
  await expect(socket).toContainText('A browser cannot set custom headers on a WebSocket handshake, so Authorization is not sent.');
  await expect(socket.getByRole('alert')).toContainText('The connection could not be opened');
  await socket.getByRole('button', { name: 'Connect via reqlab-echo' }).click();
  const messages = socket.getByRole('listbox', { name: 'Messages' }).getByRole('option');
  await expect(messages.filter({ hasText: 'received' }).filter({ hasText: '"authenticated":true' })).toHaveCount(1);
  await expect(messages.filter({ hasText: 'reqlab-token' })).toHaveCount(1);
  await expect(socket).toContainText("Connected through reqlab-echo's relay");
  await socket.getByLabel('Message', { exact: true }).fill('through the relay');
  await socket.getByRole('button', { name: 'Send message' }).click();
  await expect(messages.filter({ hasText: 'received' }).filter({ hasText: 'through the relay' })).toHaveCount(1);
  await socket.getByRole('button', { name: 'Disconnect' }).click();
  await expect(messages.last()).toContainText('Closed: 1000');
});

test('where reqlab-echo runs without forward mode, the relay says so', async ({ page }) => {
  // The Pages-like server serves the app without --forward: its origin has no relay.
  const socket = await connect(page, socketUrl('websocket/bearer'), [['Authorization', 'Bearer reqlab-token']], pagesUrl());
  await socket.getByRole('button', { name: 'Connect via reqlab-echo' }).click();
  await expect(socket.getByRole('alert')).toContainText("reqlab-echo's relay did not answer");
  await expect(socket.getByRole('alert')).toContainText('--forward');
});
