#!/usr/bin/env bash
# reqlab-echo against Python httpbin (gunicorn), same machine, same load tool (wrk), side by side: requests/s
# and p99 for /get and /anything, the ratio, and reqlab-echo's peak RSS. Prints figures; timing never fails.
# Budget (PRODUCT.md): >= 10x httpbin on both paths, RSS <= 16 MB.
# Knobs: BENCH_SECONDS (per run, default 5), BENCH_RUNS (median of, default 3), BENCH_CONNECTIONS (default 50).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
seconds=${BENCH_SECONDS:-5}
runs=${BENCH_RUNS:-3}
connections=${BENCH_CONNECTIONS:-50}

# Tools, installed once.
if ! command -v wrk >/dev/null; then
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi
if ! python3 -c 'import httpbin, gunicorn' 2>/dev/null; then
  pip install --quiet httpbin gunicorn
fi
cargo build --quiet --release -p reqlab-echo
echo_bin="${CARGO_TARGET_DIR:-$root/target}/release/reqlab-echo"

workdir=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$workdir"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for() {
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "no answer from $1" >&2
  return 1
}

# reqlab-echo on a port it picks, read from the line it prints.
"$echo_bin" --listen 127.0.0.1:0 --log warn >"$workdir/echo.out" 2>"$workdir/echo.err" &
echo_pid=$!
pids+=("$echo_pid")
for _ in $(seq 100); do grep -q "listening on" "$workdir/echo.out" && break; sleep 0.1; done
echo_url=$(sed -n 's/^reqlab-echo listening on \(http[^ ]*\)\/$/\1/p' "$workdir/echo.out")
wait_for "$echo_url/get"

# httpbin under gunicorn, one worker per core, as it would be deployed.
httpbin_port=$(free_port)
python3 -m gunicorn --workers "$(nproc)" --bind "127.0.0.1:$httpbin_port" --log-level warning httpbin:app \
  >"$workdir/httpbin.log" 2>&1 &
pids+=("$!")
httpbin_url="http://127.0.0.1:$httpbin_port"
wait_for "$httpbin_url/get"

# One wrk run: prints "requests_per_second p99_ms".
load() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" | awk '
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" {
      v = $2
      if (v ~ /us$/) { sub(/us$/, "", v); p99 = v / 1000 }
      else if (v ~ /ms$/) { sub(/ms$/, "", v); p99 = v }
      else if (v ~ /s$/) { sub(/s$/, "", v); p99 = v * 1000 }
    }
    END { printf "%.0f %.2f\n", rps, p99 }'
}

# Median of $runs runs (by requests/s), alternating servers so both see the same machine state.
median() { sort -n -k1,1 | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'; }

echo "== reqlab-echo vs Python httpbin (wrk, $connections connections, ${seconds}s x $runs runs, median; loopback, $(nproc) cores)"
printf '  %-10s %16s %12s %16s %12s %8s\n' path "echo req/s" "echo p99" "httpbin req/s" "httpbin p99" ratio
for path in /get /anything; do
  : >"$workdir/echo.runs"
  : >"$workdir/httpbin.runs"
  for _ in $(seq "$runs"); do
    load "$echo_url$path" >>"$workdir/echo.runs"
    load "$httpbin_url$path" >>"$workdir/httpbin.runs"
  done
  read -r echo_rps echo_p99 < <(median <"$workdir/echo.runs")
  read -r bin_rps bin_p99 < <(median <"$workdir/httpbin.runs")
  ratio=$(awk -v a="$echo_rps" -v b="$bin_rps" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "n/a" }')
  printf '  %-10s %16s %10sms %16s %10sms %8s\n' "$path" "$echo_rps" "$echo_p99" "$bin_rps" "$bin_p99" "$ratio"
done
rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$echo_pid/status")
printf '  reqlab-echo peak RSS: %.1f MB (budget 16 MB); budget for req/s: >= 10x httpbin\n' "$(awk -v k="$rss_kb" 'BEGIN { print k / 1024 }')"
