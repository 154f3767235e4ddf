// Extraction: the visible text of a post plus a map from text offsets back to DOM text nodes.
'use strict';
(() => {
  const L = globalThis.LureLens;
  // Elements whose text is not post text.
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'TEXTAREA', 'INPUT', 'SELECT', 'BUTTON', L.BADGE_TAG.toUpperCase()]);
  // Elements that start a new line: the engine sees line breaks where the reader does.
  const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'BR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'TD', 'TH',
    'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'FIGCAPTION']);

  // -> {text, nodes: [{node, start}] (sorted by start)}. Offsets are UTF-16 units, like the engine's spans.
  function extract(root) {
    let text = '';
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        if (n.nodeType === 1) {
          if (SKIP.has(n.tagName.toUpperCase()) || n.hidden || n.getAttribute('aria-hidden') === 'true') return NodeFilter.FILTER_REJECT;
          return n.tagName === 'BR' ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    let lastBlock = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 1) { text += '\n'; continue; } // <br>: a line break the reader sees
      const block = blockOf(n, root);
      if (block !== lastBlock && text && !text.endsWith('\n')) text += '\n';
      lastBlock = block;
      if (!n.data) continue;
      nodes.push({ node: n, start: text.length });
      text += n.data;
    }
    return { text, nodes };
  }

  function blockOf(n, root) {
    for (let e = n.parentElement; e && e !== root; e = e.parentElement) if (BLOCK.has(e.tagName)) return e;
    return root;
  }

  // UTF-16 offset -> {node, offset} (binary search over the node map).
  function locate(map, pos, isEnd) {
    const a = map.nodes;
    let lo = 0, hi = a.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (a[mid].start < pos || (!isEnd && a[mid].start === pos)) lo = mid; else hi = mid - 1;
    }
    const e = a[lo];
    if (!e) return null;
    return { node: e.node, offset: Math.max(0, Math.min(pos - e.start, e.node.data.length)) };
  }

  // Engine span [start, end) -> a live DOM Range over the original text nodes (may cross nodes).
  function rangeFor(map, start, end) {
    if (!map.nodes.length || end <= start) return null;
    const s = locate(map, start, false), e = locate(map, end, true);
    if (!s || !e || !s.node.isConnected || !e.node.isConnected) return null;
    const r = document.createRange();
    try { r.setStart(s.node, s.offset); r.setEnd(e.node, e.offset); } catch { return null; }
    return r.collapsed ? null : r;
  }

  L.extract = extract;
  L.rangeFor = rangeFor;
})();
