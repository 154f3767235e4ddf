// Launches Debian Chromium headless with the built extension (toolchain.md §4) and records every
// request: anything that is not the fixture server, a routed fixture host or the extension itself
// is aborted and reported as a violation.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, renderFixture } from './server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..', '..');
export const EXT = path.join(ROOT, 'extension');
export const ARTIFACTS = path.join(ROOT, 'tests', 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SW_TIMEOUT_MS = 30000; // cold start of Chromium + extension load on a loaded 2-core machine
const SETTLE_MS = 1500; // default wait for badges: debounce 250 ms + idle slices + first engine build

export async function launch({ sites = {} } = {}) {
  if (!existsSync(path.join(EXT, 'pkg', 'lurelens_bg.wasm'))) throw new Error('extension not built: run npm run build:ext');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer();
  const userDir = mkdtempSync(path.join(tmpdir(), 'lurelens-e2e-'));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: CHROMIUM,
    headless: true, // Playwright passes --headless (= new headless in Chromium 156)
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`, '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-default-apps'],
  });
  const violations = [];
  const seen = [];
  // Site fixtures under their real hostnames (adapters match on location.hostname): fulfilled from
  // disk, so nothing reaches the network. Everything else off-box is aborted and recorded.
  await context.route('**/*', async (route) => {
    const u = new URL(route.request().url());
    // The extension's own pages load their files through the same router: local, allowed.
    if (u.protocol === 'chrome-extension:') return route.continue();
    seen.push(u.href);
    if (u.hostname === '127.0.0.1') return route.continue();
    const fixture = sites[u.hostname];
    if (fixture) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: renderFixture(fixture) });
    }
    violations.push(u.href);
    return route.abort();
  });
  context.on('request', (r) => {
    const u = r.url();
    if (!/^(chrome-extension|data|blob):/.test(u)) seen.push(u);
  });
  // The worker may have registered before this line runs: look first, then wait. If it never comes
  // (the extension failed to load: a file named in the manifest missing, a syntax error), close
  // everything so the test process ends instead of hanging on the open server and browser.
  let sw = context.serviceWorkers()[0];
  try {
    if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: SW_TIMEOUT_MS });
  } catch (e) {
    await context.close().catch(() => {});
    await server.close();
    rmSync(userDir, { recursive: true, force: true });
    throw new Error(`the extension's service worker did not start within ${SW_TIMEOUT_MS} ms: is extension/ built and loadable? (${e.message})`);
  }
  const extId = new URL(sw.url()).host;
  return {
    context, server, sw, extId, violations, seen,
    async close() { await context.close(); await server.close(); rmSync(userDir, { recursive: true, force: true }); },
  };
}

// Opens a page and waits until the number of badges stops changing.
export async function openAndSettle(h, url, { min = 1, timeout = 15000 } = {}) {
  const page = await h.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await waitBadges(page, min, timeout);
  page.errors = errors;
  return page;
}

export async function waitBadges(page, min, timeout = 15000) {
  if (min > 0) await page.waitForFunction((n) => document.querySelectorAll('lurelens-badge').length >= n, min, { timeout });
  // Then let the rest arrive: stable count over SETTLE_MS.
  let last = -1;
  for (let i = 0; i < 20; i++) {
    const n = await page.evaluate(() => document.querySelectorAll('lurelens-badge').length);
    if (n === last) break;
    last = n;
    await page.waitForTimeout(SETTLE_MS / 2);
  }
}

// Evaluates in the extension's isolated world of the page (the closed shadow root is only visible
// there, through LureLens.overlay.inspect). CDP: find the execution context named after the extension.
export async function inContentScript(page, fnSource) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const c = contexts.find((x) => x.auxData?.type === 'isolated' && x.origin.startsWith('chrome-extension://'))
    || contexts.find((x) => x.auxData?.type === 'isolated');
  if (!c) throw new Error('content script world not found');
  const r = await cdp.send('Runtime.evaluate', { expression: `(${fnSource})()`, contextId: c.id, returnByValue: true, awaitPromise: true });
  await cdp.detach();
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description || r.exceptionDetails.text);
  return r.result.value;
}

// The browser's tab id of a page, as its content script knows it (the extension has no "tabs"
// permission, so the worker cannot find tabs by URL).
export async function tabIdOf(page) {
  const { tabId } = await inContentScript(page, "() => chrome.runtime.sendMessage({ type: 'tab' })");
  return tabId;
}

// Badge state per post: [{expect, level, hasBadge}]
export function postStates(page, selector = '[data-expect]') {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].map((p) => {
    const b = p.localName === 'lurelens-badge' ? p : p.querySelector('lurelens-badge');
    return { id: p.dataset.id || p.id, expect: p.dataset.expect, level: b?.dataset.level || null };
  }), selector);
}

export function shot(page, name) {
  return page.screenshot({ path: path.join(ARTIFACTS, name + '.png'), fullPage: false });
}
