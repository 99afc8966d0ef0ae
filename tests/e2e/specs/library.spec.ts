// The library (src/library): the draft kept across reloads, a full or damaged storage, other tabs, share
// links opened in a fresh browser, and the history. Every request goes to a real reqlab-echo.
import { Locator, Page } from '@playwright/test';
import * as zlib from 'node:zlib';
import { test, expect, appUrl, openTab } from './fixtures';
import { edited, keptDraft, libraryNotice, libraryStarted, openPanel, shareLink } from './library';

/// Builds a request that touches every part of the editor: method, URL with a variable, a query row, a
/// header, a JSON body, Basic auth, the variable's value, and a second environment that is not the active
/// one.
async function buildRequest(page: Page) {
  await page.getByLabel('Method').selectOption('PUT');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything/{{user}}?page=2`);
  const headers = await openTab(page, 'Headers');
  await headers.getByRole('button', { name: 'Add header' }).click();
  await headers.getByLabel('Key').first().fill('X-Trace');
  await headers.getByLabel('Value').first().fill('7f3a');
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'Raw' }).check();
  await body.getByLabel('Body text').fill('{"name": "Widget ✓"}');
  const auth = await openTab(page, 'Auth');
  await auth.getByLabel('Auth type').selectOption('basic');
  await auth.getByLabel('Username', { exact: true }).fill('peter');
  await auth.getByLabel('Password', { exact: true }).fill('s3cr3t');
  const vars = await openTab(page, 'Variables');
  await setVariable(vars, 'user', 'peter');
  await vars.getByRole('button', { name: 'New environment' }).click();
  await vars.getByLabel('Environment name').fill('staging');
  await setVariable(vars, 'user', 'sam');
  await vars.getByLabel('Environment', { exact: true }).selectOption({ label: 'Default' });
}

/// Fills the first variable row of the active environment (the Variables tab is `vars`).
async function setVariable(vars: Locator, key: string, value: string) {
  await vars.getByLabel('Key').first().fill(key);
  await vars.getByLabel('Value').first().fill(value);
}

test('every edit is kept within a second, and a reload restores the request exactly', async ({ page }) => {
  await page.goto(appUrl());
  await buildRequest(page);
  const before = await edited(page);
  expect(before.request.method).toBe('PUT');
  expect(before.variables.environments.map((e: { name: string }) => e.name)).toEqual(['Default', 'staging']);
  expect(before.variables.active).toBe(0);
  // Kept within one second of the last keystroke.
  await expect.poll(() => keptDraft(page), { timeout: 1000 }).toContain('"value":"peter"');

  await page.reload();
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything/{{user}}?page=2`);
  await expect.poll(() => edited(page)).toEqual(before);
  // Nothing is announced for a restored draft.
  await expect(libraryNotice(page)).toBeHidden();
  const auth = await openTab(page, 'Auth');
  await expect(auth.getByLabel('Password', { exact: true })).toHaveValue('s3cr3t');
  // Every environment is back, in order, the same one active.
  const vars = await openTab(page, 'Variables');
  const picker = vars.getByLabel('Environment', { exact: true });
  await expect(picker.locator('option')).toHaveText(['None', 'Default', 'staging']);
  await expect(picker.locator('option:checked')).toHaveText('Default');
  await picker.selectOption({ label: 'staging' });
  await expect(vars.getByLabel('Value').first()).toHaveValue('sam');
});

