// Benchmark (not a test): large JSON responses from reqlab-echo's /json/large in headless Chromium. For each
// size, several fresh pages send the request through the app and we print medians of
//   - first screen: from the response's last byte (Resource Timing responseEnd) to the app's
//     "reqlab:first-screen" mark (set once the first formatted rows are painted); also from the app's own
//     "reqlab:body-complete" mark (the viewer got the whole body), which leaves out the body copy into wasm;
//   - the longest main-thread task (PerformanceObserver 'longtask') and the longest animation frame
//     ('long-animation-frame', which also sees layout and paint) from the last byte to the first screen, and
//     from the click on Send until formatting is done ("reqlab:format-done", or the first screen when the
//     app formats everything at once);
// then sends a 120 MB body and says whether the tab survives (answers an evaluate and a click).
// Driven over raw CDP (`cdp.js`), not Playwright, whose network instrumentation adds a long task of its own.
// Usage: node large_body.js APP_URL  (reqlab-echo serving the app with --max-generated-bytes of 130M or more)
const { launch } = require('./cdp');

const MB = 1024 * 1024;
const SIZES = [
  { label: '1 MB', bytes: 1 * MB, runs: 5 },
  { label: '10 MB', bytes: 10 * MB, runs: 5 },
  { label: '50 MB', bytes: 50 * MB, runs: 3 },
];
const HUGE = 120 * MB;

// Runs in the page before the app: collects long tasks, long animation frames and resource timings.
function observe() {
  const bench = (window.__bench = { longtasks: [], frames: [], resources: [] });
  const watch = (type, into) => {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) into.push(e);
      }).observe({ type, buffered: true });
      return true;
    } catch {
      return false;
    }
  };
  watch('longtask', bench.longtasks);
  bench.loafSupported = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
  if (bench.loafSupported) watch('long-animation-frame', bench.frames);
  watch('resource', bench.resources);
}

// Reads the figures of one run out of the page.
function collect(path) {
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime;
  const bench = window.__bench;
  const resource = bench.resources.filter((r) => r.name.includes(path)).pop();
  const complete = mark('reqlab:body-complete');
  const first = mark('reqlab:first-screen');
  const done = mark('reqlab:format-done') ?? first;
  const lastByte = resource?.responseEnd || complete;
  const longest = (entries, from, to) =>
    Math.max(0, ...entries.filter((e) => e.startTime + e.duration > from && e.startTime < to).map((e) => e.duration));
  return {
    fromLastByte: first - lastByte,
    fromComplete: first - complete,
    doneFromLastByte: done - lastByte,
    taskWindow: longest(bench.longtasks, lastByte, first),
    frameWindow: longest(bench.frames, lastByte, first),
    taskAll: longest(bench.longtasks, bench.clicked, done + 100),
    frameAll: longest(bench.frames, bench.clicked, done + 100),
    loafSupported: bench.loafSupported,
  };
}

// Opens the app afresh and sends GET /json/large?bytes=N through its URL field and Send button; resolves
// once the first screen is marked and formatting is done, or the tab crashed.
async function sendLarge(browser, appUrl, bytes, timeout) {
  await browser.send('Page.navigate', { url: appUrl });
  await browser.waitFor("performance.getEntriesByName('reqlab:mounted').length > 0", 30_000);
  const path = `/json/large?bytes=${bytes}`;
  await browser.evaluate(`(() => {
    const url = document.querySelector('#url');
    url.value = ${JSON.stringify(new URL(path, appUrl).href)};
    url.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  await browser.evaluate(`new Promise((resolve) => setTimeout(resolve, 100))`);
  await browser.evaluate(`(() => {
    window.__bench.clicked = performance.now();
    document.querySelector('button.send').click();
  })()`);
  try {
    await browser.waitFor("performance.getEntriesByName('reqlab:first-screen').length > 0", timeout);
    // Incremental formatting marks its end; an app that formats at once is done at its first screen.
    await browser.waitFor(
      "performance.getEntriesByName('reqlab:format-done').length > 0 || !document.querySelector('.formatting')",
      timeout,
    );
    await browser.evaluate('new Promise((resolve) => setTimeout(resolve, 150))'); // the last observer entries
  } catch (err) {
    if (!browser.crashed()) throw err;
  }
  return { path };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`.padStart(8);
// Long tasks and frames are only reported above 50 ms: none means every one was shorter.
const taskMs = (x) => (x === 0 ? '<50 ms' : ms(x).trim()).padStart(8);

(async () => {
  const appUrl = process.argv[2];
  const browser = await launch();
  await browser.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${observe})()` });
  let loaf = true;
  console.log('  size    first screen after last byte (after body-complete)   longest task / frame: ' +
    'last byte..first screen | Send..formatted   formatted after last byte');
  for (const { label, bytes, runs } of SIZES) {
    const results = [];
    for (let i = 0; i < runs; i++) {
      const run = await sendLarge(browser, appUrl, bytes, 120_000);
      if (browser.crashed()) throw new Error(`the tab crashed on ${label}`);
      results.push(await browser.evaluate(`(${collect})(${JSON.stringify(run.path)})`));
    }
    loaf = results[0].loafSupported;
    const m = (key) => median(results.map((r) => r[key]));
    console.log(`  ${label.padEnd(6)} ${ms(m('fromLastByte'))} (${ms(m('fromComplete')).trim()})` +
      `${' '.repeat(27)}${taskMs(m('taskWindow'))} / ${taskMs(m('frameWindow')).trim()} | ` +
      `${taskMs(m('taskAll')).trim()} / ${taskMs(m('frameAll')).trim()}   ${ms(m('doneFromLastByte'))}` +
      `   (median of ${runs})`);
  }
  if (!loaf) console.log('  (this Chromium has no long-animation-frame entries: frame figures are 0)');
  console.log('  budgets: 10 MB first screen <= 150 ms after the last byte; no task or frame over 50 ms');

  // 120 MB: alive means the page still evaluates script and reacts to a click afterwards.
  const started = Date.now();
  let alive = true;
  let detail = '';
  try {
    const run = await sendLarge(browser, appUrl, HUGE, 180_000);
    alive = !browser.crashed();
    if (alive) {
      const figures = await browser.evaluate(`(${collect})(${JSON.stringify(run.path)})`);
      const pressed = await browser.evaluate(`new Promise((resolve) => {
        const hex = [...document.querySelectorAll('.view-switch button')].find((b) => b.textContent === 'Hex');
        if (!hex) return resolve(false);
        hex.click();
        setTimeout(() => resolve(hex.getAttribute('aria-pressed') === 'true'), 100);
      })`, 10_000);
      alive = pressed && (await browser.evaluate('1 + 1', 10_000)) === 2;
      detail = `; first screen ${Math.round(figures.fromLastByte)} ms after the last byte, formatted after ` +
        `${Math.round(figures.doneFromLastByte)} ms, longest task ${Math.round(figures.taskAll)} ms`;
    }
  } catch (err) {
    alive = false;
    detail = `; ${err.message.split('\n')[0]}`;
  }
  console.log(`  120 MB: tab ${alive ? 'alive' : 'CRASHED or unresponsive'} after ${Date.now() - started} ms${detail}`);
  await browser.close();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
