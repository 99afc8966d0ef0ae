// GraphQL subscriptions against reqlab-echo's /graphql: a GraphQL body sent to a ws:// URL subscribes over
// graphql-transport-ws, the Authorization header travels in connection_init's payload (as the view says and
// the server's echo of that payload shows), each result is listed, and the server's completion is explained;
// through reqlab-echo's relay the subprotocol is negotiated all the same.
import { test, expect, appUrl, openTab } from './fixtures';
import { Page } from '@playwright/test';

// Tall enough that the messages list draws every row of a conversation (it draws only the rows in view).
test.use({ viewport: { width: 1280, height: 1000 } });

const graphqlUrl = () => appUrl().replace(/^http/, 'ws') + 'graphql';

async function subscribe(page: Page, query: string) {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(graphqlUrl());
  const headers = await openTab(page, 'Headers');
  await headers.getByLabel('Key').first().fill('Authorization');
  await headers.getByLabel('Value').first().fill('Bearer t');
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Raw' }).check();
  await body.getByLabel('Content', { exact: true }).selectOption({ label: 'GraphQL' });
  await body.getByLabel('Body text').fill(JSON.stringify({ query }));
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const socket = page.getByRole('region', { name: 'WebSocket' });
  return { socket, messages: socket.getByRole('listbox', { name: 'Messages' }).getByRole('option') };
}

test('a GraphQL subscription counts down over graphql-transport-ws and its completion is explained', async ({ page }) => {
  const { socket, messages } = await subscribe(page, 'subscription { countdown(from: 3, intervalMs: 50) }');
  await expect(socket).toContainText(
    "GraphQL subscription: Authorization is sent in connection_init's payload, not on the handshake",
  );
  await expect(messages.first()).toContainText('connected (subprotocol graphql-transport-ws)');
  const init = messages.filter({ hasText: 'sent' }).filter({ hasText: 'connection_init' });
  await expect(init).toContainText('"Authorization":"Bearer t"');
  const received = messages.filter({ hasText: 'received' });
  for (const n of [3, 2, 1, 0]) {
    await expect(received.filter({ hasText: `{"data":{"countdown":${n}}}` })).toHaveCount(1);
  }
  await expect(received).toHaveCount(4);
  await expect(messages.filter({ hasText: 'The server completed the subscription after 4 messages.' })).toHaveCount(1);
  await expect(messages.last()).toContainText('Closed: 1000 Normal Closure');
  await expect(socket.getByRole('status')).toContainText('closed');
  await expect(socket.getByRole('status')).toContainText('4 received');
  await expect(socket.getByRole('alert')).toHaveCount(0);
});

test("the connection_init payload carries the request's headers, also through reqlab-echo's relay", async ({ page }) => {
  const { socket, messages } = await subscribe(page, 'subscription { connectionHeaders { name value } }');
  const echoed = messages.filter({ hasText: 'received' }).filter({ hasText: '"name":"Authorization","value":"Bearer t"' });
  await expect(echoed).toHaveCount(1);

  await (await openTab(page, 'Options')).getByLabel('Send via reqlab-echo').check();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(socket).toContainText("Connected through reqlab-echo's relay");
  await expect(messages.first()).toContainText('connected (subprotocol graphql-transport-ws)');
  await expect(echoed).toHaveCount(1);
});
