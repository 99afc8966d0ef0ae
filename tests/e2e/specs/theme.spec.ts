// Themes: the page follows the system's light or dark scheme, and the Theme switch pins one, remembered
// across reloads and applied before the first paint.
import { test, expect, appUrl } from './fixtures';

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('follows the system scheme, and the switch pins a theme across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(appUrl());
  const theme = page.getByLabel('Theme');
  await expect(theme).toHaveValue('system');
  const systemDark = await background(page);
  await page.emulateMedia({ colorScheme: 'light' });
  const systemLight = await background(page);
  expect(systemLight).not.toEqual(systemDark);

  // Pinned dark while the system is light.
  await theme.selectOption('dark');
  await expect.poll(() => background(page)).toEqual(systemDark);
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  // Applied by index.html before the app starts: the very first paint is dark.
  const firstPaint = await page.evaluate(() => document.documentElement.dataset.theme);
  expect(firstPaint).toBe('dark');
  expect(await background(page)).toEqual(systemDark);

  // Back to the system's scheme.
  await page.getByLabel('Theme').selectOption('system');
  await expect.poll(() => background(page)).toEqual(systemLight);
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('system');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
});
