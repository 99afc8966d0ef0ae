#!/usr/bin/env bash
# Builds what the run command and the e2e tests serve: the app into dist/ and the reqlab-echo binary.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"
scripts/build_app.sh
echo "[build] cargo build --release -p reqlab-echo"
cargo build --release -p reqlab-echo
