// Auth that needs more than a header made from fields, as a person uses it: Digest answered in one click,
// AWS Signature, and OAuth 2.0 against reqlab-echo's test authorization server (--oauth-test): the
// authorization code grant with PKCE in a popup that comes back to the app's callback page under a GitHub
// Pages-like sub-path, client credentials, an expired token refreshed before a send, and a token endpoint
// without CORS explained, then used through reqlab-echo's forward mode.
import { Page } from '@playwright/test';
import { test, expect, appUrl, pagesUrl, openTab, pasteIntoUrl } from './fixtures';
import { shareLink } from './library';

async function chooseAuth(page: Page, kind: string) {
  const auth = await openTab(page, 'Auth');
  // The form is the auth bundle's, loaded when the tab opens.
  await auth.getByLabel('Auth type').selectOption(kind);
  return auth;
}

async function oauthSettings(page: Page, settings: Record<string, string>) {
  const auth = await chooseAuth(page, 'oauth2');
  for (const [label, value] of Object.entries(settings)) {
    if (label === 'Grant type' || label === 'Client authentication') {
      await auth.getByLabel(label, { exact: true }).selectOption(value);
    } else {
      await auth.getByLabel(label, { exact: true }).fill(value);
    }
  }
  return auth;
}

async function send(page: Page) {
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  return page.getByRole('region', { name: 'Response' });
}

async function echoed(page: Page, status = '200 OK') {
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText(status, { timeout: 15_000 });
  return JSON.parse((await response.getByLabel('Response body').textContent()) ?? '');
}

test('a Digest-protected endpoint is answered in one click, SHA-256 and MD5-sess', async ({ page }) => {
  await page.goto(appUrl());
  for (const algorithm of ['SHA-256', 'MD5-sess']) {
    await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}digest-auth/auth/ann/s3cr%3Ft/${algorithm}`);
    const auth = await chooseAuth(page, 'digest');
    await auth.getByLabel('Username', { exact: true }).fill('ann');
    await auth.getByLabel('Password', { exact: true }).fill('s3cr?t');
    const answered = page.waitForRequest((r) => r.url().includes('/digest-auth/') && !!r.headers()['authorization']);
    await send(page);
    const sent = await answered;
    expect(sent.headers()['authorization']).toMatch(new RegExp(`^Digest username="ann".*algorithm=${algorithm}`));
    expect(await echoed(page)).toEqual({ authenticated: true, user: 'ann' });
  }
});

test('AWS Signature signs the request as sent, with the session token', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything/things?b=2&a=1`);
  const auth = await chooseAuth(page, 'aws_sigv4');
  await auth.getByLabel('Access key ID').fill('AKIDEXAMPLE');
  await auth.getByLabel('Secret access key').fill('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
  await auth.getByLabel('Session token').fill('session-t0ken');
  await auth.getByLabel('Region').fill('eu-west-1');
  await auth.getByLabel('Service').fill('execute-api');
  await send(page);
  const echo = await echoed(page);
  const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  expect(echo.headers['Authorization']).toMatch(
    new RegExp(
      `^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${today}/eu-west-1/execute-api/aws4_request, ` +
        'SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$',
    ),
  );
  expect(echo.headers['X-Amz-Security-Token']).toBe('session-t0ken');
  expect(echo.headers['X-Amz-Date']).toMatch(new RegExp(`^${today}T\\d{6}Z$`));
});

