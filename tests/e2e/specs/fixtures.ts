// Shared test fixture: every page fails its test on an uncaught error or a console error (a panic in the
// wasm app shows up as both).
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    await use(page);
    expect(errors, 'the page reported errors').toEqual([]);
  },
});
export { expect };

export const appUrl = () => process.env.REQLAB_URL!;
export const pagesUrl = () => process.env.REQLAB_PAGES_URL!;
