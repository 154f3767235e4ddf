// Scheduler: finds posts (initial page + MutationObserver, debounced), extracts them in small time
// slices, sends batches to the worker, hands results to the renderer. Each text is scanned once.
'use strict';
(() => {
  const L = globalThis.LureLens;
  const DEBOUNCE_MS = 250;     // wait for a burst of DOM changes (infinite scroll) to settle
  const MAX_WAIT_MS = 1000;    // ...but no longer than this: a feed that never stops changing (a
                               // live chat, a ticker, steady infinite scroll) would starve a plain debounce
  const SLICE_MS = 8;          // extraction work per idle slice, so scrolling stays smooth
  const BATCH_MAX = 32;        // posts per message to the worker
  const IDLE_TIMEOUT_MS = 500; // requestIdleCallback deadline: busy pages still get scanned

  // requestIdleCallback is missing in some contexts (older Safari-like engines); setTimeout then.
  const idle = typeof requestIdleCallback === 'function'
    ? (fn) => requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS })
    : (fn) => setTimeout(() => fn({ timeRemaining: () => SLICE_MS, didTimeout: true }), 16);

  L.createScheduler = function createScheduler({ adapter, scan, render }) {
    const pendingRoots = new Set();
    const queue = new Set();          // posts waiting for extraction
    let seen = new WeakMap();         // post -> hash of the text last handled
    const cache = new Map();          // hash -> result (same text elsewhere: no second scan)
    let timer = 0, firstPending = 0, working = false, stopped = false;

    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (isOwn(r)) continue;
        pendingRoots.add(r.type === 'characterData' ? r.target.parentElement : r.target);
      }
      if (pendingRoots.size) schedule();
    });

    // Our own badge insertions/removals must not trigger rescans.
    function isOwn(r) {
      if (r.type !== 'childList') return false;
      const nodes = [...r.addedNodes, ...r.removedNodes];
      return nodes.length > 0 && nodes.every((n) => n.localName === L.BADGE_TAG);
    }

    function schedule() {
      const now = performance.now();
      if (!firstPending) firstPending = now;
      clearTimeout(timer);
      timer = setTimeout(collect, Math.max(0, Math.min(DEBOUNCE_MS, firstPending + MAX_WAIT_MS - now)));
    }

    function collect() {
      firstPending = 0;
      for (const root of pendingRoots) if (root && root.isConnected) for (const p of adapter.posts(root)) queue.add(p);
      pendingRoots.clear();
      if (!working && queue.size) { working = true; idle(slice); }
    }

    function slice(deadline) {
      const batch = [];
      const t0 = performance.now();
      for (const post of queue) {
        queue.delete(post);
        if (!post.isConnected) continue;
        const map = L.extract(post);
        const h = L.hash(map.text);
        if (seen.get(post) === h) continue;
        seen.set(post, h);
        if (cache.has(h)) render(post, map, h, cache.get(h));
        else batch.push({ post, map, h });
        if (batch.length >= BATCH_MAX) break;
        if (performance.now() - t0 > SLICE_MS && !deadline.didTimeout) break;
      }
      const done = () => {
        if (queue.size && !stopped) idle(slice); else working = false;
      };
      if (!batch.length) { done(); return; }
      // Identical texts in one batch are sent once.
      const uniq = [...new Map(batch.map((b) => [b.h, b.map.text])).entries()].map(([id, text]) => ({ id, text }));
      scan(uniq).then((results) => {
        const byId = new Map(results.map((r) => [r.id, r]));
        for (const b of batch) {
          const r = byId.get(b.h);
          if (!r) continue;
          cache.set(b.h, r);
          if (!stopped && b.post.isConnected) render(b.post, b.map, b.h, r);
        }
      }, (e) => console.warn('LureLens: scan failed', e)).finally(done);
    }

    return {
      start() {
        stopped = false;
        seen = new WeakMap();
        pendingRoots.add(document.body || document.documentElement);
        collect();
        observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      },
      stop() { stopped = true; observer.disconnect(); clearTimeout(timer); queue.clear(); pendingRoots.clear(); },
      // Forget what was handled (settings changed): the next start() redraws from the cache.
      reset() { cache.clear(); },
      forget(post) { seen.delete(post); },
      cached: cache,
    };
  };
})();
