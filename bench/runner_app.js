// Benchmark (not a test): the app's runner in headless Chromium. The collection (reqlab JSON) is put in the
// library's storage as one folder, the runner sends it N times, and the time from Run to its closing line
// gives requests per second. Usage: node runner_app.js URL COLLECTION ITERATIONS
const fs = require('fs');
const { chromium } = require('../tests/e2e/node_modules/@playwright/test');

(async () => {
  const [url, file, iterations] = process.argv.slice(2);
  const collection = JSON.parse(fs.readFileSync(file, 'utf8'));
  const base = url.replace(/\/$/, '');
  // The library's collections hold requests only: the collection's variables become the environment's.
  const requests = collection.items.map((item, i) => ({ id: i + 1, name: item.name, request: item.request }));
  const stored = { v: 1, data: { folders: [{ name: collection.name, requests }] } };
  const variables = [{ key: 'base', value: base }, ...collection.variables];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate((c) => localStorage.setItem('reqlab.collections', JSON.stringify(c)), stored);
  await page.reload();
  await page.locator('#lib-notice').waitFor({ state: 'attached' });
  // The environment the requests' {{base}} resolves against, made active through the Variables tab's rows.
  await page.evaluate((v) => {
    const draft = JSON.parse(window.reqlab.last);
    draft.variables = { environments: [{ name: 'bench', variables: v }], active: 0 };
    window.reqlab.opened = JSON.stringify({ kind: 'variables', variables: draft.variables });
    dispatchEvent(new Event('reqlab:bundle-edit'));
  }, variables);
  await page.getByRole('tab', { name: 'Tests', exact: true }).click();
  await page.getByRole('button', { name: 'Run a collection…' }).click();
  const runner = page.getByRole('dialog', { name: 'Run a collection' });
  await runner.getByLabel('Requests', { exact: true }).selectOption({ index: 1 });
  await runner.getByLabel('Iterations').fill(String(iterations));
  const started = Date.now();
  await runner.getByRole('button', { name: 'Run', exact: true }).click();
  await runner.getByRole('status').filter({ hasText: /tests passed/ }).waitFor({ timeout: 600_000 });
  const seconds = (Date.now() - started) / 1000;
  const line = await runner.getByRole('status').textContent();
  const n = collection.items.length * Number(iterations);
  console.log(`  app runner (headless Chromium, fetch): ${(n / seconds).toFixed(0)} requests/s (${n} requests in ${seconds.toFixed(2)} s; ${line.trim()})`);
  await browser.close();
})();
