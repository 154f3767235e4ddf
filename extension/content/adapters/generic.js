// Generic adapter: post-like blocks on any page (articles, list items, cards with enough text).
// Also the base every site adapter is built from (L.defineAdapter).
'use strict';
(() => {
  const L = globalThis.LureLens;
  const MIN_TEXT = 50; // characters of textContent below which a block is a label, not a post

  // {name, hosts: [hostname suffixes] | null, selector, minText?, innermost?: bool}
  L.defineAdapter = function defineAdapter(spec) {
    const minText = spec.minText ?? MIN_TEXT;
    const qualifies = (el) => (el.textContent || '').trim().length >= minText;
    const a = {
      name: spec.name,
      selector: spec.selector,
      matches(host) { return !spec.hosts || spec.hosts.some((h) => host === h || host.endsWith('.' + h)); },
      // Posts in or around `root` (root itself, its nearest post ancestor, posts inside it).
      posts(root) {
        const found = new Set();
        const el = root.nodeType === 1 ? root : root.parentElement;
        if (!el) return [];
        let up = el.closest(spec.selector);
        // Outermost mode: a change deep inside a post belongs to the outermost matching wrapper.
        while (up && spec.innermost === false && up.parentElement?.closest(spec.selector)) up = up.parentElement.closest(spec.selector);
        if (up) found.add(up);
        for (const p of el.querySelectorAll(spec.selector)) found.add(p);
        const out = [];
        for (const p of found) {
          if (!qualifies(p)) continue;
          // Innermost wins by default: a card inside a container card is the post; site adapters
          // with precise selectors turn this off (comments inside a post are part of it).
          if (spec.innermost !== false) {
            if ([...p.querySelectorAll(spec.selector)].some(qualifies)) continue;
          } else {
            // Outermost wins: the post wrapper, not its inner article or comments.
            const outer = p.parentElement?.closest(spec.selector);
            if (outer && qualifies(outer)) continue;
          }
          out.push(p);
        }
        return out;
      },
    };
    if (spec.hosts) L.adapters.unshift(a); else L.adapters.push(a);
    return a;
  };

  L.defineAdapter({
    name: 'generic',
    hosts: null,
    selector: 'article, [role="article"], li, [class*="card" i], [class*="post" i], [class*="job" i], [class*="listing" i]',
  });

  // The first adapter for this host; the generic one matches everything and is registered last.
  L.adapterFor = (host) => L.adapters.find((a) => a.matches(host));
})();
