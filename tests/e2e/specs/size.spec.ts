// Size of what the browser downloads, gzip -9, printed per file. The page's own bundle (what index.html
// loads: HTML, CSS, JS, wasm) is held to a ceiling, and so is the snippet worker it starts afterwards.
// PRODUCT.md's budget for the first load is 200 KB; the page bundle is still about 9 KB over it (see the
// README's "Size of the page"), so this test holds it to a ceiling just above today's size, so nothing grows
// unnoticed, and prints the gap to the budget. Lower the ceiling as the bundle shrinks.
import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { distDir } from '../servers';

const PRODUCT_BUDGET = 200 * 1024;
const PAGE_CEILING = 214 * 1024;
const WORKER_CEILING = 200 * 1024;

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

test('the page bundle and the snippet worker stay within their ceilings', () => {
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
      `  total ${p.gzip} bytes gzip; ceiling ${PAGE_CEILING}; PRODUCT budget ${PRODUCT_BUDGET} ` +
        `(${p.gzip > PRODUCT_BUDGET ? `${p.gzip - PRODUCT_BUDGET} over` : 'within'})`,
      'snippet worker (started by the page after it mounts):',
      ...w.lines,
      `  total ${w.gzip} bytes gzip; ceiling ${WORKER_CEILING}`,
    ].join('\n'),
  );
  expect(p.gzip).toBeLessThanOrEqual(PAGE_CEILING);
  expect(w.gzip).toBeLessThanOrEqual(WORKER_CEILING);
});
