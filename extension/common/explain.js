// The explanation view, shared by the in-page overlay, the popup and the demo page.
// Builds DOM with textContent only: page text is data, never HTML.
'use strict';
(() => {
  const ICON = { high: '⛔', medium: '⚠️', low: 'ℹ️', none: '✅' };
  const LEVEL_KEY = { high: 'levelHigh', medium: 'levelMedium', low: 'levelLow', none: 'levelNone' };
  const MAX_WORDS = 6; // trigger snippets shown per finding

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // Findings of the same indicator share a card: merge them, keep the distinct trigger words.
  function groupFindings(result, text) {
    const groups = new Map();
    for (const f of result.findings) {
      if (f.legit) continue;
      const g = groups.get(f.indicator) || { indicator: f.indicator, title: f.title || f.indicator, why: f.why, action: f.action,
        strength: f.strength, ilo: f.ilo, weight: 0, words: new Set(), rules: [] };
      g.rules.push(f.rule);
      g.weight = Math.max(g.weight, f.counted ? f.weight : 0);
      for (const [s, e] of f.spans) { const w = text.slice(s, e).trim(); if (w) g.words.add(w); }
      groups.set(f.indicator, g);
    }
    return [...groups.values()].sort((a, b) => b.weight - a.weight);
  }

  // A link the reader may open: only on their click, in a new tab, telling the site nothing.
  function link(href, label) {
    const a = el('a', 'll-link', label);
    a.href = href;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }

  // -> Element. opts: {result, text, strings, help:{steps,verify,hotline}, detailed?, onDismiss?, onClose?}
  // `detailed` (annotate-all, for trainers): each card also names the indicator, its strength, the
  // ILO reference and the rules that fired.
  function render(opts) {
    const { result, text, strings: t, help } = opts;
    const root = el('div', 'll-explain');
    root.dataset.level = result.level;
    const head = el('div', 'll-head');
    head.append(el('span', 'll-icon', ICON[result.level] || ''), el('h2', 'll-level', t[LEVEL_KEY[result.level]] || result.level));
    head.append(el('span', 'll-score', `${t.scoreLabel || 'Score'} ${result.score}`));
    root.append(head);
    const groups = groupFindings(result, text);
    if (groups.length) {
      root.append(el('h3', 'll-sub', t.panelHeading));
      const ul = el('ul', 'll-findings');
      for (const g of groups) {
        const li = el('li', 'll-finding');
        li.append(el('strong', 'll-title', g.title));
        if (g.words.size) {
          const p = el('p', 'll-words');
          p.append(el('span', 'll-label', t.triggerWords + ' '));
          for (const w of [...g.words].slice(0, MAX_WORDS)) p.append(el('q', 'll-word', w), ' ');
          li.append(p);
        }
        if (g.why) { const p = el('p', 'll-why'); p.append(el('span', 'll-label', t.whyLabel + ' '), g.why); li.append(p); }
        if (g.action) { const p = el('p', 'll-action'); p.append(el('span', 'll-label', t.actionLabel + ' '), g.action); li.append(p); }
        if (opts.detailed) {
          const p = el('p', 'll-ref');
          p.append(el('span', 'll-label', `${g.indicator} · ${t['strength' + g.strength] || g.strength} · `), g.ilo || '');
          p.append(el('span', 'll-rules', ' ' + [...new Set(g.rules)].join(' ')));
          li.append(p);
        }
        ul.append(li);
      }
      root.append(ul);
    }
    if (result.combos?.length) {
      root.append(el('h3', 'll-sub', t.combosHeading));
      const ul = el('ul', 'll-combos');
      for (const c of result.combos) {
        const li = el('li', 'll-combo');
        li.append(el('strong', 'll-title', c.title || c.id));
        if (c.why) li.append(el('p', 'll-why', c.why));
        if (c.action) li.append(el('p', 'll-action', c.action));
        ul.append(li);
      }
      root.append(ul);
    }
    if (result.level !== 'none' && help) {
      if (help.steps?.length) {
        root.append(el('h3', 'll-sub', t.stepsHeading));
        const ol = el('ol', 'll-steps');
        for (const s of help.steps) ol.append(el('li', null, s));
        root.append(ol);
      }
      if (help.verify) {
        root.append(el('h3', 'll-sub', help.verify.title));
        const ol = el('ol', 'll-verify');
        for (const s of help.verify.steps) ol.append(el('li', null, s));
        root.append(ol);
        if (help.verify.link) { const p = el('p', 'll-official'); p.append(link(help.verify.link, t.openOfficial || help.verify.link)); root.append(p); }
      }
      if (help.hotline?.length) {
        root.append(el('h3', 'll-sub', t.hotlineHeading));
        const ul = el('ul', 'll-hotlines');
        for (const h of help.hotline) {
          const li = el('li', 'll-hotline');
          li.append(/^https?:/.test(h.contact) ? link(h.contact, h.contact) : el('strong', null, h.contact), ' — ', h.name);
          if (h.hours) li.append(el('span', 'll-hours', ` (${h.hours})`));
          ul.append(li);
        }
        root.append(ul);
      }
    }
    const bar = el('div', 'll-buttons');
    if (opts.onDismiss) { const b = el('button', 'll-dismiss', t.thisIsFine); b.type = 'button'; b.addEventListener('click', opts.onDismiss); bar.append(b); }
    if (opts.onClose) { const b = el('button', 'll-close', t.close); b.type = 'button'; b.addEventListener('click', opts.onClose); bar.append(b); }
    if (bar.childNodes.length) root.append(bar);
    return root;
  }

  const CSS = `
.ll-explain{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans Thai",sans-serif;color:#1b1b1b;text-align:left}
.ll-head{display:flex;align-items:center;gap:.5em;border-bottom:1px solid #ddd;padding-bottom:.4em}
.ll-icon{font-size:1.4em}.ll-level{font-size:1.15em;margin:0;flex:1}.ll-score{color:#555;font-size:.9em}
.ll-explain[data-level=high] .ll-level{color:#a00000}.ll-explain[data-level=medium] .ll-level{color:#8a4b00}
.ll-sub{font-size:1em;margin:.8em 0 .3em}
.ll-findings,.ll-combos,.ll-hotlines{list-style:none;margin:0;padding:0}
.ll-finding,.ll-combo{margin:0 0 .6em;padding:.4em .6em;border-left:4px solid #d9822b;background:#fff8f0}
.ll-explain[data-level=high] .ll-finding{border-left-color:#c00000;background:#fff3f3}
.ll-finding p,.ll-combo p{margin:.25em 0}.ll-label{font-weight:600}
.ll-word{background:#ffe08a;padding:0 .2em;border-radius:2px;quotes:"\\201C" "\\201D"}
.ll-steps,.ll-verify{margin:0;padding-left:1.4em}.ll-hotline{margin:.2em 0}.ll-hours{color:#555}
.ll-link{color:#0b57d0}.ll-official{margin:.3em 0}.ll-ref{font-size:.85em;color:#444}.ll-rules{font-family:ui-monospace,monospace;color:#666}
.ll-buttons{display:flex;gap:.5em;justify-content:flex-end;margin-top:.8em}
.ll-buttons button{font:inherit;padding:.35em .8em;border:1px solid #888;border-radius:4px;background:#f4f4f4;cursor:pointer}
.ll-buttons button:focus-visible{outline:3px solid #1a73e8;outline-offset:1px}`;

  // Extension pages (popup, demo) style the view with the same sheet the overlay's shadow root uses.
  function adoptStyles(doc = document) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }

  globalThis.LureLensExplain = { render, adoptStyles, CSS, ICON, LEVEL_KEY };
})();
