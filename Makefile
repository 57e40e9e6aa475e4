# Waypoint's commands. Each one installs what it needs first (scripts/setup.sh).
SHELL := /bin/bash
# wasm-opt comes from npm's binaryen; trunk finds it on PATH.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
# wasm-bindgen-test's runner gives a test file 20 s and the driver 5 s; the
# machine that runs the suite may be shared and busy, so these only bound a hang.
export WASM_BINDGEN_TEST_TIMEOUT ?= 600
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 60

.PHONY: setup serve dist test test-host test-browser test-e2e bench bench-quick lint clean

## Install the toolchain and npm packages (idempotent).
setup:
	@./scripts/setup.sh

## Build and serve the app at http://127.0.0.1:8080, rebuilding on change.
serve: setup
	trunk serve

## Build the release site into dist/.
dist: setup
	trunk build --release

## Run every test suite: lints, host, browser (wasm-bindgen-test), end-to-end,
## and the benchmark's quick run, so the harness can't rot.
test: setup lint test-host test-browser test-e2e bench-quick

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-host:
	cargo test --lib --profile host-tests

test-browser:
	cargo test --target wasm32-unknown-unknown --tests

test-e2e:
	trunk build --release
	npx playwright test

## Measure the release build (README, "Performance"): one JSON object on
## stdout, also written to bench/results.json.
bench: setup
	trunk build --release
	node bench/run.mjs

## The benchmark on the small plan only, 3 runs, with the first visit and the
## wasm's size but no Lighthouse, on the build in dist/ (built if missing).
## Fails only if the harness breaks, never on timing.
bench-quick: setup
	test -f dist/index.html || trunk build --release
	BENCH_QUICK=1 node bench/run.mjs

clean:
	cargo clean
	rm -rf dist test-results screenshots bench/results.json
