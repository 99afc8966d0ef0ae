#!/usr/bin/env bash
# The README's test command, in order: format, lints, host tests, wasm tests in headless Chromium, then the
# end-to-end tests in headless Chromium against real reqlab-echo servers. Stops at the first failure.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$root"

stage() { printf '\n==== %s ====\n' "$*"; }

stage "bootstrap"
scripts/bootstrap.sh --test

stage "cargo fmt --check"
cargo fmt --all --check

stage "cargo clippy -D warnings (host, then wasm)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p reqlab-web --target wasm32-unknown-unknown --all-targets -- -D warnings
# The workflow and GraphQL bundles' features are off by default (the API reference is built with the defaults).
cargo clippy -p reqlab-web --target wasm32-unknown-unknown --features workflow --bin workflow -- -D warnings
cargo clippy -p reqlab-web --target wasm32-unknown-unknown --features graphql --bin graphql -- -D warnings

stage "host tests (whole workspace)"
cargo test --workspace --exclude reqlab-conformance
# The GraphQL bundle's own unit tests (its feature is off by default, as the workflow bundle's).
cargo test -p reqlab-web --lib --features graphql graphql::

stage "snippets executed against reqlab-echo (table: target x fixture)"
cargo test -p reqlab-conformance -- --nocapture --test-threads 1

stage "wasm tests in headless Chromium"
cargo test --target wasm32-unknown-unknown -p reqlab-web --tests

stage "build for end-to-end tests"
scripts/build.sh

stage "end-to-end tests (Playwright, headless Chromium, real reqlab-echo)"
cd tests/e2e
status=0
npx playwright test || status=$?
node summary.js test-results/results.json
exit "$status"