test('a full storage loses nothing: typing goes on, a warning says edits are not kept, and they are once there is room', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  await url.fill(`${appUrl()}anything?step=1`);
  await expect.poll(() => keptDraft(page)).toContain('step=1');

  // Fill this origin's storage until it throws, down to the last few bytes.
  const error = await page.evaluate(() => {
    let name = '';
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 2) {
      const chunk = 'x'.repeat(size);
      try {
        for (;;) localStorage.setItem(`filler.${n++}`, chunk);
      } catch (e) {
        name = (e as DOMException).name;
      }
    }
    return name;
  });
  expect(error).toBe('QuotaExceededError');

  await url.fill(`${appUrl()}anything?step=2-typed-while-storage-is-full`);
  await expect(libraryNotice(page)).toContainText(
    "Your edits are not being kept: the browser's storage for this site is full.",
  );
  // Still in the editor, and still sendable.
  await expect(url).toHaveValue(`${appUrl()}anything?step=2-typed-while-storage-is-full`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
  expect(await keptDraft(page)).toContain('step=1');

  // Room again: the next edit is kept, and says so.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler.')) localStorage.removeItem(key);
  });
  await url.fill(`${appUrl()}anything?step=3`);
  await expect(libraryNotice(page)).toContainText('Your edits are being kept again.');
  await expect.poll(() => keptDraft(page)).toContain('step=3');
  await page.reload();
  await expect(url).toHaveValue(`${appUrl()}anything?step=3`);
});

test('damaged saved data: the app starts, says so, and keeps a copy aside', async ({ page }) => {
  await page.goto(appUrl());
  // Damaged once this page has kept its draft: from then on it writes only when the editor changes, so the
  // reload is the first to read the damage.
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?before=1`);
  await expect.poll(() => keptDraft(page)).toContain('before=1');
  const damagedDraft = '{"v":2,"data":{"request":{"method":';
  await page.evaluate((draft) => {
    localStorage.setItem('reqlab.draft', draft);
    localStorage.setItem('reqlab.history', 'not JSON at all');
    localStorage.setItem('reqlab.collections', '{"v":99,"data":{}}');
  }, damagedDraft);
  await page.reload();

  const notice = libraryNotice(page);
  await expect(notice).toContainText('Your saved draft could not be opened, so reqlab started without it.');
  await expect(notice).toContainText('Your saved history could not be opened');
  await expect(notice).toContainText('saved by a newer reqlab (version 99)');
  await expect(notice).toContainText('“reqlab.draft.corrupt”');
  expect(await page.evaluate(() => localStorage.getItem('reqlab.draft.corrupt'))).toBe(damagedDraft);
  // The app works: a request goes out and its draft is kept afresh.
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?fresh=1`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
  await expect.poll(() => keptDraft(page)).toContain('fresh=1');
  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(notice).toBeHidden();
});

test.describe('typing before the library has loaded', () => {
  // The library's script is held back below; a service worker would fetch it out of the test's sight.
  test.use({ serviceWorkers: 'block' });

  test('what was typed wins, and the saved draft waits in History', async ({ page }) => {
    await page.goto(appUrl());
    const url = page.getByLabel('URL', { exact: true });
    await url.fill(`${appUrl()}anything?saved=1`);
    await expect.poll(() => keptDraft(page)).toContain('saved=1');

    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/library.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await url.fill(`${appUrl()}anything?typed=1`);
    release();
    await expect(libraryNotice(page)).toContainText(
      'You started typing before your saved request was restored, so reqlab kept what you typed; the saved one is in History.',
    );
    await expect(url).toHaveValue(`${appUrl()}anything?typed=1`);
    // What was typed is kept as the draft without waiting for another edit.
    await expect.poll(() => keptDraft(page), { timeout: 1000 }).toContain('typed=1');
    const dialog = await openPanel(page, 'History');
    await expect(dialog).toContainText('not sent: the draft saved before this visit');
    await dialog.getByRole('button', { name: `GET ${appUrl()}anything?saved=1 → no response`, exact: true }).click();
    await expect(url).toHaveValue(`${appUrl()}anything?saved=1`);
  });
});

test('an edit made in another tab shows up in this one', async ({ page, context }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  const other = await context.newPage();
  await other.goto(appUrl());
  await libraryStarted(other);
  // People type in the tab in front.
  await page.bringToFront();
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?from=first-tab`);
  await expect(other.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything?from=first-tab`);
  // Opening a third tab does not write its editor over the draft: the first tab keeps what was typed.
  const third = await context.newPage();
  await third.goto(appUrl());
  await libraryStarted(third);
  await expect(third.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything?from=first-tab`);
  await page.waitForTimeout(500);
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything?from=first-tab`);
  await other.close();
  await third.close();
});

