# Sourced by the other scripts: puts cargo-installed tools and the pinned npm tools (wasm-opt) on PATH.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# The release build of the app (trunk build --release) runs on a pinned nightly: rebuilding std with
# immediate-abort panics and without panic locations takes about 20 KB (gzip) off the page, which the 200 KB
# first-load budget (PRODUCT.md) needs. Everything else (clippy, tests, reqlab-echo) stays on stable.
RELEASE_NIGHTLY=nightly-2026-05-19
# Uses the machine's `nightly` when it is that very build, rather than downloading it again under its date.
release_toolchain() {
  if rustc +nightly -V 2>/dev/null | grep -q "${RELEASE_NIGHTLY#nightly-})"; then
    echo nightly
  else
    echo "$RELEASE_NIGHTLY"
  fi
}
# Runs a command (trunk build --release) in the release build's environment, with its own target dir so
# the stable builds' artifacts are not thrown away.
with_release_toolchain() {
  RUSTUP_TOOLCHAIN="$(release_toolchain)" \
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
    CARGO_TARGET_DIR="$root/target/release-web" \
    "$@"
}
