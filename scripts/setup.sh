#!/usr/bin/env bash
# Installs what Waypoint needs to build and test, reusing whatever is already there.
# Safe to run again and again: each step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_SERIES="0.21"
WASM_BINDGEN_VERSION="0.2.130" # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "^trunk ${TRUNK_SERIES}\."; then
  say "installing trunk ${TRUNK_SERIES} (compiles from source, several minutes)"
  cargo install trunk --version "^${TRUNK_SERIES}" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\b" ||
   ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION} (compiles from source, a few minutes)"
  # No --locked: the CLI's own lock file names a yanked crate.
  cargo install wasm-bindgen-cli --version "=${WASM_BINDGEN_VERSION}" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Debian's chromium and chromedriver"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# npm packages: Playwright (driving the system chromium), binaryen's wasm-opt, test helpers.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

say "ready"
