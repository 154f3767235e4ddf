// Highlights of trigger words with the CSS Custom Highlight API: one Highlight per level, ranges per post.
'use strict';
(() => {
  const L = globalThis.LureLens;
  const byPost = new Map(); // post element -> {level, ranges}
  const supported = typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function';

  function registry(level) {
    const name = 'lurelens-' + level;
    let h = CSS.highlights.get(name);
    // A page may delete or replace our entry; re-register a fresh one then.
    if (!h) { h = new Highlight(); CSS.highlights.set(name, h); }
    return h;
  }

  L.highlight = {
    set(post, level, map, result) {
      if (!supported) return 0;
      this.clear(post);
      const ranges = [];
      for (const f of result.findings) {
        if (f.legit) continue;
        for (const [s, e] of f.spans) { const r = L.rangeFor(map, s, e); if (r) ranges.push(r); }
      }
      const h = registry(level);
      for (const r of ranges) h.add(r);
      byPost.set(post, { level, ranges });
      return ranges.length;
    },
    clear(post) {
      const entry = byPost.get(post);
      if (!entry || !supported) return;
      const h = CSS.highlights.get('lurelens-' + entry.level);
      if (h) for (const r of entry.ranges) h.delete(r);
      byPost.delete(post);
    },
    clearAll() { for (const p of [...byPost.keys()]) this.clear(p); },
  };
})();
