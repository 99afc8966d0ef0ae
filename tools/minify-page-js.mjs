// Minifies the page's (and the live view's) wasm-bindgen JS glue in dist/ and updates its integrity hash in index.html; and the
// offline shell's service worker (copied as written, comments and all, and part of the first-load budget).
// trunk minifies CSS, HTML and the worker's glue itself, but its JS minifier cannot parse the ES-module
// `export … as default` that wasm-bindgen writes for the page; unminified, the glue costs about 1.3 KB more
// of the 200 KB first-load budget.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dist = process.argv[2] ?? 'dist';
const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');

// What index.html loads or imports as a module (the page's glue, the live view's); the workers' glue is a
// classic script trunk already minified.
const glue = readdirSync(dist).filter(
  (f) => f.endsWith('.js') && (index.includes(`'./${f}'`) || index.includes(`import("./${f}")`)),
);
if (glue.length === 0) {
  console.error(`minify-page-js: index.html in ${dist} imports no JS file`);
  process.exit(1);
}
for (const file of glue) {
  const path = join(dist, file);
  const before = readFileSync(path);
  const { code } = transformSync(before.toString('utf8'), { minify: true, format: 'esm', target: 'es2020' });
  const oldHash = sri(before);
  const newHash = sri(code);
  if (index.includes(oldHash)) {
    index = index.split(oldHash).join(newHash);
  }
  writeFileSync(path, code);
  console.log(`minify-page-js: ${file} ${before.length} -> ${Buffer.byteLength(code)} bytes`);
}
// index.html's own inline scripts: trunk's minifier leaves a script it cannot parse (a dynamic `import()`)
// as written, comments and all.
index = index.replace(/<script>([\s\S]*?)<\/script>/g, (whole, source) => {
  const { code } = transformSync(source, { minify: true, target: 'es2020' });
  return `<script>${code.trim()}</script>`;
});
// trunk's own module script that starts the page (whitespace and blank lines as trunk writes them).
index = index.replace(/<script type="?module"?( [^>]*)?>([\s\S]*?)<\/script>/g, (whole, attributes, source) => {
  const { code } = transformSync(source, { minify: true, format: 'esm', target: 'es2022' });
  return `<script type=module${attributes ?? ''}>${code.trim()}</script>`;
});
writeFileSync(indexPath, index);

// The service worker is a classic script; index.html names it without an integrity hash.
const swPath = join(dist, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
const { code: swCode } = transformSync(sw, { minify: true, target: 'es2020' });
writeFileSync(swPath, swCode);
console.log(`minify-page-js: sw.js ${Buffer.byteLength(sw)} -> ${Buffer.byteLength(swCode)} bytes`);
