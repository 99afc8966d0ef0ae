// Prints Playwright's outcome as the plain closing line "e2e: N passed, N failed[, N skipped]".
const fs = require('node:fs');
const file = process.argv[2];
let stats;
try {
  stats = JSON.parse(fs.readFileSync(file, 'utf8')).stats;
} catch (err) {
  console.log(`e2e: 0 passed, 1 failed (no report at ${file}: ${err.message})`);
  process.exit(0);
}
const failed = stats.unexpected + stats.flaky;
const skipped = stats.skipped ? `, ${stats.skipped} skipped` : '';
console.log(`e2e: ${stats.expected} passed, ${failed} failed${skipped}`);
