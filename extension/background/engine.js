// The one Engine of the extension, built lazily on first use and kept for the worker's life.
// Rules ship in the package (rules/bundle.json): fetched from the extension itself, never the network.
import init, { Engine } from '../pkg/lurelens.js';

const WASM_PATH = 'pkg/lurelens_bg.wasm';
const BUNDLE_PATH = 'rules/bundle.json';

let ready = null; // Promise<{engine, coldMs}>

async function build() {
  const t0 = performance.now();
  // wasm-bindgen 0.2.130 takes an object; a bare argument is deprecated (toolchain.md P13).
  await init({ module_or_path: chrome.runtime.getURL(WASM_PATH) });
  const bundle = await (await fetch(chrome.runtime.getURL(BUNDLE_PATH))).text();
  const engine = new Engine(bundle);
  return { engine, coldMs: performance.now() - t0 };
}

// No top-level await in service workers (P14): callers await this inside handlers.
export function getEngine() {
  if (!ready) {
    ready = build().catch((e) => { ready = null; throw e; });
  }
  return ready;
}
