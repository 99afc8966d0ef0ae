// Benchmark (not a test): the API reference on a large description, in headless Chromium.
//   - the description (GitHub's REST API, about 10 MB of JSON, ~1,000 operations) served from another
//     origin with CORS, opened embedded (#spec=…&embed=1): time from its last byte (as the reference's
//     worker saw it) to the sidebar drawn, then a search typed and its results drawn, an operation opened,
//     and Try it; the longest main-thread task over the whole of it ('longtask', budget 50 ms);
//   - the bytes a documentation reader downloads to open the reference view and try one operation
//     (reqlab-echo's own description, an operation sent to it): every app file fetched, gzip -9 as the size
//     test counts them, beside Swagger UI's and Scalar's published figures.
// Usage: node api_reference.js APP_URL DESCRIPTION_FILE(.json or .json.gz)  (reqlab-echo serving dist/)
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');
const { launch, sleep } = require('./cdp');

const dist = path.resolve(__dirname, '..', 'dist');

function observe() {
  const bench = (window.__bench = { longtasks: [] });
  try {
    new PerformanceObserver((list) => bench.longtasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
  } catch {}
}

function serveDescription(file) {
  let body = fs.readFileSync(file);
  if (file.endsWith('.gz')) body = zlib.gunzipSync(body);
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'content-length': body.length });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/openapi.json`, bytes: body.length })));
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

async function large(browser, appUrl, description) {
  await browser.send('Page.navigate', { url: `${appUrl}#spec=${encodeURIComponent(description.url)}&embed=1` });
  await browser.waitFor('window.reqlab && window.reqlab.api', 120_000);
  const timing = await browser.evaluate('window.reqlab.api');
  const count = await browser.evaluate("document.querySelector('#ref-count').textContent");
  console.log(`  ${kb(description.bytes)} description, ${count}`);
  console.log(`  last byte -> read by the worker: ${(timing.read - timing.received).toFixed(0)} ms; -> sidebar drawn: ${(timing.drawn - timing.received).toFixed(0)} ms`);
  const search = await browser.evaluate(`(async () => {
    const input = document.querySelector('#ref-search');
    const t0 = performance.now();
    input.value = 'repos get content';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const filtered = performance.now();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return { filtered: filtered - t0, painted: performance.now() - t0, count: document.querySelector('#ref-count').textContent };
  })()`);
  console.log(`  search "repos get content": results filtered in ${search.filtered.toFixed(1)} ms, drawn in ${search.painted.toFixed(1)} ms (${search.count})`);
  const opened = await browser.evaluate(`(async () => {
    const t0 = performance.now();
    const link = [...document.querySelectorAll('a.ref-op')].find((a) => a.offsetParent);
    link.click();
    while (!document.querySelector('#ref-doc #ref-try')) await new Promise((r) => setTimeout(r, 5));
    const shown = performance.now() - t0;
    const t1 = performance.now();
    document.querySelector('#ref-try').click();
    while (!/baseUrl/.test(document.querySelector('#url').value)) await new Promise((r) => setTimeout(r, 5));
    return { key: link.dataset.key, shown, tried: performance.now() - t1, size: document.querySelector('#ref-doc').innerHTML.length };
  })()`);
  console.log(`  operation "${opened.key}" documented in ${opened.shown.toFixed(0)} ms (${opened.size} characters of markup); Try it to the editor in ${opened.tried.toFixed(0)} ms`);
  await sleep(300);
  const tasks = await browser.evaluate(`(() => {
    const arrived = window.reqlab.api.received - performance.timeOrigin;
    const all = window.__bench.longtasks.map((e) => ({ start: e.startTime, ms: e.duration }));
    return { all, arrived, after: all.filter((t) => t.start + t.ms >= arrived) };
  })()`);
  const longest = (list) => (list.length ? `${Math.max(...list.map((t) => t.ms)).toFixed(0)} ms` : 'none over 50 ms');
  console.log(`  longest main-thread task from the description's last byte to Try it: ${longest(tasks.after)} (budget 50 ms)`);
  console.log(`  from navigation (the page starting, before the description arrived, included): ${longest(tasks.all)}; every task over 50 ms: ${tasks.all.map((t) => `${t.ms.toFixed(0)} ms at ${t.start.toFixed(0)} ms`).join(', ') || 'none'} (the description's last byte at ${tasks.arrived.toFixed(0)} ms)`);
}

async function visit(browser, appUrl) {
  const base = new URL(appUrl);
  const fetched = new Set();
  await browser.send('Network.enable');
  await browser.send('Network.setCacheDisabled', { cacheDisabled: true });
  const seen = (url) => {
    const u = new URL(url);
    if (u.origin !== base.origin) return;
    const file = decodeURIComponent(u.pathname.slice(base.pathname.length)) || 'index.html';
    const full = path.join(dist, file);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) fetched.add(file);
  };
  // A fresh document (the large one's page is the same URL but for its fragment, which would not reload).
  await browser.send('Page.navigate', { url: 'about:blank' });
  await sleep(300);
  const unlisten = browser.listen((m) => m.method === 'Network.requestWillBeSent' && seen(m.params.request.url));
  await browser.send('Page.navigate', { url: `${appUrl}#spec=${encodeURIComponent('/openapi.json')}&op=echoAnything&embed=1` });
  await browser.waitFor("document.querySelector('#ref-try')", 30_000);
  await browser.evaluate("document.querySelector('#ref-try').click()");
  await browser.waitFor("/baseUrl/.test(document.querySelector('#url').value)", 10_000);
  await browser.evaluate("document.querySelector('button.send').click()");
  await browser.waitFor("/200/.test(document.querySelector('.response-viewer')?.textContent ?? '')", 10_000);
  await sleep(1000);
  unlisten();
  let total = 0;
  for (const file of [...fetched].sort()) {
    const gz = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
    total += gz;
    console.log(`    ${file.padEnd(44)} ${String(gz).padStart(8)} gzip`);
  }
  console.log(`  open the reference (embedded) and try one operation: ${kb(total)} gzip (budget 400 KB); the description itself comes on top`);
  console.log('  for comparison (published figures): Swagger UI ~583 KB gzip (bundle, preset, CSS); Stoplight Elements ~663 KB; Scalar ~1 MB');
}

(async () => {
  const [appUrl, file] = process.argv.slice(2);
  const description = await serveDescription(file);
  const browser = await launch();
  await browser.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${observe})()` });
  try {
    await large(browser, appUrl, description);
    await visit(browser, appUrl);
  } finally {
    await browser.close();
    description.server.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
