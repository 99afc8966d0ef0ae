#!/usr/bin/env bash
# Installs, idempotently, everything reqlab needs to build (and, with --test, to test) on a fresh machine.
# Each step checks first and says whether it installs or skips. Versions are pinned here and in Trunk.toml.
set -euo pipefail

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '[bootstrap] %s\n' "$*"; }
# shellcheck source=scripts/env.sh
. "$root/scripts/env.sh"

# The wasm-bindgen CLI must equal the library in Cargo.lock exactly, or the generated glue is rejected.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock"
}

step_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "wasm32-unknown-unknown target: present"
  else
    say "wasm32-unknown-unknown target: installing"
    rustup target add wasm32-unknown-unknown
  fi
}

# The pinned nightly and its std sources, for the size-tuned release build (see scripts/env.sh).
step_release_toolchain() {
  local toolchain
  toolchain="$(release_toolchain)"
  if rustup component list --toolchain "$toolchain" --installed 2>/dev/null | grep -qx rust-src; then
    say "$toolchain with rust-src (release build): present"
  elif [ "$toolchain" = nightly ]; then
    # The machine's own nightly is the pinned build: add std's sources to it. `rustup toolchain install
    # nightly` would update it to today's nightly instead.
    say "$toolchain with rust-src (release build): adding rust-src"
    rustup component add --toolchain nightly rust-src
  else
    say "$toolchain with rust-src (release build): installing"
    rustup toolchain install "$toolchain" --profile minimal --component rust-src
  fi
}

step_trunk() {
  if command -v trunk >/dev/null && trunk --version | grep -q " $TRUNK_VERSION\$"; then
    say "trunk $TRUNK_VERSION: present"
  else
    # trunk 0.22 needs a newer rustc than this machine has; 0.21.14 is the last that builds on 1.95.
    say "trunk $TRUNK_VERSION: installing (takes minutes)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
}

step_wasm_bindgen() {
  local v
  v="$(wasm_bindgen_version)"
  if command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q " $v\$" \
    && command -v wasm-bindgen-test-runner >/dev/null; then
    say "wasm-bindgen-cli $v: present"
  else
    # Not --locked: its own lockfile names a crate version the registry lacks.
    say "wasm-bindgen-cli $v: installing (takes minutes)"
    cargo install --force "wasm-bindgen-cli@$v"
  fi
}

step_npm_dir() {
  # Installs a committed package-lock.json into DIR only when the lockfile changed since the last install.
  local dir="$1" label="$2" stamp="$1/node_modules/.reqlab-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
    say "$label: present"
  else
    say "$label: installing from package-lock.json"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}

step_snippet_runtimes() {
  # What the executed-snippet tests run snippets with: tests/runtimes/{apt.txt,requirements.txt,package.json}.
  local dir="$root/tests/runtimes" missing=()
  mapfile -t packages < <(sed 's/#.*//; /^[[:space:]]*$/d' "$dir/apt.txt")
  for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "snippet runtimes (Debian): present"
  else
    say "snippet runtimes (Debian): installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if python3 -m pip install --dry-run --disable-pip-version-check -r "$dir/requirements.txt" 2>/dev/null \
      | grep -q "Would install"; then
    say "snippet runtimes (PyPI): installing"
    python3 -m pip install --quiet --disable-pip-version-check -r "$dir/requirements.txt"
  else
    say "snippet runtimes (PyPI): present"
  fi
  if [ -f "$dir/package-lock.json" ]; then
    step_npm_dir "$dir" "snippet runtimes (npm)"
  fi
}

step_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    say "chromium + chromedriver: present"
  else
    say "chromium + chromedriver: installing from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

step_wasm_target
step_release_toolchain
step_trunk
step_wasm_bindgen
# Debian's binaryen 108 mangles reference types and breaks the app; binaryen 132 from npm works.
step_npm_dir "$root/tools" "binaryen $BINARYEN_VERSION (wasm-opt)"
if [ "$want_test" = 1 ]; then
  step_chromium
  step_snippet_runtimes
  step_npm_dir "$root/tests/e2e" "e2e packages (Playwright)"
fi
say "done"
