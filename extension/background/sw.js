// Service worker (Firefox: background script). Owns the Engine; one message dispatcher; no DOM.
import { getEngine } from './engine.js';
import { getSettings, setSettings, getStrings, uiLang } from './settings.js';
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
  if (settings.effectiveCountry && settings.effectiveCountry !== 'default') opts.origin = settings.effectiveCountry;
  return engine.scanBatch(batch, opts);
}

// Kinds of help line in the order a reader needs them (rules/data/help.toml `kind`).
const HOTLINE_ORDER = ['trafficking', 'migrant', 'labour', 'scam', 'police', 'embassy'];

// What to do and whom to call, for the reader's country in the reader's language (English, then
// the general entries, where there is nothing more specific).
let helpCache = null;
async function helpFor(lang, country) {
  // help.toml as JS objects, converted once per engine (settings are asked for on every page load).
  const { engine } = await getEngine();
  if (helpCache?.engine !== engine) helpCache = { engine, data: engine.help() };
  const h = helpCache.data;
  const inLang = (xs) => xs.find((x) => x.lang === lang) || xs.find((x) => x.lang === 'en') || xs[0] || null;
  const forCountry = (xs) => {
    const mine = xs.filter((x) => x.country === country);
    return mine.length ? mine : xs.filter((x) => x.country === 'default');
  };
  const steps = inLang(h.steps)?.items || [];
  const verify = inLang(forCountry(h.verify));
  const hotline = forCountry(h.hotline)
    .map((x) => ({ ...x, name: x.names?.[lang] || x.name }))
    .sort((a, b) => HOTLINE_ORDER.indexOf(a.kind) - HOTLINE_ORDER.indexOf(b.kind));
  return { steps, verify, hotline };
}

const handlers = {
  // {type:'scan', items:[{id,text}]} -> {results:[...]}
  async scan(msg) {
    const settings = await getSettings();
    return { results: await scan(Array.isArray(msg.items) ? msg.items : [], settings) };
  },
  // {type:'settings', set?:{...}, lang?, country?} -> {settings, strings, help}. `lang` and
  // `country` preview another language or country without saving it (the trainer's demo page).
  async settings(msg) {
    const settings = msg.set ? await setSettings(msg.set) : await getSettings();
    const lang = msg.lang ? uiLang(msg.lang) : settings.effectiveLang;
    const country = msg.country || settings.effectiveCountry || 'default';
    const [strings, help] = await Promise.all([getStrings(lang), helpFor(lang, country)]);
    return { settings, lang, country, strings, help };
  },
  // {type:'catalogue', lang} -> every indicator's card (handout, annotate-all view).
  async catalogue(msg) {
    const { engine } = await getEngine();
    return { cards: engine.catalogue(uiLang(msg.lang)) };
  },
  // {type:'stats', report?:{...}, tabId?} : content scripts report, the popup reads.
  async stats(msg, sender) {
    if (msg.report) { await reportStats(sender.tab?.id, msg.report); return { ok: true }; }
    return { stats: await getStats(msg.tabId) };
  },
  // {type:'tab'} from a content script -> its tab id (without the "tabs" permission the worker
  // cannot look tabs up by URL; tests use this to address a page's tab).
  async tab(_msg, sender) {
    return { tabId: sender.tab?.id ?? null };
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
