#!/usr/bin/env bash
# Installs everything LureLens needs on a fresh Debian machine, idempotently.
# Fast (seconds) when everything is already there. See ../shared/toolchain.md for why each step is so.
#   scripts/setup.sh            Rust + WASM toolchain + Node packages + Chromium
#   scripts/setup.sh --native   only what the native crate and CLI need (Rust)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
log() { printf '[setup] %s\n' "$*" >&2; }

native_only=0
[ "${1:-}" = "--native" ] && native_only=1

export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || { log "cargo not found: install Rust (rustup) first"; exit 1; }
[ $native_only = 1 ] && exit 0

# 1. The wasm32 target (downloads rust-std once; 0.1 s after).
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

# 2. wasm-bindgen-cli at exactly the version in Cargo.lock (wasm-pack would otherwise install its own
#    copy into ~/.cache on every fresh HOME: toolchain.md P3). `--locked` fails on this registry
#    mirror (P2), so fall back to an unlocked install.
[ -f Cargo.lock ] || cargo generate-lockfile
WB=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB\$"; then
  log "installing wasm-bindgen-cli $WB"
  cargo install wasm-bindgen-cli --version "$WB" --locked 2>/dev/null || cargo install wasm-bindgen-cli --version "$WB"
fi
if ! wasm-pack --version 2>/dev/null | grep -q "$WASM_PACK_VERSION"; then
  log "installing wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked
fi
rm -rf "$HOME/.cache/.wasm-pack"   # so it can never hide a missing install (P3)

# 2b. cargo-fuzz for the fuzz targets (fuzz/); needs the nightly toolchain, which the image has.
if ! command -v cargo-fuzz >/dev/null; then
  log "installing cargo-fuzz"
  cargo install cargo-fuzz --locked 2>/dev/null || cargo install cargo-fuzz
fi

# 3. Debian's Chromium + ChromeDriver for the browser tests. Never Debian's binaryen (P1).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 3a. Firefox ESR for the Firefox smoke run (tests/e2e/firefox/smoke.mjs, driven over Marionette,
#     which Firefox has built in: no geckodriver download needed).
if ! command -v firefox-esr >/dev/null; then
  log "installing firefox-esr"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq firefox-esr >/dev/null
fi

# 3b. Fonts for the scripts LureLens reads (Thai, Khmer, Lao, Myanmar; Chinese), so the browser tests'
#     screenshots and the printed handout render real glyphs rather than empty boxes.
#     (fc-list read into a variable first: `fc-list | grep -q` fails under pipefail when grep exits early.)
fonts=$(fc-list 2>/dev/null || true)
if ! grep -q 'Noto Sans Thai' <<<"$fonts" || ! grep -qi 'WenQuanYi' <<<"$fonts" || ! grep -q 'Noto Color Emoji' <<<"$fonts"; then
  log "installing fonts-noto-core, fonts-noto-color-emoji and fonts-wqy-microhei"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-noto-core fonts-noto-color-emoji fonts-wqy-microhei >/dev/null
fi

# 4. Node packages: binaryen (wasm-opt >= 116), playwright-core, web-ext. Lock file pinned.
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"; npm ci --no-audit --no-fund --loglevel=error
  fi
fi
log "ready"
