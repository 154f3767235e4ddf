// The overlay: <lurelens-badge data-level> beside each flagged post; everything else in a closed
// shadow root. Guards itself against pages that remove, restyle or forge it.
'use strict';
(() => {
  const L = globalThis.LureLens;
  const X = globalThis.LureLensExplain;
  const MAX_RESTORES = 20;      // re-insertions per badge before we stop fighting a page (no busy loop)
  const PANEL_WIDTH = 420;      // px, capped at 92vw
  // Inline !important beats any page stylesheet rule, !important included (cascade: style attribute
  // wins within the author origin). Set through CSSOM: a page CSP without 'unsafe-inline' blocks style
  // attributes in markup but not CSSOM writes.
  const HOST_STYLE = [['all', 'initial'], ['display', 'block'], ['visibility', 'visible'], ['opacity', '1'],
    ['position', 'relative'], ['z-index', '2147483646'], ['margin', '0 0 6px 0'], ['transform', 'none'],
    ['filter', 'none'], ['clip-path', 'none'], ['pointer-events', 'auto'], ['float', 'none'],
    ['width', 'fit-content'], ['height', 'auto'], ['max-width', '100%'], ['contain', 'layout style']];

  const ours = new WeakSet();
  const state = new WeakMap(); // host -> {post, level, restores, shadow}
  const byPost = new Map();    // post -> host

  const SHADOW_CSS = `${X.CSS}
:host{all:initial}
.ll-badge{display:inline-flex;align-items:center;gap:.35em;font:600 13px/1.2 system-ui,sans-serif;border-radius:999px;
  padding:.25em .75em;cursor:pointer;border:2px solid currentColor;background:#fff}
.ll-badge[data-level=high]{color:#a00000;background:#fff0f0}.ll-badge[data-level=medium]{color:#7a4200;background:#fff6e6}
.ll-badge[data-level=low]{color:#1d4f91;background:#eef4ff}
.ll-badge:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
.ll-panel{box-sizing:border-box;width:min(${PANEL_WIDTH}px,92vw);max-height:70vh;overflow:auto;margin:0;padding:14px 16px;
  background:#fff;border:1px solid #999;border-radius:8px;box-shadow:0 8px 30px rgba(0,0,0,.3);color:#1b1b1b}
.ll-panel:not(:popover-open){display:none}`;

  function adoptStyle(shadow) {
    try {
      // Constructable sheets are not subject to the page's CSP (an inline <style> can be, under style-src).
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(SHADOW_CSS);
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // Firefox content scripts cannot adopt sheets created in the sandbox's compartment.
      const s = document.createElement('style');
      s.textContent = SHADOW_CSS;
      shadow.append(s);
    }
  }

  function styleHost(host, level, extra = []) {
    for (const [k, v] of [...HOST_STYLE, ...extra]) host.style.setProperty(k, v, 'important');
    if (host.getAttribute('data-level') !== level) host.setAttribute('data-level', level);
  }

  // opts: {result, text, strings, help, onDismiss}
  function makeHost(opts) {
    const { result, strings: t } = opts;
    const host = document.createElement(L.BADGE_TAG);
    ours.add(host);
    styleHost(host, result.level);
    const shadow = host.attachShadow({ mode: 'closed' });
    adoptStyle(shadow);
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'll-badge';
    btn.dataset.level = result.level;
    btn.setAttribute('aria-haspopup', 'dialog');
    btn.setAttribute('aria-expanded', 'false');
    btn.setAttribute('aria-label', `${t[X.LEVEL_KEY[result.level]]}. ${t.badgeOpen}`);
    const icon = document.createElement('span'); icon.textContent = X.ICON[result.level]; icon.setAttribute('aria-hidden', 'true');
    const word = document.createElement('span'); word.textContent = `LureLens: ${t[X.LEVEL_KEY[result.level]]}`;
    btn.append(icon, word);
    const panel = document.createElement('div');
    panel.className = 'll-panel';
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', t.panelHeading);
    panel.popover = 'auto'; // top layer: never clipped by the post, never shifts the page's layout
    panel.addEventListener('toggle', (e) => {
      const open = e.newState === 'open';
      btn.setAttribute('aria-expanded', String(open));
      if (!open) btn.focus({ preventScroll: true });
    });
    const close = () => panel.hidePopover();
    btn.addEventListener('click', () => {
      if (panel.matches(':popover-open')) { close(); return; }
      panel.replaceChildren(X.render({ ...opts, onClose: close, onDismiss: opts.onDismiss && (() => { close(); opts.onDismiss(); }) }));
      panel.showPopover();
      place(panel, btn);
      panel.querySelector('button')?.focus({ preventScroll: true });
    });
    shadow.append(btn, panel);
    state.set(host, { level: result.level, restores: 0, shadow, extra: [], css: host.style.cssText, open: () => btn.click() });
    return host;
  }

  function place(panel, anchor) {
    const r = anchor.getBoundingClientRect();
    const w = Math.min(PANEL_WIDTH, innerWidth * 0.92);
    panel.style.position = 'fixed';
    panel.style.inset = 'auto';
    panel.style.left = Math.max(8, Math.min(r.left, innerWidth - w - 8)) + 'px';
    const below = r.bottom + 6;
    panel.style.top = (below + 200 < innerHeight ? below : Math.max(8, r.top - Math.min(innerHeight * 0.7, 500) - 6)) + 'px';
  }

  function insert(host, post) {
    post.insertBefore(host, post.firstChild);
  }

  // Guard: put back badges a page removes, reset restyling, delete forged badges.
  const guard = new MutationObserver((records) => {
    for (const rec of records) {
      if (rec.type === 'attributes') {
        const st = state.get(rec.target);
        // Only when the page changed something: our own writes also produce records (no loop).
        if (st && (rec.target.style.cssText !== st.css || rec.target.getAttribute('data-level') !== st.level)) {
          styleHost(rec.target, st.level, st.extra);
          st.css = rec.target.style.cssText;
        }
        continue;
      }
      for (const n of rec.removedNodes) {
        const st = ours.has(n) && state.get(n);
        if (!st || !st.post || byPost.get(st.post) !== n || n.isConnected) continue;
        if (st.post.isConnected && st.restores++ < MAX_RESTORES) insert(n, st.post);
      }
      for (const n of rec.addedNodes) {
        if (n.nodeType !== 1) continue;
        const forged = n.localName === L.BADGE_TAG ? [n] : n.querySelectorAll ? n.querySelectorAll(L.BADGE_TAG) : [];
        for (const f of forged) if (!ours.has(f)) f.remove();
      }
    }
  });
  const guardRoot = document.documentElement;
  guard.observe(guardRoot, { childList: true, subtree: true });

  L.overlay = {
    isOurs: (n) => ours.has(n),
    // Draws (or redraws) the badge of a post.
    show(post, opts) {
      this.remove(post);
      const host = makeHost(opts);
      state.get(host).post = post;
      byPost.set(post, host);
      insert(host, post);
      guard.observe(host, { attributes: true });
      return host;
    },
    remove(post) {
      const host = byPost.get(post);
      if (!host) return;
      byPost.delete(post);
      host.remove();
    },
    removeAll() { for (const p of [...byPost.keys()]) this.remove(p); },
    // Context menu result: a floating badge with its panel opened.
    showFloating(opts) {
      const host = makeHost(opts);
      const st = state.get(host);
      st.extra = [['position', 'fixed'], ['top', '12px'], ['right', '12px'], ['left', 'auto']];
      styleHost(host, st.level, st.extra);
      st.css = host.style.cssText;
      document.documentElement.append(host);
      guard.observe(host, { attributes: true });
      state.get(host).open();
      return host;
    },
    // For tests (isolated world only, unreachable from the page): what the closed shadow root shows.
    inspect(host) {
      const st = state.get(host);
      if (!st) return null;
      const panel = st.shadow.querySelector('.ll-panel');
      return { ours: true, level: st.level, badge: st.shadow.querySelector('.ll-badge').textContent,
               open: panel.matches(':popover-open'), panel: panel.innerText || panel.textContent,
               words: [...panel.querySelectorAll('.ll-word')].map((w) => w.textContent) };
    },
    // Tests and the popup's "open first warning" use this; returns whether there was one.
    openFor(post) { const h = byPost.get(post); if (h) state.get(h).open(); return !!h; },
  };
})();
