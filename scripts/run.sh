#!/usr/bin/env bash
# The README's run command: install what is missing, build the app, serve it with reqlab-echo.
# REQLAB_LISTEN (or the first argument) picks the address; default 127.0.0.1:8080.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"
scripts/bootstrap.sh
scripts/build.sh
listen="${1:-${REQLAB_LISTEN:-127.0.0.1:8080}}"
echo "[run] starting reqlab-echo; open the 'reqlab app' URL below (Ctrl-C stops it)"
exec target/release/reqlab-echo --static dist --listen "$listen"