test('the authorization code grant with PKCE signs in through a popup that returns under a sub-path', async ({ page }) => {
  // The app as GitHub Pages hosts it, under /reqlab/; the provider is reqlab-echo on another origin.
  await page.goto(pagesUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}oauth/protected`);
  const auth = await oauthSettings(page, {
    'Grant type': 'authorization_code',
    'Authorization URL': `${appUrl()}oauth/authorize`,
    'Token URL': `${appUrl()}oauth/token`,
    'Client ID': 'reqlab-spa',
    Scope: 'read',
  });
  await expect(auth.getByLabel('PKCE (S256 code challenge)')).toBeChecked();
  const popupOpened = page.waitForEvent('popup');
  await send(page);
  const popup = await popupOpened;
  await popup.waitForLoadState();
  const asked = new URL(popup.url());
  expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
  expect(asked.searchParams.get('redirect_uri')).toBe(`${pagesUrl()}public/oauth-callback.html`);
  await expect(popup.getByRole('button', { name: 'Approve' })).toBeVisible();
  expect(await popup.content()).toContain('reqlab-spa');
  await popup.getByRole('button', { name: 'Approve' }).click();
  await popup.waitForEvent('close', { timeout: 10_000 });
  const echo = await echoed(page);
  expect(echo).toMatchObject({ authenticated: true, client_id: 'reqlab-spa', scope: 'read' });
  await expect(auth.getByText(/^Access token for the environment "Default", valid for \d+ min more/)).toBeVisible();
});

test("the implicit grant (legacy) takes the token from the callback page's fragment", async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}oauth/protected`);
  await oauthSettings(page, {
    'Grant type': 'implicit',
    'Authorization URL': `${appUrl()}oauth/authorize`,
    'Client ID': 'reqlab-spa',
  });
  const popupOpened = page.waitForEvent('popup');
  await send(page);
  const popup = await popupOpened;
  expect(new URL(popup.url()).searchParams.get('response_type')).toBe('token');
  await popup.getByRole('button', { name: 'Approve' }).click();
  await popup.waitForEvent('close', { timeout: 10_000 });
  expect(await echoed(page)).toMatchObject({ authenticated: true, client_id: 'reqlab-spa' });
});

test('client credentials get a token at the first send, which later sends reuse', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}oauth/protected`);
  await oauthSettings(page, {
    'Grant type': 'client_credentials',
    'Token URL': `${appUrl()}oauth/token`,
    'Client ID': 'reqlab-service',
    'Client secret': 'reqlab-secret',
    Scope: 'read write',
  });
  const tokenRequests: string[] = [];
  page.on('request', (r) => r.url().endsWith('/oauth/token') && tokenRequests.push(r.postData() ?? ''));
  await send(page);
  expect(await echoed(page)).toMatchObject({ authenticated: true, client_id: 'reqlab-service', user: null });
  await send(page);
  expect(await echoed(page)).toMatchObject({ authenticated: true });
  expect(tokenRequests).toEqual(['grant_type=client_credentials&scope=read+write']);
  // The history keeps the sends without the client secret (nor any token: tokens are never in requests).
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('reqlab.history') ?? ''))
    .toContain('reqlab-service');
  const history = await page.evaluate(() => localStorage.getItem('reqlab.history') ?? '');
  expect(history).not.toContain('reqlab-secret');
  expect(history).not.toContain('Bearer ');
});

test('an expired token is refreshed before a send', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}oauth/protected`);
  const auth = await oauthSettings(page, {
    'Grant type': 'password',
    'Token URL': `${appUrl()}oauth/token`,
    'Client ID': 'reqlab-service',
    'Client secret': 'reqlab-secret',
    "Resource owner's username": 'alice',
    "Resource owner's password": 'wonderland',
    // The test server's knob: tokens that expire in one second.
    'Extra parameters': 'expires_in=1',
  });
  await auth.getByRole('button', { name: 'Get new access token' }).click();
  await expect(auth.getByText(/has expired: sending refreshes it/)).toBeVisible({ timeout: 10_000 });
  const refreshed = page.waitForRequest(
    (r) => r.url().endsWith('/oauth/token') && (r.postData() ?? '').startsWith('grant_type=refresh_token'),
  );
  await send(page);
  await refreshed;
  expect(await echoed(page)).toMatchObject({ authenticated: true, user: 'alice' });
});

