// Browser benchmark: serves the repository on 127.0.0.1, opens bench.html in headless Debian
// Chromium (playwright-core) and prints the figures. Needs the built extension
// (scripts/build-extension.sh). Run: `make bench-browser` or `node benches/browser/bench.mjs`.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.jsonl': 'text/plain; charset=utf-8', '.wasm': 'application/wasm' };
const TIMEOUT_MS = 300_000;

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const file = path.join(ROOT, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(ROOT)) { res.writeHead(403); return res.end(); }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  } catch { res.writeHead(404); res.end(); }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox'] });
try {
  const page = await browser.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error('[page]', m.text()); });
  await page.goto(`http://127.0.0.1:${port}/benches/browser/bench.html`);
  await page.waitForFunction(() => window.__result, null, { timeout: TIMEOUT_MS, polling: 500 });
  const r = await page.evaluate(() => window.__result);
  if (r.error) throw new Error(r.error);
  const f = (x, d = 1) => x.toFixed(d);
  console.log(`browser: ${r.userAgent}`);
  console.log(`feed: ${r.posts} posts, ${r.bytes} bytes, ${r.rules} rules, ${r.flagged} flagged`);
  console.log(`cold start (fetch + compile + instantiate + build engine), median: ${f(r.cold.median_total_ms)} ms  [fetch ${f(r.cold.median_fetch_ms)}, instantiate ${f(r.cold.median_instantiate_ms)}, build ${f(r.cold.median_build_ms)}]`);
  console.log(`wasm warm scan, per post: ${f(r.wasm.median_ms, 2)} ms for the feed = ${f(r.wasm.mb_per_s)} MB/s, ${f(r.wasm.per_post_us)} µs per post`);
  console.log(`wasm warm scan, scanBatch: ${f(r.wasm_batch.median_ms, 2)} ms = ${f(r.wasm_batch.mb_per_s)} MB/s`);
  console.log(`JS RegExp baseline (${r.js_baseline.regexps} RegExps, ${r.js_baseline.skipped_patterns} patterns JS cannot compile): ${f(r.js_baseline.median_ms, 2)} ms = ${f(r.js_baseline.mb_per_s)} MB/s`);
  console.log(`wasm is ${f(r.speedup)}x the JS baseline`);
  console.log(JSON.stringify(r));
} finally {
  await browser.close();
  server.close();
}
