// Service worker (Firefox: background script). Owns the Engine; one message dispatcher; no DOM.
import { getEngine } from './engine.js';
import { getSettings, setSettings, getStrings } from './settings.js';
import { reportStats, getStats, forgetTab } from './stats.js';
import { installMenu, onMenuClick } from './menu.js';
import { onCommand } from './commands.js';

// Bounds on what one message may ask for, so a page cannot make the worker scan megabytes at once.
const MAX_BATCH = 64;
const MAX_TEXT = 20000; // UTF-16 units per post; longer texts are cut (spans stay valid: prefix)

async function scan(items, settings) {
  const { engine } = await getEngine();
  const batch = items.slice(0, MAX_BATCH).map((i) => ({ id: i.id, text: String(i.text).slice(0, MAX_TEXT) }));
  const opts = { lang: settings.effectiveLang };
  if (settings.effectiveCountry) opts.origin = settings.effectiveCountry;
  return engine.scanBatch(batch, opts);
}

async function helpFor(settings) {
  const { engine } = await getEngine();
  const h = engine.help();
  const steps = (h.steps.find((s) => s.lang === settings.effectiveLang) || h.steps.find((s) => s.lang === 'en') || { items: [] }).items;
  let hotline = h.hotline.filter((x) => x.country === settings.effectiveCountry);
  if (!hotline.length) hotline = h.hotline.filter((x) => x.country === 'default');
  return { steps, hotline };
}

const handlers = {
  // {type:'scan', items:[{id,text}]} -> {results:[...]}
  async scan(msg) {
    const settings = await getSettings();
    return { results: await scan(Array.isArray(msg.items) ? msg.items : [], settings) };
  },
  // {type:'settings', set?:{...}} -> {settings, strings, help}
  async settings(msg) {
    const settings = msg.set ? await setSettings(msg.set) : await getSettings();
    const [strings, help] = await Promise.all([getStrings(settings.effectiveLang), helpFor(settings)]);
    return { settings, strings, help };
  },
  // {type:'stats', report?:{...}, tabId?} : content scripts report, the popup reads.
  async stats(msg, sender) {
    if (msg.report) { await reportStats(sender.tab?.id, msg.report); return { ok: true }; }
    return { stats: await getStats(msg.tabId) };
  },
  // {type:'info'} -> engine info + cold start (popup footer, timing checks).
  async info() {
    const { engine, coldMs } = await getEngine();
    return { info: engine.info(), coldMs };
  },
};

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  const h = msg && Object.hasOwn(handlers, msg.type) ? handlers[msg.type] : null;
  if (!h) return false;
  // sendResponse + `return true` rather than returning a promise: works in Chrome and Firefox alike.
  h(msg, sender).then(sendResponse, (e) => sendResponse({ error: String(e?.message || e) }));
  return true;
});

chrome.runtime.onInstalled.addListener(installMenu);
chrome.contextMenus.onClicked.addListener((info, tab) => onMenuClick(info, tab, handlers));
chrome.tabs.onRemoved.addListener((tabId) => { forgetTab(tabId); });
chrome.commands.onCommand.addListener((command, tab) => { onCommand(command, tab); });

// Expose for tests/timing (sw.evaluate in Playwright); not reachable from pages.
self.lurelens = { getEngine, handlers, menuClick: (info, tab) => onMenuClick(info, tab, handlers), command: onCommand };
