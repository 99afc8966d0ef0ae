// Drops from every wasm in dist/ the exports nothing calls, then lets wasm-opt remove the code only they
// reached, and updates the integrity hashes index.html holds for the files it changed.
//
// Leptos's `csr` feature turns on server_fn's `browser` feature, which links wasm-streams; wasm-streams
// exports its stream adapters to JavaScript (`IntoUnderlyingSink`, `IntoUnderlyingSource`,
// `IntoUnderlyingByteSource`), so every bundle kept them: about 9 KB of code each, and the page, the snippet
// worker and the library are all on a first visit. reqlab calls no server function and never hands a Rust
// stream to JavaScript. The glue's classes stay, unused: they reach the wasm only when called.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = process.argv[2] ?? 'dist';
const unused = /^(__wbg_)?intounderlying(sink|source|bytesource)/;
const wasmOpt = join(dirname(fileURLToPath(import.meta.url)), 'node_modules', '.bin', 'wasm-opt');
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');

function leb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return [value >>> 0, at];
}

function encodeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

// The module with its export section rewritten without the unused exports; null when it has none.
function withoutUnused(bytes) {
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    let size;
    [size, at] = leb(bytes, at);
    const end = at + size;
    if (id === 7) {
      let count, p;
      [count, p] = leb(bytes, at);
      const kept = [];
      let dropped = 0;
      for (let i = 0; i < count; i++) {
        const entry = p;
        let length;
        [length, p] = leb(bytes, p);
        const name = Buffer.from(bytes.subarray(p, p + length)).toString('utf8');
        p += length + 1; // the name, then the export's kind
        [, p] = leb(bytes, p);
        if (unused.test(name)) dropped++;
        else kept.push(bytes.subarray(entry, p));
      }
      if (!dropped) return null;
      const body = Buffer.concat([Buffer.from(encodeLeb(kept.length)), ...kept.map((k) => Buffer.from(k))]);
      const section = Buffer.concat([Buffer.from([7, ...encodeLeb(body.length)]), body]);
      return { bytes: Buffer.concat([bytes.subarray(0, start), section, bytes.subarray(end)]), dropped };
    }
    at = end;
  }
  return null;
}

const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');
for (const file of readdirSync(dist).filter((f) => f.endsWith('.wasm'))) {
  const path = join(dist, file);
  const before = readFileSync(path);
  const stripped = withoutUnused(before);
  if (!stripped) continue;
  writeFileSync(path, stripped.bytes);
  // The features rustc's wasm target enables, as the app's build (trunk) runs wasm-opt with.
  const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals'];
  execFileSync(wasmOpt, ['-Oz', ...features, path, '-o', path]);
  const after = readFileSync(path);
  const oldHash = sri(before);
  if (index.includes(oldHash)) index = index.split(oldHash).join(sri(after));
  console.log(`strip-unused-exports: ${file} ${stripped.dropped} exports, ${before.length} -> ${after.length} bytes`);
}
writeFileSync(indexPath, index);
