// Benchmark (not a test): cold-cache loads of the built app in headless Chromium; prints the median time from
// navigation start to the app's "reqlab:mounted" mark, and to the library's "reqlab:library" mark (draft
// restored, toolbar in place; it loads after the page is interactive). Usage: node app_ready.js URL
const { chromium } = require('../tests/e2e/node_modules/@playwright/test');

const RUNS = 7;

(async () => {
  const url = process.argv[2];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  const marks = { 'reqlab:mounted': [], 'reqlab:library': [] };
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(); // a fresh context has an empty cache
    const page = await context.newPage();
    await page.goto(url);
    for (const [name, times] of Object.entries(marks)) {
      await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name);
      times.push(await page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name));
    }
    await context.close();
  }
  await browser.close();
  const report = (label, times, budget) => {
    times.sort((a, b) => a - b);
    const median = times[Math.floor(RUNS / 2)];
    console.log(`${label}: median ${median.toFixed(0)} ms after navigation start over ${RUNS} cold loads ` +
      `(min ${times[0].toFixed(0)}, max ${times[RUNS - 1].toFixed(0)}${budget})`);
  };
  report('app ready', marks['reqlab:mounted'], '; budget 250 ms');
  report('library ready', marks['reqlab:library'], '; no budget: it loads after the page is interactive');
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
