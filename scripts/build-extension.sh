#!/usr/bin/env bash
# Builds the unpacked LureLens extension in extension/ (Chrome) and target/lurelens-firefox/ (Firefox).
# Idempotent and fast when nothing changed: each step is skipped when its output is newer than its inputs.
#   1. cargo build --release; target/release/lurelens rules export rules > extension/rules/bundle.json;
#      the demo feed extension/demo/feed.json from tests/corpus (scripts/demo-feed.mjs)
#   2. wasm-pack build --target web --release --out-dir extension/pkg --out-name lurelens
#      (npm's binaryen first on PATH: never Debian's wasm-opt 108, toolchain.md P1; wasm-bindgen-cli
#      must equal Cargo.lock's wasm-bindgen, P2/P3)
#   3. smoke test: instantiate the wasm in Node and build an Engine from the bundle (catches a broken wasm-opt)
#   4. target/lurelens-firefox/: a copy with a Firefox manifest (background.scripts, gecko id, sidebar_action)
# Options: --force (rebuild everything), --no-firefox.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
log() { printf '[build-extension] %s\n' "$*" >&2; }

force=0; firefox=1
for a in "$@"; do
  case "$a" in
    --force) force=1 ;;
    --no-firefox) firefox=0 ;;
    *) log "unknown option $a"; exit 2 ;;
  esac
done

export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# newer_than OUT INPUT... : true when OUT exists and is newer than every input file (dirs are walked).
newer_than() {
  local out=$1; shift
  [ $force = 0 ] && [ -e "$out" ] || return 1
  [ -z "$(find "$@" -newer "$out" -type f -print -quit 2>/dev/null)" ]
}

# 0. Node packages (binaryen's wasm-opt, playwright-core, web-ext).
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"; npm ci --no-audit --no-fund --loglevel=error
fi
WO=$(node_modules/.bin/wasm-opt --version | grep -o 'version [0-9]*' | grep -o '[0-9]*')
[ "${WO:-0}" -ge 116 ] || { log "wasm-opt $WO is too old (need >= 116, toolchain.md P1)"; exit 1; }

# 1. Native CLI + rule bundle.
cargo build --release --quiet
mkdir -p extension/rules
if ! newer_than extension/rules/bundle.json rules target/release/lurelens; then
  log "rules export -> extension/rules/bundle.json"
  target/release/lurelens rules export rules > extension/rules/bundle.json.tmp
  mv extension/rules/bundle.json.tmp extension/rules/bundle.json
fi

# 1b. The trainer's offline demo feed, from the labelled corpora.
if ! newer_than extension/demo/feed.json tests/corpus scripts/demo-feed.mjs; then
  node scripts/demo-feed.mjs extension/demo/feed.json
fi

# 2. WASM package.
WB=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB\$"; then
  log "installing wasm-bindgen-cli $WB"
  cargo install wasm-bindgen-cli --version "$WB" --locked || cargo install wasm-bindgen-cli --version "$WB"
fi
rm -rf "$HOME/.cache/.wasm-pack"
if ! newer_than extension/pkg/lurelens_bg.wasm src Cargo.toml Cargo.lock; then
  log "wasm-pack build (wasm-opt $WO from node_modules)"
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
  # opt-level "s" for the .wasm only (the native CLI keeps 3): 12% smaller gzipped, and the
  # engine build a woken worker does was not slower in the measurement (BENCHMARKS.md).
  CARGO_PROFILE_RELEASE_OPT_LEVEL=s wasm-pack build --target web --release --out-dir extension/pkg --out-name lurelens
  # Keep only what the extension loads (wasm-pack also writes package.json, README, .gitignore).
  (cd extension/pkg && rm -f package.json README.md .gitignore LICENSE* && touch lurelens_bg.wasm)
fi

# 3. Smoke test in Node.
node --input-type=module -e '
  import { readFileSync } from "node:fs";
  const m = await import(process.argv[1] + "/extension/pkg/lurelens.js");
  m.initSync({ module: readFileSync(process.argv[1] + "/extension/pkg/lurelens_bg.wasm") });
  const e = new m.Engine(readFileSync(process.argv[1] + "/extension/rules/bundle.json", "utf8"));
  const i = e.info();
  const r = e.scan("No experience needed! Free flight, salary $3000, contact Telegram only @hr_boss", { lang: "en", origin: null, all: false });
  console.error(`[build-extension] smoke: engine ${i.version}, ${i.rules} rules; sample lure -> ${r.level} (${r.score})`);
' "$ROOT"

# 4. Firefox copy.
if [ $firefox = 1 ]; then
  FF=target/lurelens-firefox
  mkdir -p "$FF"
  cp -a extension/. "$FF/"
  rm -rf "$FF/tools"
  # Firefox MV3: background scripts (module) instead of a service worker, a gecko id, a sidebar
  # instead of Chrome's side panel.
  node -e '
    const fs = require("fs");
    const m = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    m.background = { scripts: [m.background.service_worker], type: "module" };
    // 140 (the current ESR): the first with data_collection_permissions, which declares that
    // LureLens collects nothing; Firefox for Android 142.
    m.browser_specific_settings = { gecko: { id: "lurelens@lurelens.invalid", strict_min_version: "140.0",
      data_collection_permissions: { required: ["none"] } }, gecko_android: { strict_min_version: "142.0" } };
    m.permissions = m.permissions.filter((p) => p !== "sidePanel");
    if (m.side_panel) {
      m.sidebar_action = { default_panel: m.side_panel.default_path, default_title: "__MSG_sidePanelTitle__",
        default_icon: m.action.default_icon, open_at_install: false };
      delete m.side_panel;
    }
    m.options_ui = { page: m.options_page, open_in_tab: true }; delete m.options_page;
    for (const w of m.web_accessible_resources || []) delete w.use_dynamic_url;
    fs.writeFileSync(process.argv[2], JSON.stringify(m, null, 2) + "\n");
  ' extension/manifest.json "$FF/manifest.json"
  log "firefox build in $FF"
fi
log "done: load extension/ unpacked (chrome://extensions, developer mode)"