test('the device flow shows the code to enter, and the token comes once it is approved elsewhere', async ({ page, context }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}oauth/protected`);
  const auth = await oauthSettings(page, {
    'Grant type': 'device_code',
    'Device authorization URL': `${appUrl()}oauth/device_authorization`,
    'Token URL': `${appUrl()}oauth/token`,
    'Client ID': 'reqlab-spa',
  });
  await auth.getByRole('button', { name: 'Get new access token' }).click();
  const prompt = auth.getByText(/^On any device, open .* and enter the code [A-Z]{4}-[A-Z]{4}\./);
  await expect(prompt).toBeVisible();
  // Approved on "another device": the verification page the link opens, the code filled in.
  const link = await auth.getByRole('link', { name: 'Open the verification page' }).getAttribute('href');
  const other = await context.newPage();
  await other.goto(link!);
  await other.getByRole('button', { name: 'Approve' }).click();
  await expect(auth.getByText(/^Access token for the environment "Default", valid for/)).toBeVisible({ timeout: 10_000 });
  await expect(prompt).toBeHidden();
  await send(page);
  expect(await echoed(page)).toMatchObject({ authenticated: true, client_id: 'reqlab-spa' });
});

test('a token endpoint without CORS is explained, then used through reqlab-echo', async ({ page }) => {
  // The page at reqlab-echo (started with --forward); the provider elsewhere, its token endpoint sending no
  // CORS headers.
  const provider = new URL('/', pagesUrl()).href;
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${provider}oauth/protected`);
  const auth = await oauthSettings(page, {
    'Grant type': 'client_credentials',
    'Token URL': `${provider}oauth/no-cors/token`,
    'Client ID': 'reqlab-service',
    'Client secret': 'reqlab-secret',
  });
  await auth.getByRole('button', { name: 'Get new access token' }).click();
  const refusal = auth.getByRole('alert');
  await expect(refusal).toContainText('sends no CORS headers that let this page read its answer');
  await auth.getByRole('button', { name: 'Exchange through reqlab-echo' }).click();
  await expect(auth.getByText(/^Access token for the environment "Default"/)).toBeVisible({ timeout: 10_000 });
  await expect(auth.getByLabel('Exchange through reqlab-echo (for token endpoints without CORS)')).toBeChecked();
  await send(page);
  expect(await echoed(page)).toMatchObject({ authenticated: true, client_id: 'reqlab-service' });
});

test('the Auth tab keeps each kind\'s settings, and the page carries them in a share link without secrets', async ({ page }) => {
  await page.goto(appUrl());
  const auth = await oauthSettings(page, {
    'Grant type': 'client_credentials',
    'Token URL': 'https://id.example/token',
    'Client ID': 'my-app',
    'Client secret': 'never-in-links',
  });
  await auth.getByLabel('Auth type').selectOption('basic');
  await auth.getByLabel('Username', { exact: true }).fill('ann');
  await auth.getByLabel('Auth type').selectOption('oauth2');
  await expect(auth.getByLabel('Client ID', { exact: true })).toHaveValue('my-app');
  // The page holds what the form set: the draft it announces carries the settings.
  const draft = await page.evaluate(() => (window as any).reqlab.last as string);
  expect(draft).toContain('"client_id"');
  expect(draft).toContain('never-in-links');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await shareLink(page);
  expect(link).not.toContain('never-in-links');
  const other = await page.context().newPage();
  await other.goto(link);
  const opened = await chooseAuth(other, 'oauth2');
  await expect(opened.getByLabel('Client ID', { exact: true })).toHaveValue('my-app');
  await expect(opened.getByLabel('Client secret', { exact: true })).toHaveValue('');
});

test('the Auth tab follows a request opened while another tab was on show', async ({ page }) => {
  await page.goto(appUrl());
  const auth = await chooseAuth(page, 'basic');
  await auth.getByLabel('Username', { exact: true }).fill('ann');
  await openTab(page, 'Headers');
  await pasteIntoUrl(page, `curl --digest -u bob:pw ${appUrl()}digest-auth/auth/bob/pw/MD5`);
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}digest-auth/auth/bob/pw/MD5`);
  const shown = await openTab(page, 'Auth');
  await expect(shown.getByLabel('Auth type')).toHaveValue('digest');
  await expect(shown.getByLabel('Username', { exact: true })).toHaveValue('bob');
  await send(page);
  expect(await echoed(page)).toEqual({ authenticated: true, user: 'bob' });
});