test("a draft another tab wrote before this tab's newest edit does not replace it", async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  const url = page.getByLabel('URL', { exact: true });
  await url.fill(`${appUrl()}anything?older=1`);
  await expect.poll(() => keptDraft(page)).toContain('older=1');
  const older = (await keptDraft(page)).replaceAll('older', 'other');
  // The newest edit here, then, before it is written, another tab's draft edited earlier arriving (as the
  // browser's storage event).
  await url.fill(`${appUrl()}anything?newer=2`);
  await page.evaluate((text) => {
    dispatchEvent(new StorageEvent('storage', { key: 'reqlab.draft', newValue: text }));
  }, older);
  await page.waitForTimeout(500);
  await expect(url).toHaveValue(`${appUrl()}anything?newer=2`);
  // And this tab's edit is what is kept, for the other tab to follow.
  await expect.poll(() => keptDraft(page)).toContain('newer=2');
});

test('a share link opens the same request and its variables in a fresh browser, secrets left out unless asked for, nothing sent', async ({ page, browser }) => {
  await page.goto(appUrl());
  await buildRequest(page);
  const headers = await openTab(page, 'Headers');
  await headers.getByRole('button', { name: 'Add header' }).click();
  await headers.getByLabel('Key').nth(1).fill('Authorization');
  await headers.getByLabel('Value').nth(1).fill('Bearer abc');
  const original = (await edited(page)).request;

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share and embed' });
  const plain = await shareLink(page);
  // The request part, then the variables part: the URL uses {{user}}.
  expect(plain).toMatch(new RegExp(`^${appUrl()}#r=1\\.[\\w-]+&v=1\\.[\\w-]+$`));
  await expect(dialog).toContainText('Left out (tick the box to include them): header Authorization, Basic auth password.');
  await expect(dialog.getByText('This link carries secrets')).toHaveCount(0);
  await dialog.getByLabel('Include secrets').check();
  await expect(dialog.getByRole('alert')).toContainText('This link carries secrets');
  await expect(dialog.getByLabel('Link', { exact: true })).not.toHaveValue(plain);
  const secret = await shareLink(page);
  expect(secret).not.toBe(plain);

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    const sent: string[] = [];
    // Every page of the fresh browser: opening either link must send nothing.
    fresh.on('request', (r) => {
      if (r.url().includes('/anything')) sent.push(r.url());
    });
    await other.goto(plain);
    await expect(
      other.getByText(
        `Opened a shared request for ${new URL(appUrl()).host}, with its variables in the environment "Shared link". ` +
          'Nothing was sent: check it, then press Send.',
      ),
    ).toBeVisible();
    const { request: opened, variables } = await edited(other);
    // The active environment's value of the one variable the request uses, in an environment of its own.
    expect(variables.environments[variables.active]).toEqual({
      name: 'Shared link',
      variables: [{ enabled: true, key: 'user', value: 'peter' }],
    });
    expect(variables.environments.map((e: { name: string }) => e.name)).toEqual(['Default', 'Shared link']);
    expect(opened).toEqual({
      ...original,
      headers: original.headers.map((h: { key: string }) => (h.key === 'Authorization' ? { ...h, value: '' } : h)),
      auth: { ...original.auth, password: '' },
    });
    // The fragment is dropped once opened: a reload shows the draft, not the link over later edits.
    expect(new URL(other.url()).hash).toBe('');

    const withSecrets = await fresh.newPage();
    await withSecrets.goto(secret);
    await expect(withSecrets.getByText('Opened a shared request')).toBeVisible();
    expect((await edited(withSecrets)).request).toEqual(original);
    await withSecrets.waitForTimeout(500);
    expect(sent, 'opening a link sends nothing').toEqual([]);
    // With the link's variables, the opened request resolves and sends as it did for the sharer.
    await withSecrets.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(withSecrets.getByRole('region', { name: 'Response' })).toContainText('200 OK');
    expect(sent).toEqual([`${appUrl()}anything/peter?page=2`]);
  } finally {
    await fresh.close();
  }
});

