// The examples gallery (Examples in the header): every example opens in the editor with one click, is
// sent to a real reqlab-echo, and gets the status the tutorials promise. The expected statuses are this
// spec's own, from the seeds (httpbin's documented answers), not read from the app.
import { test, expect, appUrl } from './fixtures';

const EXPECTED: [title: string, status: RegExp, echoed?: string][] = [
  ['GET with query parameters', / 200 OK$/, '"name": "reqlab"'],
  ['POST a web form', / 200 OK$/, '"form"'],
  ['POST JSON', / 200 OK$/, '"json"'],
  ['Upload a file', / 200 OK$/, '"files"'],
  ['Basic authentication', / 200 OK$/, '"authenticated": true'],
  ['A redirect, followed', / 200 OK$/, '"url"'],
  ['A redirect, not followed', /^0\b/],
  ['Custom User-Agent', / 200 OK$/, '"user-agent"'],
  ['Streamed response', / 200 OK$/, '"id":2,'],
  ['A chosen status: 418', / 418 I'm a teapot$/],
  ["ReqBin's echo URL", / 200 OK$/],
];

for (const [title, status, echoed] of EXPECTED) {
  test(`example "${title}" opens with one click and gets its status from reqlab-echo`, async ({ page }) => {
    await page.goto(appUrl());
    await page.getByRole('button', { name: 'Examples', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Examples' });
    // Aimed at the reqlab-echo serving the app.
    await expect(dialog.getByLabel('Echo server')).toHaveValue(new URL(appUrl()).origin);
    await dialog.getByRole('button', { name: title, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Opened the example “${title}”: press Send`)).toBeVisible();
    await expect(page.getByLabel('URL', { exact: true })).toHaveValue(new RegExp(`^${new URL(appUrl()).origin}/`));

    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const response = page.getByRole('region', { name: 'Response' });
    await expect(response.locator('#status-line')).toHaveText(status);
    if (echoed) await expect(response.getByLabel('Response body')).toContainText(echoed);
  });
}

test('the examples follow the echo server the user sets, and keep it', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Examples' });
  await dialog.getByLabel('Echo server').fill('https://echo.example.org/');
  await dialog.getByRole('button', { name: 'POST JSON', exact: true }).click();
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue('https://echo.example.org/post');
  await page.reload();
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  await expect(dialog.getByLabel('Echo server')).toHaveValue('https://echo.example.org/');
});
