// Helpers for the library's specs: what the editor holds, as the page announces it to the library
// (`window.reqlab.last`, a `protocol::library::Draft`, see src/page/bridge.rs), what the library kept, and
// its notice.
import { Page, expect } from '@playwright/test';

/// The editor's request and its Variables tab (every environment, the active one's index), as the page
/// last announced them.
export async function edited(page: Page) {
  await page.waitForFunction(() => typeof (window as any).reqlab?.last === 'string');
  const draft = JSON.parse(await page.evaluate(() => (window as any).reqlab.last));
  return { request: draft.request, variables: draft.variables };
}

/// The stored draft's text ('' when none).
export function keptDraft(page: Page) {
  return page.evaluate(() => localStorage.getItem('reqlab.draft') ?? '');
}

/// The library's notice line in the header.
export function libraryNotice(page: Page) {
  return page.locator('#lib-notice');
}

/// Waits until the library has started in `page` (it loads once the page is interactive).
export async function libraryStarted(page: Page) {
  await page.locator('#lib-notice').waitFor({ state: 'attached' });
}

/// The Workspace sidebar's panel `name` (Collections, History, Environments), shown: the sidebar is opened
/// with the toolbar's Workspace button when hidden, and the panel's tab chosen.
export async function openPanel(page: Page, name: 'Collections' | 'History' | 'Environments') {
  const sidebar = page.getByRole('complementary', { name: 'Workspace' });
  const toggle = page.getByRole('button', { name: 'Workspace', exact: true });
  // The library draws the toggle and the sidebar together, the sidebar as it was left.
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await sidebar.getByRole('tab', { name, exact: true }).click();
  const panel = sidebar.getByRole('tabpanel', { name, exact: true });
  await panel.waitFor();
  return panel;
}

/// The Share dialog's link, once the library has made it (the import worker packs it).
export async function shareLink(page: Page) {
  const field = page.getByRole('dialog', { name: 'Share and embed' }).getByLabel('Link', { exact: true });
  await expect(field).toHaveValue(/#r=1\./);
  return field.inputValue();
}
