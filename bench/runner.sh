#!/usr/bin/env bash
# Benchmark (not a test): the runner's requests per second against reqlab-echo on loopback, the same
# collection (bench/runner/collection.json, 10 requests with checks) sent by `reqlab run` from the host, by
# the app's runner in headless Chromium, and by Newman (npm `newman`, installed into target/newman when npm
# can reach its registry). Usage: bench/runner.sh URL (a reqlab-echo serving the built app).
set -euo pipefail
url=${1%/}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
iterations=50
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One environment file for all three: Postman's format, which reqlab run reads too.
printf '{"name":"bench","values":[{"key":"base","value":"%s","enabled":true}]}' "$url" >"$work/env.json"
cargo build --quiet --release -p reqlab-cli
target/release/reqlab export --to postman bench/runner/collection.json >"$work/collection.postman.json"
requests=$((10 * iterations))

rate() { awk -v n="$1" -v ns="$2" 'BEGIN { printf "%.0f requests/s (%d requests in %.2f s)", n / (ns / 1e9), n, ns / 1e9 }'; }

start=$(date +%s%N)
target/release/reqlab run "$work/collection.postman.json" --env "$work/env.json" --iterations "$iterations" \
  --reporter json --out "$work" 2>/dev/null
end=$(date +%s%N)
echo "  reqlab run (host, ureq, one connection kept alive): $(rate $requests $((end - start)))"

node bench/runner_app.js "$url/" bench/runner/collection.json "$iterations"

newman="target/newman/node_modules/.bin/newman"
if [ ! -x "$newman" ]; then
  npm install --silent --no-audit --no-fund --prefix target/newman newman@6.2.2 >/dev/null 2>&1 || true
fi
if [ -x "$newman" ]; then
  start=$(date +%s%N)
  "$newman" run "$work/collection.postman.json" -e "$work/env.json" -n "$iterations" --reporters json \
    --reporter-json-export "$work/newman.json" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  failed=$(node -e "const r=require('$work/newman.json').run.stats; console.log(r.assertions.failed + r.requests.failed)")
  echo "  newman 6.2.2 (Node, same collection and environment): $(rate $requests $((end - start))), $failed failures"
else
  echo "  newman: not installed (npm could not fetch it here)"
fi
