// Size of what the browser downloads, gzip -9, printed per file. The page's own bundle (what index.html
// loads: HTML, CSS, JS, wasm) is held to PRODUCT.md's first-load budget of 200 KB, read strictly as
// 200,000 bytes. The snippet worker, which the page starts after it is interactive, is held to the same
// figure on its own. The README's "Size of the page" says what keeps the page small.
import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { distDir } from '../servers';

const PRODUCT_BUDGET = 200_000;
const WORKER_BUDGET = 200_000;

function measure(files: string[]) {
  let gzip = 0;
  const lines: string[] = [];
  for (const file of files.sort()) {
    const bytes = fs.readFileSync(path.join(distDir, file));
    const packed = zlib.gzipSync(bytes, { level: 9 }).length;
    gzip += packed;
    lines.push(`  ${file.padEnd(44)} ${String(bytes.length).padStart(9)} raw ${String(packed).padStart(9)} gzip`);
  }
  return { gzip, lines };
}

test('the page bundle and the snippet worker stay within the 200 KB budget', () => {
  const all = fs.readdirSync(distDir).filter((f) => /\.(html|css|js|wasm)$/.test(f));
  const worker = all.filter((f) => f.startsWith('snippet-worker'));
  const page = all.filter((f) => !f.startsWith('snippet-worker'));
  expect(page.some((f) => f.endsWith('.wasm')), 'dist holds the page wasm').toBe(true);
  expect(worker.some((f) => f.endsWith('.wasm')), 'dist holds the worker wasm').toBe(true);
  const p = measure(page);
  const w = measure(worker);
  console.log(
    [
      'page bundle (loaded by index.html):',
      ...p.lines,
      `  total ${p.gzip} bytes gzip; budget ${PRODUCT_BUDGET} ` +
        `(${p.gzip > PRODUCT_BUDGET ? `${p.gzip - PRODUCT_BUDGET} over` : `${PRODUCT_BUDGET - p.gzip} to spare`})`,
      'snippet worker (started by the page after it mounts):',
      ...w.lines,
      `  total ${w.gzip} bytes gzip; budget ${WORKER_BUDGET}`,
    ].join('\n'),
  );
  expect(p.gzip).toBeLessThanOrEqual(PRODUCT_BUDGET);
  expect(w.gzip).toBeLessThanOrEqual(WORKER_BUDGET);
});
