// Runs inside headless Chromium (driven by bench.mjs): the real built .wasm against the same rules
// run the way most extensions do it, each rule a JavaScript RegExp, one after another, on the same
// texts in the same run. Results go to window.__result.

// Tuning constants.
const FEED_BYTES = 100_000;      // size of the warm-scan feed (issue 5: 100 KB)
const WARM_ROUNDS = 30;          // rounds of the wasm scan (median reported)
const BASELINE_ROUNDS = 5;       // rounds of the JS baseline (slower, fewer rounds)
const COLD_RUNS = 5;             // fresh instantiate + build, median

const now = () => performance.now();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function corpusPosts() {
  const posts = [];
  for (const lang of ['en', 'th', 'vi', 'id', 'ms', 'tl', 'km', 'lo', 'my', 'zh']) {
    const r = await fetch(`/tests/corpus/${lang}.jsonl`);
    if (!r.ok) continue;
    const lines = (await r.text()).split('\n').filter((l) => l.trim());
    posts.push(lines.map((l) => JSON.parse(l).text));
  }
  // Interleave languages, repeat to the feed size.
  const mixed = [];
  for (let i = 0; mixed.length < 100000 && posts.some((p) => i < p.length); i++) for (const p of posts) if (i < p.length) mixed.push(p[i]);
  const feed = [];
  let bytes = 0;
  while (bytes < FEED_BYTES) { const t = mixed[feed.length % mixed.length]; feed.push(t); bytes += new TextEncoder().encode(t).length; }
  return { feed, bytes };
}

// The baseline: every phrase and pattern of the bundle as a JS RegExp, run one after another.
// Rust regex syntax is close to JS: `(?s:.)` needs RegExp modifiers (Chromium 125+); `\b` is an
// ASCII word boundary in both. Patterns JS cannot compile are counted and skipped.
function baselineRules(bundle) {
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const out = [];
  let skipped = 0;
  for (const r of bundle.rules) {
    for (const p of r.phrases || []) out.push(new RegExp(esc(p.toLowerCase()), 'gu'));
    for (const p of r.patterns || []) {
      try { out.push(new RegExp(p, 'gu')); } catch { skipped++; }
    }
  }
  return { regexps: out, skipped };
}

function baselineScan(regexps, text) {
  const t = text.normalize('NFKC').toLowerCase();
  let hits = 0;
  for (const re of regexps) {
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(t)) !== null) { hits++; if (m[0].length === 0) re.lastIndex++; }
  }
  return hits;
}

async function run() {
  const mod = await import('/extension/pkg/lurelens.js');
  const bundleText = await (await fetch('/extension/rules/bundle.json')).text();

  // Cold start as after a service-worker wake: fetch + compile + instantiate the wasm, parse the
  // bundle, build the engine. The HTTP cache is bypassed for the wasm.
  const cold = [];
  let engine;
  for (let i = 0; i < COLD_RUNS; i++) {
    const t0 = now();
    const bytes = await (await fetch('/extension/pkg/lurelens_bg.wasm', { cache: 'no-store' })).arrayBuffer();
    const t1 = now();
    const module = await WebAssembly.compile(bytes);
    mod.initSync({ module });
    const t2 = now();
    engine = new mod.Engine(bundleText);
    const t3 = now();
    cold.push({ fetch: t1 - t0, instantiate: t2 - t1, build: t3 - t2, total: t3 - t0 });
  }
  const info = engine.info();
  const { feed, bytes } = await corpusPosts();

  // Warm scan: the engine is built; first round warms caches and is not counted.
  for (const t of feed) engine.scan(t, {});
  const warm = [];
  let flagged = 0;
  for (let r = 0; r < WARM_ROUNDS; r++) {
    const t0 = now();
    flagged = 0;
    for (const t of feed) { const rep = engine.scan(t, {}); if (rep.level === 'medium' || rep.level === 'high') flagged++; }
    warm.push(now() - t0);
  }
  // The same feed through scanBatch (one crossing of the boundary per batch).
  const items = feed.map((text, id) => ({ id, text }));
  const batch = [];
  for (let r = 0; r < WARM_ROUNDS; r++) { const t0 = now(); engine.scanBatch(items, {}); batch.push(now() - t0); }

  const { regexps, skipped } = baselineRules(JSON.parse(bundleText));
  for (const t of feed) baselineScan(regexps, t);
  const base = [];
  for (let r = 0; r < BASELINE_ROUNDS; r++) { const t0 = now(); for (const t of feed) baselineScan(regexps, t); base.push(now() - t0); }

  const mbps = (ms) => bytes / 1e6 / (ms / 1000);
  window.__result = {
    userAgent: navigator.userAgent,
    rules: info.rules,
    posts: feed.length,
    bytes,
    flagged,
    cold: { median_total_ms: median(cold.map((c) => c.total)), median_fetch_ms: median(cold.map((c) => c.fetch)), median_instantiate_ms: median(cold.map((c) => c.instantiate)), median_build_ms: median(cold.map((c) => c.build)) },
    wasm: { median_ms: median(warm), mb_per_s: mbps(median(warm)), per_post_us: (median(warm) * 1000) / feed.length },
    wasm_batch: { median_ms: median(batch), mb_per_s: mbps(median(batch)) },
    js_baseline: { regexps: regexps.length, skipped_patterns: skipped, median_ms: median(base), mb_per_s: mbps(median(base)) },
    speedup: median(base) / median(warm),
  };
}

run().catch((e) => { window.__result = { error: String(e && e.stack || e) }; });
