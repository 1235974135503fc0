# The two commands of the README:
#   make demo   set up, build the package, serve the demo page
#   make test   set up, then run every suite
# Set-up (scripts/setup.sh) installs what is missing and skips what is there.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
PORT ?= 8080

.PHONY: setup pkg ab profile catalogue test test-catalogue test-rust test-wasm-node test-wasm-chrome test-wasm-firefox test-package test-runtimes test-packaging test-cli test-browser test-memory demo bench test-demo test-bench test-profile fuzz

setup:
	@scripts/setup.sh

## pkg/: the npm package, built from the release wasm and pkg-template/.
pkg: setup
	node scripts/build-pkg.mjs

## Every suite: native Rust, the wasm boundary in Node, Chromium and Firefox,
## the packed npm package in Node through import and require (Node 20, then
## 22, 24, 26 and Bun), and the same JavaScript cases against the browser
## build in Chromium and Firefox.
test: setup
	$(MAKE) --no-print-directory test-catalogue test-rust test-wasm-node test-wasm-chrome test-wasm-firefox test-package test-runtimes test-packaging test-cli test-browser test-memory test-demo test-bench test-profile

## catalogue/: the description of every Seam event type, generated from the
## reference pinned in package.json (@seamapi/types and its zod; issue 16).
## To bump it: bump the pins, npm install, make catalogue, review the diff.
catalogue: setup
	node scripts/catalogue.mjs

# Every generated file (catalogue/, src/catalogue.rs, src/seam_event.rs,
# pkg-template/events.d.ts, www/catalogue.js) is what the generator writes
# now; the generator's own tests (its counts against
# ../shared/spec/catalogue.md at the version it describes, that it fails on
# what it does not understand, the examples against zod); the declarations,
# the demo's table and the prose that names the count read back against
# catalogue/events.json (src/schema.rs's fast-lane fields: in cargo test).
test-catalogue:
	node scripts/catalogue.mjs --check
	node --test --test-reporter=spec tests/catalogue/

test-rust:
	cargo fmt --check
	cargo test --locked
	cargo package --locked --allow-dirty --quiet

test-wasm-node:
	wasm-pack test --node -- --locked --test node

# One browser per command: with both drivers set, the runner uses only Firefox.
test-wasm-chrome:
	wasm-pack test --headless --chrome -- --locked --test web

test-wasm-firefox:
	wasm-pack test --headless --firefox -- --locked --test web

test-package:
	node scripts/build-pkg.mjs
	scripts/test-package.sh

# The packed package (test-package's consumer project, made again) under
# Node 22, 24 and 26 and Bun from tools/runtimes/ (scripts/setup.sh installs
# them beside the system Node 20): every file of tests/js/ on each, then
# tests/cli/ on Node 24 (about 25 s; builds pkg/ only if it is missing).
test-runtimes:
	[ -f pkg/dist/node.cjs ] || node scripts/build-pkg.mjs
	scripts/test-runtimes.sh

# The command-line tool, pkg/dist/cli.mjs, as child processes (needs pkg/;
# test-package builds it).
test-cli:
	node --test --test-reporter=spec tests/cli/

# Needs pkg/ (test-package builds it): the packed tarball installed into fresh
# consumer projects under target/packaging/ and run there: tsc, Vite 7 and
# webpack 5 builds in Chromium and Firefox (with a Web Worker), the workerd
# runtime, Deno; tools from tests/packaging/package.json (about 1.5 min).
test-packaging:
	[ -f pkg/dist/workerd.js ] || node scripts/build-pkg.mjs
	node --test --test-reporter=spec tests/packaging/

# A million decodes with bounded memory (needs pkg/; about 20 s).
test-memory:
	node --expose-gc --test --test-reporter=spec tests/memory/

# Needs pkg/ (test-package builds it); drives the browsers over WebDriver.
test-browser:
	node --test --test-reporter=spec tests/browser/

# Serves www/ and pkg/ on http://127.0.0.1:$(PORT)/ until stopped (Ctrl+C).
demo: pkg
	PORT=$(PORT) node scripts/serve-demo.mjs

