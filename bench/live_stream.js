// Benchmark (not a test): the live view under load, and reqlab-echo's WebSocket relay, in headless Chromium.
//   - 10,000 server-sent events a second for 10 seconds (reqlab-echo's /sse) sent through the app: events
//     shown per second (the live view's own count, read once a second), the longest main-thread task
//     ('longtask') and animation frame ('long-animation-frame') from Send to the stream's end, and the page's
//     memory at the end (JS heap, every wasm instance's memory, DOM nodes);
//   - a WebSocket echo round trip, direct to /websocket/echo and through the relay (/forward/websocket), the
//     same messages one after the other: median and 95th percentile per message, side by side.
// Usage: node live_stream.js APP_URL  (reqlab-echo serving the app with --forward --allow-private)
const { launch, sleep } = require('./cdp');

const RATE = 10_000;
const SECONDS = 10;
const ROUND_TRIPS = 1_000;

// Runs in the page before the app: long tasks, long animation frames, and every wasm memory.
function observe() {
  const bench = (window.__bench = { longtasks: [], frames: [], memories: [] });
  for (const [type, into] of [['longtask', bench.longtasks], ['long-animation-frame', bench.frames]]) {
    try {
      new PerformanceObserver((list) => into.push(...list.getEntries())).observe({ type, buffered: true });
    } catch {}
  }
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const made = await original.apply(WebAssembly, args);
      const memory = (made.instance ?? made).exports?.memory;
      if (memory) bench.memories.push(memory);
      return made;
    };
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function events(browser, appUrl) {
  await browser.send('Page.navigate', { url: appUrl });
  await browser.waitFor("performance.getEntriesByName('reqlab:mounted').length > 0", 30_000);
  const url = new URL(`/sse?count=${RATE * SECONDS}&duration=${SECONDS}s`, appUrl).href;
  await browser.evaluate(`(() => {
    const url = document.querySelector('#url');
    url.value = ${JSON.stringify(url)};
    url.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  await sleep(200);
  await browser.evaluate(`(() => { window.__bench.clicked = performance.now(); document.querySelector('button.send').click(); })()`);
  const count = `Number((document.querySelector('#live-stats')?.textContent ?? '').split(' ')[0]) || 0`;
  const samples = [];
  for (let second = 0; second < SECONDS + 20; second++) {
    await sleep(1000);
    samples.push(await browser.evaluate(count));
    if (await browser.evaluate(`/ended|broken/.test(document.querySelector('#live-stats')?.textContent ?? '')`)) break;
  }
  await sleep(500);
  const figures = await browser.evaluate(`(async () => {
    const bench = window.__bench;
    const longest = (entries) => Math.max(0, ...entries.filter((e) => e.startTime >= bench.clicked).map((e) => e.duration));
    const heap = performance.memory ? performance.memory.usedJSHeapSize : 0;
    const wasm = bench.memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
    return { task: longest(bench.longtasks), frame: longest(bench.frames), loaf: bench.frames.length > 0 || PerformanceObserver.supportedEntryTypes.includes('long-animation-frame'),
             heap, wasm, nodes: document.getElementsByTagName('*').length, shown: ${count},
             kept: document.querySelectorAll('#live-rows .live-row:not([hidden])').length,
             stats: document.querySelector('#live-stats')?.textContent };
  })()`);
  const perSecond = samples.map((n, i) => n - (samples[i - 1] ?? 0)).filter((n, i) => i < SECONDS);
  console.log(`  ${RATE} events/s for ${SECONDS} s: ${figures.shown} events counted (${figures.stats})`);
  console.log(`  events shown per second: ${perSecond.join(', ')} (median ${median(perSecond)})`);
  // Both APIs report only what lasts over 50 ms: none at all is "none over 50 ms", not 0 ms.
  const longest = (ms) => (ms > 0 ? `${ms.toFixed(0)} ms` : 'none over 50 ms');
  console.log(`  longest task: ${longest(figures.task)}; longest animation frame: ${figures.loaf ? longest(figures.frame) : 'not measured (no long-animation-frame)'} (budget 50 ms each)`);
  console.log(`  memory at the end: JS heap ${mb(figures.heap)}, wasm ${mb(figures.wasm)}, ${figures.nodes} elements (${figures.kept} rows drawn)`);
}

async function relay(browser, appUrl) {
  const socketBase = appUrl.replace(/^http/, 'ws').replace(/\/$/, '');
  const direct = `${socketBase}/websocket/echo`;
  const relayed = `${socketBase}/forward/websocket?url=${encodeURIComponent(direct)}&headers=W10`;
  const timings = await browser.evaluate(`(async () => {
    const run = (url) => new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      const times = [];
      let sent = 0, first = 0;
      const next = () => { sent = performance.now(); socket.send('x'.repeat(64)); };
      socket.onopen = () => { first = performance.now(); next(); };
      socket.onerror = () => reject(new Error('cannot open ' + url));
      socket.onmessage = () => {
        times.push(performance.now() - sent);
        if (times.length < ${ROUND_TRIPS}) next();
        else { socket.close(1000); resolve({ times, mean: (performance.now() - first) / times.length }); }
      };
    });
    return { direct: await run(${JSON.stringify(direct)}), relayed: await run(${JSON.stringify(relayed)}) };
  })()`, 120_000);
  // The page's clock is coarsened (0.1 ms without cross-origin isolation): the mean comes from the whole
  // run's time, the percentiles from each round trip.
  const line = (name, { times, mean }) =>
    `  ${name.padEnd(8)} mean ${mean.toFixed(3)} ms, median ${median(times).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms per round trip`;
  console.log(`  ${ROUND_TRIPS} WebSocket echo round trips of 64 bytes, one after the other, from the page:`);
  console.log(line('direct', timings.direct));
  console.log(line('relayed', timings.relayed));
  console.log(`  the relay adds ${(timings.relayed.mean - timings.direct.mean).toFixed(3)} ms per message (mean)`);
}

(async () => {
  const appUrl = process.argv[2];
  const browser = await launch();
  await browser.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${observe})()` });
  try {
    await events(browser, appUrl);
    await relay(browser, appUrl);
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
