// Benchmark (not a test): cold-cache loads of the built app in headless Chromium; prints the median time from
// navigation start to the app's "reqlab:mounted" mark and the bytes transferred. Usage: node app_ready.js URL
const { chromium } = require('../tests/e2e/node_modules/@playwright/test');

const RUNS = 7;

(async () => {
  const url = process.argv[2];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const ready = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(); // a fresh context has an empty cache
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('reqlab:mounted').length > 0);
    ready.push(await page.evaluate(() => performance.getEntriesByName('reqlab:mounted')[0].startTime));
    await context.close();
  }
  await browser.close();
  ready.sort((a, b) => a - b);
  const median = ready[Math.floor(RUNS / 2)];
  console.log(`app ready: median ${median.toFixed(0)} ms after navigation start over ${RUNS} cold loads ` +
    `(min ${ready[0].toFixed(0)}, max ${ready[RUNS - 1].toFixed(0)}; budget 250 ms)`);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
