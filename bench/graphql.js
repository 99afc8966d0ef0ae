// Benchmark (not a test): the GraphQL editor on GitHub's public schema, in headless Chromium.
//   - introspection to explorer ready: GitHub's introspection result (about 7 MB of JSON, ~1,600 types,
//     the fixture graphql-core made from the public SDL) served from another origin with CORS; the time
//     from "Fetch schema" to the schema adopted (status line) and to the explorer's first page drawn;
//   - completion latency: at 20 cursor positions in a real query, the task a Ctrl+Space runs (core's
//     completion and the list drawn), and the task one typed character runs (the envelope written to the
//     page, the query checked against the schema, the list refreshed); the longest main-thread task over
//     the completion phase ('longtask', budget 50 ms).
// Usage: node graphql.js APP_URL INTROSPECTION_FILE(.json or .json.gz)  (reqlab-echo serving dist/)
const fs = require('node:fs');
const http = require('node:http');
const zlib = require('node:zlib');
const { launch } = require('./cdp');

function serveIntrospection(file) {
  let body = fs.readFileSync(file);
  if (file.endsWith('.gz')) body = zlib.gunzipSync(body);
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': '*',
    'access-control-allow-methods': 'POST',
  };
  const server = http.createServer((req, res) => {
    req.resume();
    if (req.method === 'OPTIONS') return res.writeHead(204, cors).end();
    res.writeHead(200, { ...cors, 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${server.address().port}/graphql`, bytes: body.length }),
    ),
  );
}

const QUERY = `query Repo($owner: String!, $name: String!) {
  repository(owner: $owner, name: $name) {
    name
    stargazerCount
    issues(first: 10, states: [OPEN], orderBy: {field: CREATED_AT, direction: DESC}) {
      nodes {
        title
        author { login }
        labels(first: 5) { nodes { name color } }
      }
    }
    pullRequests(last: 5) { nodes { title mergedAt } }
  }
  viewer { login repositories(first: 3) { totalCount } }
}`;

const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`;
};

(async () => {
  const [appUrl, file] = process.argv.slice(2);
  const endpoint = await serveIntrospection(file);
  const browser = await launch();
  await browser.send('Page.navigate', { url: appUrl });
  await browser.waitFor("window.reqlab && document.querySelector('#url')", 60_000);
  await browser.evaluate(`(() => {
    const url = document.querySelector('#url');
    url.value = ${JSON.stringify(endpoint.url)};
    url.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('#tab-body').click();
    document.querySelector('#body-mode-graphql').click();
  })()`);
  await browser.waitFor("document.querySelector('#gql-fetch')", 60_000);
  const fetched = await browser.evaluate(`(async () => {
    const wait = async (test) => { while (!test()) await new Promise((r) => setTimeout(r, 2)); };
    const t0 = performance.now();
    document.querySelector('#gql-fetch').click();
    await wait(() => /types/.test(document.querySelector('#gql-schema-status').textContent));
    const adopted = performance.now() - t0;
    document.querySelector('#gql-explore').click();
    await wait(() => document.querySelector('#gql-type h3'));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    return { adopted, ready: performance.now() - t0, status: document.querySelector('#gql-schema-status').textContent };
  })()`, 120_000);
  console.log(`  ${(endpoint.bytes / 1e6).toFixed(1)} MB introspection result: ${fetched.status}`);
  console.log(`  "Fetch schema" -> schema adopted: ${fetched.adopted.toFixed(0)} ms; -> explorer drawn: ${fetched.ready.toFixed(0)} ms`);
  const completion = await browser.evaluate(`(async () => {
    const longtasks = [];
    new PerformanceObserver((list) => longtasks.push(...list.getEntries())).observe({ type: 'longtask' });
    const area = document.querySelector('#gql-query');
    const text = ${JSON.stringify(QUERY)};
    const words = [...text.matchAll(/[A-Za-z_]\\w+/g)].filter((m) => !/^(query|String)$/.test(m[0]));
    const positions = words.filter((_, i) => i % Math.ceil(words.length / 20) == 0).slice(0, 20).map((m) => m.index + 2);
    const asked = [], typed = [], counts = [];
    area.focus();
    for (const at of positions) {
      area.value = text.slice(0, at - 1) + text.slice(at);
      area.setSelectionRange(at - 1, at - 1);
      await new Promise((r) => setTimeout(r, 5));
      // One typed character: the input event's whole task.
      area.value = text;
      area.setSelectionRange(at, at);
      let t0 = performance.now();
      area.dispatchEvent(new Event('input', { bubbles: true }));
      typed.push(performance.now() - t0);
      // Ctrl+Space: completion alone.
      t0 = performance.now();
      area.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', code: 'Space', ctrlKey: true, bubbles: true, cancelable: true }));
      asked.push(performance.now() - t0);
      counts.push(document.querySelectorAll('#gql-complete [role=option]').length);
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 100));
    return { asked, typed, counts, longest: Math.max(0, ...longtasks.map((t) => t.duration)), long: longtasks.length };
  })()`, 120_000);
  console.log(`  completion at ${completion.asked.length} positions (Ctrl+Space, ${Math.min(...completion.counts)}-${Math.max(...completion.counts)} items listed): ${stats(completion.asked)}`);
  console.log(`  one typed character (envelope to the page, checks, completion): ${stats(completion.typed)}`);
  console.log(`  longest main-thread task while completing: ${completion.longest.toFixed(0)} ms (${completion.long} tasks over 50 ms; budget: none over 50 ms)`);
  await browser.close();
  endpoint.server.close();
})();