# The demo page in headless Chromium through playwright-core, with its locator
# and server, and in headless Firefox through geckodriver (firefox.test.mjs);
# builds pkg/ only if it is missing (test-package builds it first).
test-demo:
	[ -f pkg/dist/web.js ] || node scripts/build-pkg.mjs
	node --test --test-reporter=spec tests/e2e/

## bench/results.md: our package against JSON.parse, zod, ajv and svix, in
## Node, Chromium and Firefox (a few minutes; `node bench/run.mjs --quick` is faster).
bench: pkg
	node bench/run.mjs

## This package against the one built at commit REF (make ab REF=bf7d2ac):
## REF is checked out in a git worktree at AB_DIR, outside this one so that
## none of this checkout's .cargo/config.toml reaches its build, and built
## there (its own cargo target); then both are timed in pairs side by side,
## in Node and in headless Chromium and Firefox, in both load orders
## (bench/ab.mjs; about two minutes once built). The worktree is removed
## after, pass or fail (each run builds REF afresh anyway).
AB_DIR ?= $(or $(TMPDIR),/tmp)/connect-webview-events-ab
ab: pkg
	@[ -n "$(REF)" ] || { echo "make ab: say which commit, e.g. make ab REF=HEAD~1" >&2; exit 2; }
	git worktree remove --force $(AB_DIR) 2>/dev/null || rm -rf $(AB_DIR)
	git worktree prune
	git worktree add --detach $(AB_DIR) $(REF)
	ln -s $(CURDIR)/node_modules $(AB_DIR)/node_modules
	cd $(AB_DIR) && node scripts/build-pkg.mjs
	node bench/ab.mjs $(AB_DIR)/pkg pkg; status=$$?; git worktree remove --force $(AB_DIR); exit $$status

## Where the time of decode (of a string, of a Buffer, and of every catalogue type in turn), verify and decodeBatch goes in Node: each
## function's share of a CPU profile, Rust functions by name; then decode(string)
## in headless Chromium (DevTools profiler) and Firefox (Gecko profiler) (bench/profile.mjs).
profile: pkg
	node bench/profile.mjs

# make bench measuring less, written to target/bench-check.md: every case
# still runs and agrees, in Node and both browsers; no timing is asserted
# (about 30 s; builds pkg/ only if it is missing). Then make ab's cases once
# each, pkg/ against itself, in Node and both browsers (about 20 s), and the
# ways of bench/text-into-wasm.mjs with a few pairs (about 5 s).
test-bench:
	[ -f pkg/dist/node.cjs ] || node scripts/build-pkg.mjs
	node bench/run.mjs --check > /dev/null
	node bench/ab.mjs pkg pkg --check > /dev/null
	node bench/text-into-wasm.mjs --check > /dev/null

# make profile with a twentieth of the calls, failing unless every profile
# names Rust functions (about 20 s; builds pkg/ only if it is missing).
test-profile:
	[ -f pkg/dist/node.cjs ] && [ -f target/wasm32-unknown-unknown/release/connect_webview_events.wasm ] || node scripts/build-pkg.mjs
	node bench/profile.mjs --check

## Fuzz each target (decode, decode_batch, verify, differential) for FUZZ_SECONDS (default
## 60) with cargo-fuzz on nightly, optimized but with overflow checks and debug
## assertions on (a u64 that overflowed was found only by a debug build's
## test of the corpus); new corpus entries land in fuzz/corpus/
## (differential shares decode's: both read any text),
## crashes in fuzz/artifacts/ (copy them to fuzz/regressions/<target>/ so that
## make test replays them). make test replays the saved corpus on stable.
FUZZ_SECONDS ?= 60
fuzz: setup
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	for target in decode decode_batch verify differential; do \
	  corpus=fuzz/corpus/$$target; [ $$target = differential ] && corpus=fuzz/corpus/decode; \
	  cargo +nightly fuzz run -O --debug-assertions $$target $$corpus -- -max_total_time=$(FUZZ_SECONDS) -max_len=4096 || exit 1; \
	done