test('a damaged or oversized link gives a clear message and an empty editor', async ({ page }) => {
  await page.goto(`${appUrl()}#r=1.AAAA-not-deflate`);
  await expect(libraryNotice(page)).toContainText('The link is damaged (not compressed as reqlab writes it)');
  await page.goto(`${appUrl()}#r=7.abc`);
  await page.reload();
  await expect(libraryNotice(page)).toContainText('The link was made by a newer reqlab (format 7)');
  await page.goto(`${appUrl()}#r=1.${'A'.repeat(70_000)}`);
  await page.reload();
  await expect(libraryNotice(page)).toContainText('The link is too large');
  await expect(page.getByLabel('URL', { exact: true })).toBeEditable();
  // A small link that would inflate to 4 MB: the browser's inflater is stopped at 1 MiB.
  const bomb = zlib.deflateRawSync(Buffer.alloc(4 * 1024 * 1024, ' ')).toString('base64url');
  expect(bomb.length).toBeLessThan(64 * 1024);
  await page.goto(`${appUrl()}#r=1.${bomb}`);
  await page.reload();
  await expect(libraryNotice(page)).toContainText('The link is too large');
  await expect(page.getByLabel('URL', { exact: true })).toBeEditable();
});

test('the history lists sends with status, time and size, opens, searches and clears them', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  const send = page.getByRole('button', { name: 'Send', exact: true });
  const response = page.getByRole('region', { name: 'Response' });
  for (const path of ['anything?first=1', 'status/404', 'anything?third=3']) {
    await url.fill(`${appUrl()}${path}`);
    await send.click();
    await expect(response).toContainText(path.startsWith('status') ? '404' : '200 OK');
  }
  const dialog = await openPanel(page, 'History');
  const list = dialog.getByRole('list', { name: 'Sent requests' });
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list.getByRole('listitem').first()).toContainText(`GET ${appUrl()}anything?third=3 → 200`);
  await expect(list.getByRole('listitem').nth(1)).toContainText(/404 Not Found · \d+ ms · \d+ bytes? ·/);

  await dialog.getByLabel('Search').fill('404');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(dialog).toContainText('1 of 3 requests match.');
  await dialog.getByLabel('Search').fill('');

  // Kept across a reload, and one click opens an entry again, in a tab of its own, with the answer History
  // kept for it.
  await page.reload();
  await openPanel(page, 'History');
  await list.getByRole('button', { name: `GET ${appUrl()}anything?first=1 → 200`, exact: true }).click();
  await expect(url).toHaveValue(`${appUrl()}anything?first=1`);
  await expect(page.getByRole('tab', { name: 'GET /anything?first=1', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(response.locator('#answer-of')).toContainText(`Answer to GET ${appUrl()}anything?first=1, sent at`);
  await expect(response.locator('#answer-of')).toContainText('As History kept it');
  await expect(response).toContainText('200 OK');
  await expect(response).toContainText('"first": "1"');
  await expect(libraryNotice(page)).toBeHidden();

  await dialog.getByRole('button', { name: 'Clear history' }).click();
  await expect(dialog).toContainText('Nothing sent yet.');
  expect(await page.evaluate(() => localStorage.getItem('reqlab.history'))).toBeNull();
});

test('collections: save, rename, duplicate, reorder, open, delete, export', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything/users`);
  await setVariable(await openTab(page, 'Variables'), 'team', 'blue');
  const dialog = await openPanel(page, 'Collections');
  await dialog.getByRole('button', { name: 'Save as new', exact: true }).click();
  const folder = dialog.getByRole('region', { name: 'My requests' });
  await expect(folder.getByRole('listitem')).toHaveCount(1);
  await expect(folder.getByRole('listitem').first()).toContainText('POST /anything/users');

  // Renamed in place: Escape puts the name back without closing the dialog; Enter applies the new one.
  await folder.getByRole('button', { name: 'Rename POST /anything/users' }).click();
  const requestName = folder.getByLabel('New name for POST /anything/users');
  await expect(requestName).toBeFocused();
  await requestName.fill('Never kept');
  await requestName.press('Escape');
  await expect(dialog).toBeVisible();
  await expect(requestName).toHaveCount(0);
  await expect(folder.getByRole('button', { name: 'POST /anything/users', exact: true })).toBeVisible();
  // The focus goes back to the Rename button, as after any closed field.
  await expect(folder.getByRole('button', { name: 'Rename POST /anything/users' })).toBeFocused();
  await folder.getByRole('button', { name: 'Rename POST /anything/users' }).click();
  await requestName.fill('Create user');
  await requestName.press('Enter');
  await expect(folder.getByRole('button', { name: 'Rename Create user' })).toBeFocused();
  await folder.getByRole('button', { name: 'Duplicate Create user' }).click();
  await expect(folder.getByRole('listitem')).toHaveCount(2);
  await expect(folder.getByRole('listitem').nth(1)).toContainText('Create user copy');
  await folder.getByRole('button', { name: 'Move Create user copy up' }).click();
  await expect(folder.getByRole('listitem').first()).toContainText('Create user copy');
  // Deleted, with Undo offered; Undo brings it back, where it was.
  await folder.getByRole('button', { name: 'Delete “Create user copy”' }).click();
  await expect(folder.getByRole('listitem')).toHaveCount(1);
  await expect(dialog.getByRole('status').filter({ hasText: 'Deleted' })).toContainText('Deleted “Create user copy”.');
  await expect(dialog.getByRole('button', { name: 'Undo', exact: true })).toBeFocused();
  await dialog.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(folder.getByRole('listitem')).toHaveCount(2);
  await expect(folder.getByRole('listitem').first()).toContainText('Create user copy');
  await expect(dialog.getByRole('button', { name: 'Undo', exact: true })).toBeHidden();
  await folder.getByRole('button', { name: 'Delete “Create user copy”' }).click();
  await expect(folder.getByRole('listitem')).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Rename folder My requests' }).click();
  const folderName = dialog.getByLabel('New name for folder My requests');
  // A refused name keeps the field and what was typed, and says why.
  await folderName.fill('  ');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(dialog.locator('#lib-collections-problem')).toHaveText('A name cannot be empty.');
  await expect(folderName).toHaveValue('  ');
  await folderName.fill('Users');
  await dialog.getByRole('button', { name: 'Save name' }).click();
  await expect(dialog.locator('#lib-collections-problem')).toBeEmpty();
  const users = dialog.getByRole('region', { name: 'Users' });
  await expect(users.getByRole('listitem')).toHaveCount(1);

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export as Postman collection' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(require('node:fs').readFileSync(file, 'utf8'));
  expect(exported.info.schema).toContain('v2.1.0');
  expect(exported.item[0].name).toBe('Users');
  expect(exported.item[0].item[0].name).toBe('Create user');
  expect(exported.item[0].item[0].request.method).toBe('POST');
  // The editor's variables travel with the requests.
  expect(exported.variable).toEqual([expect.objectContaining({ key: 'team', value: 'blue' })]);

  // Kept across a reload; opening a saved request from another tab brings its tab to the front.
  await page.reload();
  await page.getByRole('button', { name: 'New tab', exact: true }).click();
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything/other`);
  await openPanel(page, 'Collections');
  await users.getByRole('button', { name: 'Create user', exact: true }).click();
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything/users`);
  await expect(page.getByLabel('Method')).toHaveValue('POST');
});

test('environments export as Postman environment files and import back', async ({ page }) => {
  await page.goto(appUrl());
  const vars = await openTab(page, 'Variables');
  await setVariable(vars, 'host', 'default.test');
  await vars.getByRole('button', { name: 'New environment' }).click();
  await vars.getByLabel('Environment name').fill('staging');
  await setVariable(vars, 'host', 'staging.test');

  const dialog = await openPanel(page, 'Environments');
  const list = dialog.getByRole('list', { name: 'Environments' });
  await expect(list.getByRole('listitem')).toHaveText([/^Default \(1 variable\)/, /^staging \(1 variable\)/]);
  const download = page.waitForEvent('download');
  await list.getByRole('button', { name: 'Export environment staging' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('staging.postman_environment.json');
  const path = await file.path();
  expect(JSON.parse(require('node:fs').readFileSync(path, 'utf8'))).toEqual({
    name: 'staging',
    values: [{ key: 'host', value: 'staging.test', type: 'default', enabled: true }],
    _postman_variable_scope: 'environment',
  });

  // Changed in the editor, then the file imported back: its values return, and it is the active one.
  await vars.getByLabel('Value').first().fill('changed.test');
  const picker = vars.getByLabel('Environment', { exact: true });
  await picker.selectOption({ label: 'Default' });
  const chooser = dialog.getByLabel('Import a Postman environment file');
  await chooser.setInputFiles(path);
  await expect(
    page.getByText('Imported the environment “staging” (1 variable), in place of the one of that name; it is the active one now.'),
  ).toBeVisible();
  await expect(picker.locator('option')).toHaveText(['None', 'Default', 'staging']);
  await expect(picker.locator('option:checked')).toHaveText('staging');
  await expect(vars.getByLabel('Value').first()).toHaveValue('staging.test');

  // The header's picker shows the active environment, and picks another.
  const header = page.getByRole('banner').getByLabel('Environment', { exact: true });
  await expect(header.locator('option:checked')).toHaveText('staging');
  await header.selectOption({ label: 'Default' });
  await expect(picker.locator('option:checked')).toHaveText('Default');
  await expect(vars.getByLabel('Value').first()).toHaveValue('default.test');

  // A file that is no environment is explained, and the editor keeps its environments.
  await chooser.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"info": {}, "item": []}') });
  await expect(dialog.getByRole('alert')).toContainText(
    'notes.json: This JSON is not a Postman environment file',
  );
  await expect(list.getByRole('listitem')).toHaveCount(2);
});

test('save in place: a reopened, edited request saved with Ctrl+S is updated, not copied, and survives a reload', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  const url = page.getByLabel('URL', { exact: true });
  await url.fill(`${appUrl()}anything/orders`);
  // A request saved nowhere yet: Save asks for a name and a folder.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const dialog = page.getByRole('tabpanel', { name: 'Collections' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Save the current request as')).toBeFocused();
  await dialog.getByLabel('Save the current request as').fill('Orders');
  await dialog.getByRole('button', { name: 'Save as new', exact: true }).click();
  const editing = page.getByRole('navigation', { name: 'Library' }).getByRole('status');
  await expect(editing).toHaveText('“Orders”');

  // Edited: the bar says so; Ctrl+S saves it in place.
  await url.fill(`${appUrl()}anything/orders?status=open`);
  await expect(editing).toHaveText('“Orders”, edited');
  await url.press('Control+s');
  await expect(libraryNotice(page)).toContainText('Saved “Orders”.');
  await expect(editing).toHaveText('“Orders”');

  // After a reload, the editor is still that saved request: another edit and Save update it again.
  await page.reload();
  await libraryStarted(page);
  await expect(url).toHaveValue(`${appUrl()}anything/orders?status=open`);
  await expect(editing).toHaveText('“Orders”');
  await url.fill(`${appUrl()}anything/orders?status=closed`);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(libraryNotice(page)).toContainText('Saved “Orders”.');

  // Reopened from Collections in another tab: its own tab comes back to the front, holding the last
  // edit; one saved request, and no copy.
  const tabs = page.getByRole('tablist', { name: 'Open requests' });
  await page.getByRole('button', { name: 'New tab', exact: true }).click();
  await expect(tabs.getByRole('tab')).toHaveCount(2);
  await expect(url).toHaveValue('');
  await expect(url).toBeFocused();
  await openPanel(page, 'Collections');
  const folder = dialog.getByRole('region', { name: 'My requests' });
  await expect(folder.getByRole('listitem')).toHaveCount(1);
  await expect(folder.getByRole('listitem')).toContainText('GET ' + `${appUrl()}anything/orders?status=closed`);
  await folder.getByRole('button', { name: 'Orders', exact: true }).click();
  await expect(url).toHaveValue(`${appUrl()}anything/orders?status=closed`);
  await expect(editing).toHaveText('“Orders”');
  await expect(tabs.getByRole('tab')).toHaveCount(2);
  await expect(tabs.getByRole('tab', { name: 'GET Orders', exact: true })).toHaveAttribute('aria-selected', 'true');
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('reqlab.collections')))!);
  expect(stored.data.folders[0].requests.map((r: { name: string }) => r.name)).toEqual(['Orders']);

  // A Ctrl+S never reaches the browser's "save page".
  const prevented = await page.evaluate(() => {
    const event = new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(prevented).toBe(true);
});

test('the answer names the request it belongs to, and says when the editor changed since', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  const url = page.getByLabel('URL', { exact: true });
  await url.fill(`${appUrl()}anything/first`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  const answerOf = response.locator('#answer-of');
  await expect(answerOf).toHaveText(new RegExp(`^Answer to GET ${appUrl()}anything/first, sent at .+\\.$`));
  await expect(answerOf).not.toContainText('edited since');

  // Edited: the answer stays, and the line says it is no longer this request's.
  await url.fill(`${appUrl()}anything/second`);
  await expect(answerOf).toContainText('The request has been edited since.');
  await expect(response).toContainText('/anything/first');
  // Back as it was: the answer is the request's again.
  await url.fill(`${appUrl()}anything/first`);
  await expect(answerOf).not.toContainText('edited since');

  await url.fill(`${appUrl()}anything/second`);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(answerOf).toHaveText(new RegExp(`^Answer to GET ${appUrl()}anything/second, sent at `));
});

test('a share link without its token says what was left out, and Send says what is missing instead of sending', async ({ page, browser }) => {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}bearer`);
  const auth = await openTab(page, 'Auth');
  await auth.getByLabel('Auth type').selectOption('bearer');
  await auth.getByLabel('Token', { exact: true }).fill('t0k3n');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await shareLink(page);

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    const sent: string[] = [];
    fresh.on('request', (r) => {
      if (r.url().includes('/bearer')) sent.push(r.url());
    });
    await other.goto(link);
    await expect(other.getByText('Left out of the shared link, to fill in before sending: Bearer token.')).toBeVisible();
    await expect(other.getByText('Cannot send yet: The Bearer token is empty')).toBeVisible();
    await expect(other.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
    const token = (await openTab(other, 'Auth')).getByLabel('Token', { exact: true });
    await expect(token).toHaveValue('');
    await token.fill('t0k3n');
    await other.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(other.getByRole('region', { name: 'Response' })).toContainText('200 OK');
    expect(sent).toEqual([`${appUrl()}bearer`]);
  } finally {
    await fresh.close();
  }
});

