// The response viewer against real servers: each body view, redirects, status classes, and failures
// told apart (CORS, network), plus an XSS battery for the HTML preview.
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { test, expect, appUrl, openTab } from './fixtures';
import { libraryStarted } from './library';

async function send(page, url: string) {
  await page.goto(appUrl());
  // A second visit restores the draft of the first: typing starts once it is in (see `libraryStarted`).
  await libraryStarted(page);
  await page.getByLabel('URL', { exact: true }).fill(url);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  return page.getByRole('region', { name: 'Response' });
}

/// A plain server on a free port; `handler` answers every request; the list records what arrived.
async function plainServer(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('JSON is pretty-printed and highlighted, and the whole message is one click away', async ({ page }) => {
  const response = await send(page, `${appUrl()}json`);
  await expect(response).toContainText('HTTP/1.1 200 OK');
  await expect(response.getByRole('button', { name: 'Pretty' })).toHaveAttribute('aria-pressed', 'true');
  await expect(response.locator('.row .key').first()).toHaveText('"library"');
  await response.getByRole('button', { name: 'Message' }).click();
  await expect(response.getByLabel('Response body')).toContainText('content-type: application/json');
});

test('XML opens in the Text view with tag names, attributes and values coloured', async ({ page }) => {
  const response = await send(page, `${appUrl()}xml`);
  await expect(response.getByRole('button', { name: 'Text' })).toHaveAttribute('aria-pressed', 'true');
  const body = response.getByLabel('Response body');
  const rows = body.locator('.row');
  await expect(rows.nth(0).locator('.m-decl')).toHaveText('<?xml version="1.0" encoding="UTF-8"?>');
  // Runs cover the line exactly: the row reads as the source does.
  await expect(rows.nth(1)).toHaveText('<library name="reqlab sample">');
  await expect(rows.nth(1).locator('.m-tag')).toHaveText('library');
  await expect(rows.nth(1).locator('.m-attr')).toHaveText('name');
  await expect(rows.nth(1).locator('.m-value')).toHaveText('"reqlab sample"');
  await expect(rows.nth(2).locator('.m-attr')).toHaveText(['id', 'year']);
  await expect(rows.nth(2).locator('.m-value')).toHaveText(['"1"', '"1998"']);
  await expect(rows.nth(3).locator('.m-tag')).toHaveText(['title', 'title']);
});

test('a hostile HTML body is shown as coloured text: no element is made, nothing runs', async ({ page }) => {
  const source = [
    '<!DOCTYPE html>',
    '<p title="two',
    'lines"><img src=x onerror="alert(1);top.__pwned=1"></p>',
    '<script>alert(2); if (a < b) top.__pwned = "</p>"</script>',
    '<!-- <img src=y onerror=alert(3)>',
    '<svg onload=alert(4)> -->',
    '<iframe src="javascript:alert(5)"></iframe>&lt;b&gt;',
  ];
  const server = await plainServer((_req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', 'text/html');
    res.end(source.join('\n'));
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  try {
    const response = await send(page, `${server.base}/hostile`);
    await expect(response.getByRole('button', { name: 'Text' })).toHaveAttribute('aria-pressed', 'true');
    const body = response.getByLabel('Response body');
    const rows = body.locator('.row');
    await expect(rows).toHaveText(source);
    await expect(rows.nth(0).locator('.m-decl')).toHaveText('<!DOCTYPE html>');
    // The value opened on line 2 goes on over the line break.
    await expect(rows.nth(2).locator('.m-value').first()).toHaveText('lines"');
    await expect(rows.nth(2).locator('.m-tag')).toHaveText(['img', 'p']);
    await expect(rows.nth(2).locator('.m-attr')).toHaveText(['src', 'onerror']);
    await expect(rows.nth(2).locator('.m-value').nth(2)).toHaveText('"alert(1);top.__pwned=1"');
    // Script content is text up to its end tag, whatever it holds.
    await expect(rows.nth(3).locator('.m-tag')).toHaveText(['script', 'script']);
    await expect(rows.nth(4).locator('.m-comment')).toHaveText('<!-- <img src=y onerror=alert(3)>');
    await expect(rows.nth(5).locator('.m-comment')).toHaveText('<svg onload=alert(4)> -->');
    await expect(rows.nth(6).locator('.m-entity')).toHaveText(['&lt;', '&gt;']);
    await expect(body.locator('img, script, svg, iframe, p')).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  } finally {
    await server.close();
  }
});

test('HTML is previewed only in a sandboxed iframe with a locked-down CSP', async ({ page }) => {
  const response = await send(page, `${appUrl()}html`);
  await response.getByRole('button', { name: 'Preview' }).click();
  const frame = response.locator('iframe[title="HTML preview"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame).toHaveAttribute('srcdoc', /^<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
});

test('an image is previewed from a blob URL', async ({ page }) => {
  const response = await send(page, `${appUrl()}image/png`);
  const image = response.getByRole('img', { name: 'Image preview' });
  await expect(image).toHaveAttribute('src', /^blob:/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

test('binary bodies open as a hex dump', async ({ page }) => {
  const response = await send(page, `${appUrl()}bytes/40?seed=7`);
  await expect(response.getByRole('button', { name: 'Hex' })).toHaveAttribute('aria-pressed', 'true');
  const rows = response.getByLabel('Response body').locator('.row');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveText(/^00000000  ([0-9a-f]{2} ){8} ([0-9a-f]{2} ){8} \|.{16}\|$/);
  await expect(rows.nth(2)).toHaveText(/^00000020  /);
});

test('a followed redirect is reported with its final URL', async ({ page }) => {
  const response = await send(page, `${appUrl()}redirect/2`);
  await expect(response).toContainText('200 OK');
  await expect(response).toContainText(`Redirected: the final answer came from ${appUrl()}get`);
});

test('404 and 500 come with the meaning of their class', async ({ page }) => {
  let response = await send(page, `${appUrl()}status/404`);
  await expect(response).toContainText('HTTP/1.1 404 Not Found');
  await expect(response).toContainText('4xx Client error');
  response = await send(page, `${appUrl()}status/500`);
  await expect(response).toContainText('HTTP/1.1 500 Internal Server Error');
  await expect(response).toContainText('5xx Server error');
});

test('a server without CORS headers is reported as CORS, naming the preflight trigger', async ({ page }) => {
  const server = await plainServer((_req, res) => res.end('no CORS here'));
  try {
    await page.goto(appUrl());
    await page.getByLabel('URL', { exact: true }).fill(`${server.base}/private`);
    const headers = await openTab(page, 'Headers');
    await headers.getByLabel('Key').first().fill('X-Custom');
    await headers.getByLabel('Value').first().fill('1');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const alert = page.getByRole('region', { name: 'Response' }).getByRole('alert');
    await expect(alert).toContainText('CORS: the server answered (a second, no-cors request reqlab sent to the same URL');
    await expect(alert).toContainText('but it does not allow this page to read the response');
    await expect(alert).toContainText('the header X-Custom');
    await expect(alert).toContainText('Send via reqlab-echo');

    // The way out the message names: reqlab-echo sends it, so CORS does not apply.
    const options = await openTab(page, 'Options');
    await options.getByLabel('Send via reqlab-echo').check();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response).toContainText('200 OK');
    await expect(response.getByLabel('Response body')).toContainText('no CORS here');
    expect(server.seen.filter((url) => url === '/private').length).toBeGreaterThanOrEqual(2);
  } finally {
    await server.close();
  }
});

test('a refused connection is reported as a network error, naming the probe that told it from CORS', async ({ page }) => {
  // Port 2: nothing listens there, and browsers do not block it (port 9, say, they never try).
  const response = await send(page, 'http://127.0.0.1:2/nothing-listens-here');
  const alert = response.getByRole('alert');
  await expect(alert).toContainText('Network error: no answer from the server');
  await expect(alert).toContainText('nor to a second, no-cors request reqlab sent to the same URL to tell CORS from no answer');
});

// Each payload tries to run script or load something from the server; none may succeed.
const XSS_PAYLOADS = [
  '<script>parent.postMessage("pwned","*");top.__pwned=1</script>',
  '<img src=x onerror="top.__pwned=1">',
  '<svg onload="top.__pwned=1"></svg>',
  '<svg><script>top.__pwned=1</script></svg>',
  '<body onload="top.__pwned=1">',
  '<iframe src="javascript:top.__pwned=1"></iframe>',
  '<a href="javascript:top.__pwned=1" id=a>x</a><script>a.click()</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror="top.__pwned=1">',
  '<meta http-equiv="refresh" content="0;url=javascript:top.__pwned=1">',
  '<meta http-equiv="refresh" content="0;url=LEAK/refresh">',
  '<base href="LEAK/"><img src="base.png">',
  '<img src="LEAK/img">',
  '<link rel=stylesheet href="LEAK/css">',
  '<script src="LEAK/script.js"></script>',
  '<object data="LEAK/object"></object>',
  '<embed src="LEAK/embed">',
  '<video src="LEAK/video"></video>',
  '<audio src="LEAK/audio"></audio>',
  '<form action="LEAK/form"><input name=x></form><script>document.forms[0].submit()</script>',
  '<style>@import "LEAK/import";</style>',
  '<div style="background:url(LEAK/bg)">x</div>',
  '<input autofocus onfocus="top.__pwned=1">',
  '<details open ontoggle="top.__pwned=1">',
  '<marquee onstart="top.__pwned=1">x</marquee>',
  '<iframe srcdoc="<script>top.__pwned=1</script>"></iframe>',
  '<object data="data:text/html,<script>top.__pwned=1</script>"></object>',
  '<img src=x onerror=eval(atob("dG9wLl9fcHduZWQ9MQ=="))>',
  '"><script>top.__pwned=1</script>',
  '</textarea><script>top.__pwned=1</script>',
  '<scr<script>ipt>top.__pwned=1</scr</script>ipt>',
  '<link rel=prefetch href="LEAK/prefetch">',
  '<img srcset="LEAK/srcset 1x">',
];

test(`${XSS_PAYLOADS.length} XSS payloads in the HTML preview neither run nor load anything`, async ({ page }) => {
  test.setTimeout(120_000);
  let payload = '';
  const server = await plainServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', 'text/html');
    res.end(req.url?.startsWith('/page') ? payload : 'leaked');
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  try {
    await page.goto(appUrl());
    for (const [i, template] of XSS_PAYLOADS.entries()) {
      payload = template.replaceAll('LEAK', server.base);
      await page.getByLabel('URL', { exact: true }).fill(`${server.base}/page${i}`);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const response = page.getByRole('region', { name: 'Response' });
      await expect(response).toContainText('200 OK');
      await response.getByRole('button', { name: 'Preview' }).click();
      await expect(response.locator('iframe[title="HTML preview"]')).toHaveAttribute('srcdoc', /Content-Security-Policy/);
      await page.waitForTimeout(150);
      expect(await page.evaluate(() => (window as any).__pwned), `payload ${i} ran`).toBeUndefined();
    }
    const leaks = server.seen.filter((url) => !url.startsWith('/page'));
    expect(leaks, 'requests that left the preview').toEqual([]);
    expect(dialogs).toEqual([]);
  } finally {
    await server.close();
  }
});

test('an empty or short body takes the room it needs, not a screenful', async ({ page }) => {
  const response = await send(page, `${appUrl()}status/404`);
  await expect(response).toContainText('404 Not Found');
  await expect(response).toContainText('0 bytes');
  const empty = (await response.getByRole('group', { name: 'Response body' }).boundingBox())!;
  expect(empty.height).toBeLessThan(40);
  // A long body is cut to a scrolling box of at most 60% of the viewport.
  const long = await send(page, `${appUrl()}json/large?bytes=200000`);
  const box = (await long.getByRole('group', { name: 'Response body' }).boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.height).toBeLessThanOrEqual(viewport.height * 0.6 + 1);
  expect(box.height).toBeGreaterThan(viewport.height * 0.5);
});
