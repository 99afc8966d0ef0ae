// Accessibility of the main page, checked by axe-core (see axe.ts) in each colour scheme: as it first
// becomes usable, with responses from a real reqlab-echo shown (JSON, and an empty body), and with the Import
// dialog open.
import { Page } from '@playwright/test';
import { test, expect, appUrl } from './fixtures';
import { expectNoSeriousViolations } from './axe';
import { openPanel, libraryStarted } from './library';

/// Loads the page and waits until the app has mounted and a request can be sent.
async function openApp(page: Page) {
  await page.goto(appUrl());
  // A second visit restores the draft of the first: typing starts once it is in.
  await libraryStarted(page);
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?x=1`);
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('the page as it loads', async ({ page }) => {
      await openApp(page);
      await expectNoSeriousViolations(page, `${colorScheme}, as loaded`);
    });

    test('with a JSON response shown', async ({ page }) => {
      await openApp(page);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const response = page.getByRole('region', { name: 'Response' });
      await expect(response).toContainText('200 OK');
      await expect(response.getByLabel('Response body')).toContainText('"x"');
      await expectNoSeriousViolations(page, `${colorScheme}, JSON response shown`);
    });

    // An empty body leaves the body view without text: its name must still be allowed on it.
    test('with an empty 404 response shown', async ({ page }) => {
      await openApp(page);
      await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}status/404`);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Response' })).toContainText('404');
      await expectNoSeriousViolations(page, `${colorScheme}, empty 404 response shown`);
    });

    test('with the Auth tab showing OAuth 2.0, and an error with its retry', async ({ page }) => {
      await openApp(page);
      await page.getByRole('tab', { name: 'Auth', exact: true }).click();
      const auth = page.getByRole('tabpanel', { name: 'Auth', exact: true });
      await auth.getByLabel('Auth type').selectOption('oauth2');
      await auth.getByLabel('Grant type').selectOption('client_credentials');
      // A token URL nothing answers: the error and its retry button show.
      await auth.getByLabel('Token URL', { exact: true }).fill('http://127.0.0.1:9/token');
      await auth.getByRole('button', { name: 'Get new access token' }).click();
      await expect(auth.getByRole('alert')).toContainText('did not answer');
      await expectNoSeriousViolations(page, `${colorScheme}, Auth tab with OAuth 2.0`);
    });

    test('with the Tests tab, an answer\'s checks and its tools, and the runner', async ({ page }) => {
      await openApp(page);
      await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}anything?token=abc`);
      await page.getByRole('tab', { name: 'Tests', exact: true }).click();
      const tests = page.getByRole('tabpanel', { name: 'Tests', exact: true });
      await tests.getByRole('button', { name: 'Add check' }).click();
      await tests.getByRole('button', { name: 'Add check' }).click();
      await tests.getByLabel('Subject 2', { exact: true }).fill('$.args.token');
      await tests.getByLabel('Operator 2', { exact: true }).selectOption('equals');
      await tests.getByLabel('Value 2', { exact: true }).fill('xyz');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const response = page.getByRole('region', { name: 'Response' });
      await expect(response.getByRole('region', { name: 'Tests' })).toContainText('1 of 2 passed');
      await response.getByRole('button', { name: 'Filter & compare' }).click();
      await page.getByLabel('Filter the body with JSONPath (RFC 9535)').fill('$.args');
      await expectNoSeriousViolations(page, `${colorScheme}, Tests tab and the answer's checks and tools`);
      await tests.getByRole('button', { name: 'Run a collection…' }).click();
      await expect(page.getByRole('dialog', { name: 'Run a collection' })).toBeVisible();
      await expectNoSeriousViolations(page, `${colorScheme}, the runner dialog`);
    });

    test('with the Import dialog open', async ({ page }) => {
      await openApp(page);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(page.getByRole('dialog', { name: 'Import' })).toBeVisible();
      await expectNoSeriousViolations(page, `${colorScheme}, Import dialog open`);
    });

    // The library's dialogs, each with entries in it.
    test('with the Examples and Share dialogs open', async ({ page }) => {
      await openApp(page);
      for (const [button, dialogName] of [
        ['Examples', 'Examples'],
        ['Share', 'Share and embed'],
      ]) {
        await page.getByRole('button', { name: button, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: dialogName });
        await expect(dialog).toBeVisible();
        await expect(dialog.getByRole('listitem').first()).toBeVisible({ visible: button !== 'Share' });
        await expectNoSeriousViolations(page, `${colorScheme}, ${dialogName} dialog open`);
        await dialog.getByRole('button', { name: 'Close', exact: true }).click();
      }
    });

    // The workspace as people live in it: the sidebar open at each panel with entries in it, two request
    // tabs, each with its answer; then the same on a phone.
    for (const viewport of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
      test(`with the sidebar open and two tabs, ${viewport.width}×${viewport.height}`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await openApp(page);
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');
        await page.getByRole('button', { name: 'New tab', exact: true }).click();
        await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}status/404`);
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        await expect(page.getByRole('region', { name: 'Response' })).toContainText('404');
        await expect(page.getByRole('tablist', { name: 'Open requests' }).getByRole('tab')).toHaveCount(2);
        for (const name of ['Collections', 'History', 'Environments'] as const) {
          const panel = await openPanel(page, name);
          if (name === 'Collections') await panel.getByRole('button', { name: 'Save as new', exact: true }).click();
          await expect(panel.getByRole('listitem').first()).toBeVisible();
          await expectNoSeriousViolations(page, `${colorScheme}, ${viewport.width}px, sidebar at ${name}, two tabs`);
        }
      });
    }
  });
}