test('a Postman collection with folders is imported whole into Collections, its variables as an environment', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  const dialog = await openPanel(page, 'Collections');
  await dialog
    .getByLabel('Import a Postman collection, HAR log, .http file or OpenAPI description')
    .setInputFiles(require('node:path').join(__dirname, 'import.postman_collection.json'));
  await expect(dialog.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 3 requests from “Echo API”.');
  await expect(dialog.getByRole('region', { name: 'Echo API', exact: true }).getByRole('listitem')).toHaveText([/^Health/]);
  await expect(dialog.getByRole('region', { name: 'Echo API / Users', exact: true }).getByRole('listitem')).toHaveText([/^List users/]);
  await expect(dialog.getByRole('region', { name: 'Echo API / Users / Admin', exact: true }).getByRole('listitem')).toHaveText([/^Create user/]);
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('reqlab.collections')))!);
  expect(stored.data.folders.map((f: { name: string }) => f.name)).toEqual(['Echo API', 'Echo API / Users', 'Echo API / Users / Admin']);

  // Its variables are the active environment, so the requests' {{base}} and {{token}} resolve.
  await expect.poll(async () => (await edited(page)).variables.environments.map((e: { name: string }) => e.name)).toContain('Echo API');
  const { variables } = await edited(page);
  expect(variables.environments[variables.active].variables.map((v: { key: string }) => v.key)).toEqual(['base', 'token', 'role']);

  // Opened from there, a request is that saved request: Save updates it.
  await dialog.getByRole('region', { name: 'Echo API / Users / Admin', exact: true }).getByRole('button', { name: 'Create user', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('status')).toHaveText('“Create user”');
});

