// End-to-end page benchmark: the built extension in headless Debian Chromium on (1) a page of 500
// posts (about 1 MB of text, the labelled corpora in every language, repeated) and (2) an
// infinite-scroll page that appends the same posts in batches. Prints, for each: main-thread script
// time of the renderer (the page itself runs no script, so this is the content script's work), the
// long tasks (PerformanceObserver, > 50 ms) and the time from navigation until the last badge.
// Also the worker's cold start (wake to engine ready). Figures only: no assertion, no timing gate.
// Run: `node benches/browser/page-bench.mjs` (needs scripts/build-extension.sh first).
import http from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../../tests/e2e/lib/harness.mjs';

// Tuning constants.
const POSTS = 500;              // posts on the static page
const TEXTS_PER_POST = 8;       // corpus texts per post (a post and its comments): ~1 MB in all
const SCROLL_BATCH = 25;        // posts appended per infinite-scroll step
const SCROLL_EVERY_MS = 250;    // time between steps (a fast reader scrolling)
const STABLE_MS = 2000;         // badge count unchanged this long = done
const RUNS = 3;                 // runs per page; the median is printed

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = path.join(ROOT, 'tests', 'corpus');
const esc = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Posts of every language, interleaved, TEXTS_PER_POST corpus texts to a post (the post and its
// comment thread), repeated up to POSTS; each made unique (a post number) so the content script's
// dedupe cannot skip the repeats.
const texts = [];
for (const f of readdirSync(CORPUS).filter((x) => x.endsWith('.jsonl')).sort()) {
  texts.push(readFileSync(path.join(CORPUS, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text));
}
const mixed = [];
for (let i = 0; texts.some((t) => i < t.length); i++) for (const t of texts) if (i < t.length) mixed.push(t[i]);
const posts = Array.from({ length: POSTS }, (_, i) =>
  Array.from({ length: TEXTS_PER_POST }, (_, k) => mixed[(i * TEXTS_PER_POST + k) % mixed.length]).join('\n\n') + `\n#${i + 1}`);
const bytes = posts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const card = (t, i) => `<article class="post" id="p${i}"><h3>Member ${i + 1}</h3><p>${esc(t).replace(/\n/g, '<br>')}</p></article>`;

const STATIC = `<!doctype html><meta charset="utf-8"><title>500 posts</title><main>${posts.map(card).join('\n')}</main>`;
// The infinite-scroll page's script appends batches of ready-made cards (as a feed's framework would).
const SCROLL = `<!doctype html><meta charset="utf-8"><title>infinite</title><main id="feed"></main>
<template id="all">${posts.map(card).join('')}</template>
<script>
  const all = [...document.getElementById('all').content.children];
  let i = 0;
  const step = () => {
    const frag = document.createDocumentFragment();
    for (const c of all.slice(i, i + ${SCROLL_BATCH})) frag.append(c);
    document.getElementById('feed').append(frag);
    i += ${SCROLL_BATCH};
    if (i < all.length) setTimeout(step, ${SCROLL_EVERY_MS});
  };
  step();
</script>`;

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(req.url.startsWith('/scroll') ? SCROLL : STATIC);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

async function measure(h, url) {
  const page = await h.context.newPage();
  // Long tasks from the first moment of the document on.
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const t0 = Date.now();
  await page.goto(url);
  let last = -1, lastChange = Date.now(), lastBadgeAt = 0;
  while (Date.now() - lastChange < STABLE_MS) {
    const n = await page.evaluate(() => document.querySelectorAll('lurelens-badge').length);
    if (n !== last) { last = n; lastChange = Date.now(); lastBadgeAt = Date.now() - t0; }
    await page.waitForTimeout(50);
  }
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const long = await page.evaluate(() => window.__long);
  const posts = await page.evaluate(() => document.querySelectorAll('article.post').length);
  await page.close();
  return { posts, badges: last, lastBadgeMs: lastBadgeAt, scriptMs: m.ScriptDuration * 1e3, taskMs: m.TaskDuration * 1e3, longTasks: long.length, longestMs: Math.max(0, ...long) };
}

const h = await launch();
try {
  console.log(`browser: Chromium ${h.context.browser()?.version() || ''} headless, extension loaded unpacked`);
  console.log(`feed: ${POSTS} posts, ${(bytes / 1e6).toFixed(2)} MB of text, ${texts.length} languages`);
  for (const [name, url] of [['static page, 500 posts', `${origin}/static`], [`infinite scroll, ${SCROLL_BATCH} posts every ${SCROLL_EVERY_MS} ms`, `${origin}/scroll`]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(h, url));
    const k = (key) => median(runs.map((r) => r[key]));
    console.log(`${name}: ${k('posts')} posts, ${k('badges')} badges; last badge after ${k('lastBadgeMs').toFixed(0)} ms; main-thread script ${k('scriptMs').toFixed(0)} ms` +
      ` (all tasks ${k('taskMs').toFixed(0)} ms); long tasks > 50 ms: ${k('longTasks')} (longest ${k('longestMs').toFixed(0)} ms)  [median of ${RUNS}]`);
  }
  // Worker wake: stop the service worker (as Chrome does after 30 s idle), then send a message
  // from an extension page and time the answer, which needs the engine (fetch wasm + rules,
  // instantiate, build).
  const ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extId}/popup/popup.html`);
  const cdp = await h.context.newCDPSession(ext);
  await cdp.send('ServiceWorker.enable');
  const wake = [], build = [];
  for (let i = 0; i < 5; i++) {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await ext.waitForTimeout(300);
    const r = await ext.evaluate(async () => {
      const t = performance.now();
      const { coldMs } = await chrome.runtime.sendMessage({ type: 'info' });
      return { total: performance.now() - t, coldMs };
    });
    wake.push(r.total); build.push(r.coldMs);
  }
  console.log(`worker wake to engine ready: ${median(wake).toFixed(1)} ms (of which wasm instantiate + rules + engine build ${median(build).toFixed(1)} ms)  [median of 5]`);
} finally {
  await h.close();
  server.close();
}
