#!/usr/bin/env bash
# Builds the app into DIST (default dist/) exactly as it is published: trunk on the release toolchain (see
# env.sh), then the exports nothing calls dropped from each wasm (tools/strip-unused-exports.mjs) and the
# page's JS glue minified (see tools/minify-page-js.mjs). Used by build.sh and the Pages
# workflow. Usage: scripts/build_app.sh [DIST]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"
dist="${1:-dist}"
echo "[build] trunk build --release -> $dist/ (on $(release_toolchain), see scripts/env.sh)"
with_release_toolchain trunk build --release --dist "$dist"
node tools/strip-unused-exports.mjs "$dist"
node tools/minify-page-js.mjs "$dist"