test('the Workspace sidebar: a landmark beside the editor, its panels a tab list, kept shown or hidden', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  const sidebar = page.getByRole('complementary', { name: 'Workspace' });
  const toggle = page.getByRole('button', { name: 'Workspace', exact: true });
  // Shown on a wide screen the first time, at Collections.
  await expect(sidebar).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(sidebar.getByRole('tabpanel', { name: 'Collections' })).toBeVisible();
  // Beside the editor, not over it: the request bar starts right of the sidebar.
  const side = (await sidebar.boundingBox())!;
  const url = (await page.getByLabel('URL', { exact: true }).boundingBox())!;
  expect(url.x).toBeGreaterThanOrEqual(side.x + side.width);

  // The panels follow the ARIA tabs pattern.
  await sidebar.getByRole('tab', { name: 'Collections' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(sidebar.getByRole('tab', { name: 'History' })).toBeFocused();
  await expect(sidebar.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  await expect(sidebar.getByRole('tabpanel', { name: 'History' })).toBeVisible();
  await expect(sidebar.getByRole('tabpanel', { name: 'Collections' })).toBeHidden();
  await page.keyboard.press('End');
  await expect(sidebar.getByRole('tabpanel', { name: 'Environments' })).toBeVisible();
  await expect(sidebar.getByRole('tabpanel', { name: 'Environments' })).toContainText('Default (0 variables)');

  // Hidden with the toolbar's button: the editor takes the width; kept so across a reload, as the panel.
  await toggle.click();
  await expect(sidebar).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await page.reload();
  await libraryStarted(page);
  await expect(sidebar).toBeHidden();
  await toggle.click();
  await expect(sidebar.getByRole('tabpanel', { name: 'Environments' })).toBeVisible();
  await expect(sidebar.getByRole('tab', { name: 'Environments' })).toBeFocused();
});

test('on a phone the sidebar lies over the editor, and Escape or opening an entry puts it away', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(appUrl());
  await libraryStarted(page);
  const sidebar = page.getByRole('complementary', { name: 'Workspace' });
  // Never in the way on load.
  await expect(sidebar).toBeHidden();
  const panel = await openPanel(page, 'Collections');
  await panel.getByRole('button', { name: 'Save as new', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
  await expect(page.getByRole('button', { name: 'Workspace', exact: true })).toBeFocused();
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}elsewhere`);
  await openPanel(page, 'Collections');
  await panel.getByRole('region', { name: 'My requests' }).getByRole('listitem').first().getByRole('button').first().click();
  await expect(sidebar).toBeHidden();
  await expect(page.getByLabel('URL', { exact: true })).toHaveValue(`${appUrl()}anything`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
