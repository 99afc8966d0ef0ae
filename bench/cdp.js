// A minimal Chrome DevTools Protocol driver for benchmarks that time main-thread tasks.
//
// Why not Playwright here: Playwright always enables the DevTools Network domain, and with it the renderer
// keeps and decodes every response body for the inspector. For a 10 MB body that is a 50-120 ms native task
// on the page's main thread just before the body ends, which is the harness, not the app (measured: the
// same run over raw CDP shows that task only after `Network.enable`). This driver uses the Page and Runtime
// domains only, and drives the app through the DOM.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { ws: WebSocket } = require('../tests/e2e/node_modules/playwright-core/lib/utilsBundle');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function getJson(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(JSON.parse(body)));
      })
      .on('error', reject);
  });
}

// Starts headless Chromium with remote debugging and connects to its first page.
async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'reqlab-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const chrome = spawn(
    process.env.CHROMIUM ?? '/usr/bin/chromium',
    ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  let targets;
  for (let i = 0; i < 100 && !targets; i++) {
    targets = await getJson(`http://127.0.0.1:${port}/json`).catch(() => undefined);
    if (!targets) await sleep(100);
  }
  if (!targets) throw new Error('Chromium did not open its debugging port');
  const socket = new WebSocket(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.on('open', resolve);
    socket.on('error', reject);
  });
  let nextId = 0;
  const pending = new Map();
  const listeners = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data);
    if (message.id && pending.has(message.id)) {
      pending.get(message.id)(message);
      pending.delete(message.id);
    } else if (message.method) {
      for (const listener of listeners) listener(message);
    }
  });
  const send = (method, params = {}) =>
    new Promise((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  let crashed = false;
  listeners.push((m) => {
    if (m.method === 'Inspector.targetCrashed') crashed = true;
  });
  await send('Page.enable');
  await send('Inspector.enable');
  return {
    send,
    crashed: () => crashed,
    // Calls `listener` with every CDP event until the returned function is called.
    listen(listener) {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
    // Evaluates an expression in the page (awaiting a promise); throws on a page exception.
    async evaluate(expression, timeoutMs = 30_000) {
      const reply = await Promise.race([
        send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }),
        sleep(timeoutMs).then(() => ({ timedOut: true })),
      ]);
      if (reply.timedOut) throw new Error(`no answer within ${timeoutMs} ms: ${expression.slice(0, 60)}`);
      if (reply.result?.exceptionDetails) throw new Error(reply.result.exceptionDetails.text);
      return reply.result?.result?.value;
    },
    // Polls `expression` until it is truthy.
    async waitFor(expression, timeoutMs) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (crashed) throw new Error('the tab crashed');
        if (await this.evaluate(expression, timeoutMs).catch(() => false)) return;
        await sleep(50);
      }
      throw new Error(`timed out waiting for ${expression.slice(0, 80)}`);
    },
    async close() {
      socket.close();
      chrome.kill();
      await sleep(200);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

module.exports = { launch, sleep };
