#!/usr/bin/env bash
# `make bench`: prints measured figures. Timing never fails anything; budgets are in PRODUCT.md.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"
scripts/bootstrap.sh --test
scripts/build.sh >/dev/null

echo "== snippet generation (host, release build)"
cargo run --quiet --release -p reqlab-core --example bench_snippets

echo "== download size (gzip -9): the page bundle, then the workers and the library it starts"
shopt -s nullglob # the CSS is inlined into index.html: no .css files
for group in page snippet-worker import-worker library streams reference; do
  total=0
  for f in dist/*.html dist/*.css dist/*.js dist/*.wasm; do
    name=$(basename "$f")
    case "$name" in snippet-worker*) member=snippet-worker ;; import-worker*) member=import-worker ;; library*) member=library ;; streams*) member=streams ;; reference*) member=reference ;; *) member=page ;; esac
    [ "$member" = "$group" ] || continue
    raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c); total=$((total + gz))
    printf '  %-44s %9d raw %9d gzip\n' "$name" "$raw" "$gz"
  done
  budget=$([ "$group" = page ] && echo "first-load budget 200000" || echo "budget 200000 of its own; loads outside the first load")
  printf '  %s total gzip: %d bytes (%s)\n' "$group" "$total" "$budget"
done

echo "== app ready (headless Chromium, loopback)"
log=$(mktemp)
# Generated bodies up to 130 MB, for the large-body figures below; forward mode on loopback for the relay's.
target/release/reqlab-echo --static dist --listen 127.0.0.1:0 --max-generated-bytes 130M --forward --allow-private >"$log" &
echo_pid=$!
trap 'kill $echo_pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 50); do grep -q "listening on" "$log" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$log")
node bench/app_ready.js "$url"
echo "== large JSON bodies (headless Chromium, reqlab-echo /json/large on loopback)"
node bench/large_body.js "$url"
echo "== live streams and the WebSocket relay (headless Chromium, reqlab-echo /sse and /websocket/echo on loopback)"
node bench/live_stream.js "$url"
echo "== API reference (headless Chromium): GitHub's REST API description, then reqlab-echo's own with one operation tried"
node bench/api_reference.js "$url" crates/core/tests/fixtures/openapi/github-api.github.com.json.gz
echo "== GraphQL (headless Chromium): GitHub's public schema by introspection, then completion on it"
cargo run --quiet --release -p reqlab-core --features graphql --example bench_graphql
node bench/graphql.js "$url" crates/core/tests/fixtures/graphql/github.introspection.json.gz
echo "== runner: requests per second, the same collection from the CLI, the app and Newman (reqlab-echo on loopback)"
bench/runner.sh "$url"
bench/echo_load.sh
