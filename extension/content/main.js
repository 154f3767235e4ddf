// Content script entry: settings from the worker, adapter for this site, scheduler -> overlay.
'use strict';
(() => {
  const L = globalThis.LureLens;
  if (L.started) return; // injected twice (extension reload): keep the first instance
  L.started = true;
  const STATS_DEBOUNCE_MS = 400;
  const SHOWN = { low: ['high'], normal: ['medium', 'high'], all: ['low', 'medium', 'high'] };

  const host = location.hostname;
  const adapter = L.adapterFor(host);
  // post -> {hash, result, text, shown}: the last result of every scanned post (page stats, the
  // moderator side panel, next/previous flagged post).
  const records = L.records = new Map();
  let ctx = null;           // {settings, strings, help}
  let statsTimer = 0;

  const send = (msg) => chrome.runtime.sendMessage(msg).then((r) => {
    if (r && r.error) throw new Error(r.error);
    return r;
  });

  const scheduler = L.createScheduler({
    adapter,
    scan: (items) => send({ type: 'scan', items }).then((r) => r.results),
    render,
  });

  function enabled() { return !ctx.settings.disabledSites.includes(host); }

  function render(post, map, hash, result) {
    const shown = (SHOWN[ctx.settings.sensitivity] || SHOWN.normal).includes(result.level) && !ctx.settings.dismissed[hash];
    records.set(post, { hash, result, text: map.text, shown });
    if (!shown) {
      L.overlay.remove(post); L.highlight.clear(post);
    } else {
      L.overlay.show(post, { result, text: map.text, strings: ctx.strings, help: ctx.help, detailed: ctx.settings.sensitivity === 'all',
        onDismiss: () => dismiss(post, hash) });
      L.highlight.set(post, result.level, map, result);
    }
    reportStats();
  }

  async function dismiss(post, hash) {
    L.overlay.remove(post); L.highlight.clear(post);
    if (records.has(post)) records.get(post).shown = false;
    reportStats();
    const { dismissed = {} } = await chrome.storage.local.get('dismissed');
    dismissed[hash] = Date.now();
    ctx.settings.dismissed[hash] = dismissed[hash];
    await chrome.storage.local.set({ dismissed });
  }

  function reportStats() {
    clearTimeout(statsTimer);
    statsTimer = setTimeout(() => {
      let high = 0, medium = 0, scanned = 0;
      for (const [p, { result }] of records) {
        if (!p.isConnected) { records.delete(p); continue; }
        scanned++; if (result.level === 'high') high++; else if (result.level === 'medium') medium++;
      }
      send({ type: 'stats', report: { host, scanned, high, medium, flagged: high + medium, enabled: enabled() } }).catch(() => {});
    }, STATS_DEBOUNCE_MS);
  }

  async function boot() {
    ctx = await send({ type: 'settings' });
    scheduler.stop();
    L.overlay.removeAll(); L.highlight.clearAll(); records.clear();
    if (enabled()) scheduler.start(); else reportStats();
  }

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    if (keys.some((k) => ['lang', 'country', 'sensitivity', 'disabledSites'].includes(k))) {
      scheduler.reset(); boot();
    }
  });

  chrome.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
    if (msg?.type === 'showSelectionResult' && ctx) {
      L.overlay.showFloating({ result: msg.result, text: msg.text, strings: ctx.strings, help: ctx.help });
    } else if (msg?.type === 'pageStats') {
      sendResponse({ host, adapter: adapter.name });
    }
    return false;
  });

  L.adapter = adapter;
  boot().catch((e) => console.warn('LureLens: not started', e));
})();
