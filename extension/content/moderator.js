// Moderator support in the page: the side panel's list of every scanned post, "jump to post", and
// next / previous flagged post (keyboard commands, relayed by the worker). Reads what main.js
// recorded in L.records; answers the extension only (runtime messages never come from the page).
'use strict';
(() => {
  const L = globalThis.LureLens;
  const EXCERPT_CHARS = 160;  // post text shown per row in the side panel
  const FLASH_MS = 1800;      // how long a post jumped to stays tinted
  const FOCUS_HIGHLIGHT = 'lurelens-focus';

  let current = null;   // the post last jumped to (next/previous start from it)
  let flashTimer = 0;

  // Connected posts in document order.
  function ordered() {
    const posts = [...L.records.keys()].filter((p) => p.isConnected);
    posts.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return posts;
  }

  // UTF-16 offset -> code point offset: exports use the CLI's JSONL unit (code points).
  function codePoints(text, u16) {
    let n = 0;
    for (let i = 0; i < u16; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < u16) i++;
      n++;
    }
    return n;
  }

  function describe(post, position) {
    const { hash, result, text, shown } = L.records.get(post);
    return {
      position,
      id: hash,
      score: result.score,
      level: result.level,
      shown,
      excerpt: text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS),
      findings: result.findings.map((f) => ({
        rule: f.rule, indicator: f.indicator, weight: f.weight, counted: f.counted, legit: !!f.legit, title: f.title || '',
        spans: f.spans.map(([s, e]) => [codePoints(text, s), codePoints(text, e)]),
        words: [...new Set(f.spans.map(([s, e]) => text.slice(s, e).trim()))].filter(Boolean),
      })),
      combos: (result.combos || []).map((c) => ({ id: c.id, indicators: c.indicators, weight: c.weight })),
    };
  }

  function flash(post) {
    clearTimeout(flashTimer);
    const r = new Range();
    r.selectNodeContents(post);
    CSS.highlights.set(FOCUS_HIGHLIGHT, new Highlight(r));
    flashTimer = setTimeout(() => CSS.highlights.delete(FOCUS_HIGHLIGHT), FLASH_MS);
  }

  function focus(post) {
    current = post;
    post.scrollIntoView({ block: 'center', behavior: 'instant' });
    flash(post);
    // A flagged post's badge opens its explanation and takes the keyboard focus.
    L.overlay.openFor(post);
  }

  // dir = 1 (next) or -1 (previous) among the posts whose badge is shown.
  function step(dir) {
    const flagged = ordered().filter((p) => L.records.get(p).shown);
    if (!flagged.length) return null;
    let i = current ? flagged.indexOf(current) : -1;
    if (i < 0) {
      // Not on a flagged post yet: start from the viewport.
      const firstBelow = flagged.findIndex((p) => p.getBoundingClientRect().top >= 0);
      i = dir > 0 ? (firstBelow < 0 ? flagged.length : firstBelow) - 1 : (firstBelow < 0 ? flagged.length : firstBelow);
    }
    const next = flagged[(i + dir + flagged.length) % flagged.length];
    focus(next);
    return ordered().indexOf(next);
  }

  chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    if (msg?.type === 'listPosts') {
      const posts = ordered().map(describe);
      sendResponse({ url: location.href, host: location.hostname, adapter: L.adapter?.name || '', posts });
    } else if (msg?.type === 'focusPost') {
      const post = ordered()[msg.position | 0];
      if (post) focus(post);
      sendResponse({ ok: !!post });
    } else if (msg?.type === 'step') {
      sendResponse({ position: step(msg.dir < 0 ? -1 : 1) });
    }
    return false;
  });
})();
