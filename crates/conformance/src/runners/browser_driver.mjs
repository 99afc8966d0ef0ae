// Snippet conformance, browser targets: runs one browser snippet in Debian's headless Chromium, in a page on the
// echo server's own origin (so no CORS preflight adds a request), with the files its comment names chosen in
// the page's file input, and jQuery loaded for the jQuery target. Exits 0 once the snippet logs its response
// (a WebSocket snippet: once it logs that the socket closed), 1 when it reports an error or throws.
//
// Starting Chromium and loading Playwright cost seconds, so the first run in a folder starts one detached
// server process (`--serve`) that holds Chromium, and every run (this script without `--serve`, which loads
// nothing but Node's http) hands it the snippet. The server ends when the folder is removed (the end of the
// test) or after a minute without work.
//
// Usage: node browser_driver.mjs RUNTIMES_DIR TARGET SNIPPET_FILE   (run in the folder holding the files)

import { createRequire } from "node:module";
import { existsSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { createServer, request } from "node:http";
import { fileURLToPath } from "node:url";
import path from "node:path";

const IDLE_MS = 60_000;
const SNIPPET_TIMEOUT_MS = 15_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (process.argv[2] === "--serve") {
  await serve(process.argv[3], process.argv[4]);
  process.exit(0);
}

const [runtimes, target, snippetFile] = process.argv.slice(2);
const dir = path.dirname(path.resolve(snippetFile));
const port = await serverPort(dir);
const result = await post(port, { target, snippet: path.resolve(snippetFile) });
process.stdout.write(result.log);
process.exit(result.ok ? 0 : 1);

// The port of the server for this folder, starting it first when there is none.
async function serverPort(dir) {
  const endpointFile = path.join(dir, ".chromium-endpoint");
  if (!existsSync(endpointFile)) {
    const self = fileURLToPath(import.meta.url);
    spawn(process.execPath, [self, "--serve", runtimes, dir], {
      detached: true,
      stdio: "ignore",
    }).unref();
    for (let waited = 0; !existsSync(endpointFile); waited += 50) {
      if (waited > 30_000) throw new Error("Chromium did not start within 30 s");
      await sleep(50);
    }
  }
  const now = new Date();
  utimesSync(endpointFile, now, now); // marks the server as in use
  return Number(readFileSync(endpointFile, "utf8"));
}

function post(port, job) {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/run" }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve(JSON.parse(text)));
    });
    req.on("error", reject);
    req.end(JSON.stringify(job));
  });
}

// Holds one Chromium for the snippets run in `dir`, until `dir` is gone or unused for a minute.
async function serve(runtimes, dir) {
  const require = createRequire(path.join(runtimes, "package.json"));
  const { chromium } = require("playwright-core");
  // Playwright gives the launch a fresh, temporary profile.
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      // The page is answered by Playwright, not fetched from loopback, so Chromium would treat a WebSocket
      // to the loopback server as a public page reaching into the local network, and block it.
      "--disable-features=LocalNetworkAccessChecks,LocalNetworkAccessChecksWebSockets",
    ],
  });
  const jquery = path.join(runtimes, "node_modules/jquery/dist/jquery.min.js");
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const { target, snippet } = JSON.parse(body);
      const result = await runSnippet(browser, target, snippet, jquery).catch((error) => ({
        ok: false,
        log: `driver error: ${error.stack}\n`,
      }));
      res.end(JSON.stringify(result));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpointFile = path.join(dir, ".chromium-endpoint");
  writeFileSync(`${endpointFile}.tmp`, String(server.address().port));
  renameSync(`${endpointFile}.tmp`, endpointFile);
  for (;;) {
    await sleep(500);
    let lastUse;
    try {
      lastUse = statSync(endpointFile).mtimeMs;
    } catch {
      break; // the folder, or the file, is gone
    }
    if (Date.now() - lastUse > IDLE_MS) break;
  }
  server.close();
  await browser.close();
}

async function runSnippet(browser, target, snippetFile, jquery) {
  const code = readFileSync(snippetFile, "utf8");
  // A WebSocket snippet's page is on the same host and port, over HTTP.
  const origin = code
    .match(/"((?:https?|wss?):\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?)[/?"]/)?.[1]
    ?.replace(/^ws/, "http");
  const websocket = code.includes("new WebSocket(");
  if (!origin) return { ok: false, log: "no loopback URL in the snippet\n" };
  // `// Choose "a.png", "b.txt" in the page's <input type="file" ...>`: the names are JavaScript literals.
  const chooseLine = code.match(/^\/\/ Choose (.*) in the page's <input type="file"/m)?.[1] ?? "";
  const files = (chooseLine.match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((literal) =>
    path.resolve(path.dirname(snippetFile), Function(`"use strict"; return ${literal};`)()),
  );

  let log = "";
  // A fresh context per snippet: no cookies or cache carried over from the previous one.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const pageUrl = `${origin}/__snippet_page`;
    // The page and its icon are answered here, so the echo server sees the snippet's request alone.
    await page.route(pageUrl, (route) =>
      route.fulfill({
        contentType: "text/html; charset=utf-8",
        body: '<!doctype html><meta charset="utf-8"><title>snippet</title><input type="file" multiple>',
      }),
    );
    await page.route(`${origin}/favicon.ico`, (route) => route.fulfill({ status: 204, body: "" }));
    // Success is the snippet logging its response. Errors (the browser's own, such as a refused header or a
    // failed resource, or the snippet's) fail the run unless that log still follows.
    const finished = new Promise((resolve) => {
      page.on("console", (message) => {
        log += `console.${message.type()}: ${message.text()}\n`;
        if (message.type() === "error") {
          setTimeout(() => resolve(false), 1000);
        } else if (!websocket || message.text().startsWith("closed")) {
          // A WebSocket snippet logs every message it gets, and is done once the socket has closed.
          resolve(true);
        }
      });
      page.on("pageerror", (error) => {
        log += `page error: ${error}\n`;
        resolve(false);
      });
    });
    await page.goto(pageUrl);
    if (files.length > 0) {
      await page.setInputFiles("input[type=file]", files);
    }
    if (target === "js-jquery") {
      await page.addScriptTag({ path: jquery });
    }
    await page.addScriptTag({ content: code, type: "module" });
    const timeout = sleep(SNIPPET_TIMEOUT_MS).then(() => "timeout");
    const outcome = await Promise.race([finished, timeout]);
    if (outcome === "timeout") log += `the snippet logged nothing within ${SNIPPET_TIMEOUT_MS} ms\n`;
    return { ok: outcome === true, log };
  } finally {
    await context.close();
  }
}
