// First-load budget (PRODUCT.md): HTML + CSS + JS + wasm of the built app, gzip -9, at most 200 KB.
import { test, expect } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { distDir } from '../servers';

const BUDGET_BYTES = 200 * 1024;

test('the built app fits the 200 KB gzip budget', () => {
  const files = fs.readdirSync(distDir).filter((f) => /\.(html|css|js|wasm)$/.test(f));
  expect(files.some((f) => f.endsWith('.wasm')), 'dist holds the wasm').toBe(true);
  let raw = 0;
  let gzip = 0;
  const lines = ['file                                          raw bytes   gzip bytes'];
  for (const file of files.sort()) {
    const bytes = fs.readFileSync(path.join(distDir, file));
    const packed = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += packed;
    lines.push(`${file.padEnd(44)} ${String(bytes.length).padStart(10)} ${String(packed).padStart(12)}`);
  }
  lines.push(`${'total'.padEnd(44)} ${String(raw).padStart(10)} ${String(gzip).padStart(12)}`);
  lines.push(`budget: ${gzip} of ${BUDGET_BYTES} bytes gzip (${((100 * gzip) / BUDGET_BYTES).toFixed(1)}%)`);
  console.log(lines.join('\n'));
  expect(gzip).toBeLessThanOrEqual(BUDGET_BYTES);
});
