// The app used with the keyboard only: after the first focus, every step is a key press. The tab lists
// follow the ARIA tabs pattern (one tab stop; arrows, Home and End move and select).
import { Page } from '@playwright/test';
import { test, expect, appUrl } from './fixtures';
import { libraryStarted } from './library';

/// Presses Tab until the focused element matches `wanted` (its role and accessible name, as a locator
/// says), failing after `limit` presses.
async function tabTo(page: Page, wanted: ReturnType<Page['getByRole']>, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await wanted.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${wanted}`);
}

test('keyboard only: arrows reach the Headers tab, a header is added, the request is sent and saved', async ({ page }) => {
  await page.goto(appUrl());
  const url = page.getByLabel('URL', { exact: true });
  await url.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(`${appUrl()}anything/keys`);

  // The tab list is one tab stop: the selected tab.
  const query = page.getByRole('tab', { name: 'Query parameters' });
  await tabTo(page, query);
  await page.keyboard.press('ArrowRight');
  const headers = page.getByRole('tab', { name: 'Headers' });
  await expect(headers).toBeFocused();
  await expect(headers).toHaveAttribute('aria-selected', 'true');
  await expect(query).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Raw' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(query).toBeFocused();
  await expect(query).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(headers).toHaveAttribute('aria-selected', 'true');

  const panel = page.getByRole('tabpanel', { name: 'Headers' });
  await tabTo(page, panel.getByRole('button', { name: 'Add header' }));
  await page.keyboard.press('Enter');
  await tabTo(page, panel.getByLabel('Key').first());
  await page.keyboard.type('X-Keyboard');
  await page.keyboard.press('Tab');
  await expect(panel.getByLabel('Value').first()).toBeFocused();
  await page.keyboard.type('yes');

  // Ctrl+Enter sends from anywhere in the form.
  await page.keyboard.press('Control+Enter');
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('200 OK');
  await expect(response).toContainText('X-Keyboard');

  // Ctrl+S saves: a new request asks for its name, with the focus in the field.
  await page.keyboard.press('Control+s');
  const dialog = page.getByRole('tabpanel', { name: 'Collections' });
  await expect(dialog.getByLabel('Save the current request as')).toBeFocused();
  await page.keyboard.type('By keyboard');
  await tabTo(page, dialog.getByRole('button', { name: 'Save as new', exact: true }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('region', { name: 'My requests' })).toContainText('By keyboard');
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('status')).toHaveText('“By keyboard”');
});

test('? lists the keyboard shortcuts, / focuses the URL field; neither fires while typing', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  const url = page.getByLabel('URL', { exact: true });
  // Typed into a field, both are characters.
  await url.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('?/');
  await expect(url).toHaveValue(/\?\/$/);
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeHidden();

  await url.blur();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Save the request in place/ })).toContainText('Ctrl');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('/');
  await expect(url).toBeFocused();
});
