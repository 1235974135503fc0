#!/usr/bin/env bash
# Installs every tool the build, the demo and the tests need, skipping what is
# already there. Safe to run again: a second run costs seconds.
# Facts behind each step: ../shared/TOOLCHAIN.md.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must equal the crate version pinned in Cargo.toml,
# or wasm-pack builds its own copy, slowly, on every fresh machine.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.0
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# 1. The Rust wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 1b. rustfmt, which make test runs as `cargo fmt --check`.
if ! rustup component list --installed | grep -q '^rustfmt'; then
  log "adding the rustfmt component"
  rustup component add rustfmt
fi

# 2. Cargo-installed tools, each only when the exact version is missing.
cargo_tool() { # crate version binary [extra cargo install flags]
  local crate=$1 version=$2 bin=$3
  shift 3
  if command -v "$bin" >/dev/null 2>&1 && "$bin" --version 2>/dev/null | grep -q "$version"; then
    return
  fi
  log "installing $crate $version (a few minutes, once)"
  cargo install "$crate" --version "$version" "$@"
}
cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack --locked
# Not --locked: wasm-bindgen-cli 0.2.130's lock file pins webpki-roots 1.0.11,
# which the registry here does not serve; a fresh resolution builds fine.
cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
if [ "${SETUP_SKIP_BROWSERS:-}" != 1 ]; then
  cargo_tool geckodriver "$GECKODRIVER_VERSION" geckodriver --locked
fi

# 3. Browsers and chromedriver from Debian's packages.
if [ "${SETUP_SKIP_BROWSERS:-}" != 1 ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} from Debian's packages"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# 4. npm tools (wasm-opt from binaryen, playwright-core, test peers), pinned by
#    package-lock.json. Reinstalled only when the lock file changed.
stamp=node_modules/.setup-stamp
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  log "installing npm tools"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# 5. The consumer-side tools of the packaging tests (TypeScript, Vite, webpack,
#    workerd, Deno), pinned by tests/packaging/package-lock.json. npm warns that
#    the install scripts of workerd and deno were skipped: their binaries come
#    in platform packages (@cloudflare/workerd-linux-64, @deno/linux-x64-glibc)
#    and run without them.
stamp=tests/packaging/node_modules/.setup-stamp
if [ ! -f "$stamp" ] || ! cmp -s tests/packaging/package-lock.json "$stamp"; then
  log "installing the packaging tests' npm tools"
  (cd tests/packaging && npm ci --no-audit --no-fund --loglevel=error)
  cp tests/packaging/package-lock.json "$stamp"
fi

# 6. The runtimes that make test-runtimes runs the packed package under, beside
#    the system Node (20): Node 22, 24 and 26 and Bun, each an npm package that
#    carries its binary (tools/runtimes/node_modules/node-26/bin/node,
#    .../bun/bin/bun), pinned by tools/runtimes/package-lock.json. None goes on
#    PATH (--no-bin-links, so no node_modules/.bin/node either): the system
#    node stays Node 20.
stamp=tools/runtimes/node_modules/.setup-stamp
if [ ! -f "$stamp" ] || ! cmp -s tools/runtimes/package-lock.json "$stamp"; then
  log "installing Node 22, 24, 26 and Bun for the runtime tests"
  (cd tools/runtimes && npm ci --no-audit --no-fund --loglevel=error --no-bin-links)
  cp tools/runtimes/package-lock.json "$stamp"
fi

log "ready"
