// The layout on a phone: nothing makes the page scroll sideways, before or after a send, with the
// library's toolbar in the header.
import { test, expect, appUrl } from './fixtures';
import { libraryStarted } from './library';

test('no horizontal scrolling at 390×844, before and after a send', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto(appUrl());
    await libraryStarted(page);
    await expect(page.getByRole('button', { name: 'Embed', exact: true })).toBeVisible();
    expect(await overflow()).toBe(0);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
    expect(await overflow()).toBe(0);
  } finally {
    await context.close();
  }
});
