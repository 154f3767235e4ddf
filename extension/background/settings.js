// User settings in chrome.storage.local (never synced, never sent anywhere).
export const DEFAULTS = Object.freeze({
  lang: '',            // '' = follow the browser UI language
  country: '',         // ISO alpha-2 for advice + hotlines; '' = guess from the UI language
  sensitivity: 'normal', // 'low' = high only; 'normal' = medium+high; 'all' = annotate low too
  disabledSites: [],   // hostnames where the content script stays idle
  dismissed: {},       // content hash -> timestamp ("this is fine")
});
// Interface languages = the rule packs' languages. Their _locales folder where Chrome's code differs.
export const UI_LANGS = ['en', 'th', 'vi', 'km', 'my', 'lo', 'id', 'ms', 'tl', 'zh'];
const LOCALE_DIR = { tl: 'fil', zh: 'zh_CN' };
// Browser UI language -> interface language.
const LANG_BY_UI = { fil: 'tl' };
// When the user has not chosen a country, the UI language is the best local hint we have.
const COUNTRY_BY_LANG = { th: 'TH', vi: 'VN', tl: 'PH', id: 'ID', ms: 'MY', my: 'MM', km: 'KH', lo: 'LA' };

// The interface language to use: a known one, else English.
export function uiLang(code) {
  const c = String(code || '').split(/[-_]/)[0].toLowerCase();
  const l = LANG_BY_UI[c] || c;
  return UI_LANGS.includes(l) ? l : 'en';
}

export async function getSettings() {
  const s = await chrome.storage.local.get(Object.keys(DEFAULTS));
  const out = { ...DEFAULTS, ...s };
  out.effectiveLang = out.lang ? uiLang(out.lang) : uiLang(chrome.i18n.getUILanguage());
  out.effectiveCountry = out.country || COUNTRY_BY_LANG[out.effectiveLang] || '';
  return out;
}

// Only known keys, so a compromised page (via a content script message) cannot stuff storage.
export async function setSettings(patch) {
  const clean = {};
  for (const k of Object.keys(DEFAULTS)) if (k in patch) clean[k] = patch[k];
  await chrome.storage.local.set(clean);
  return getSettings();
}

const stringsCache = new Map();
// Interface strings for the chosen language (chrome.i18n only follows the browser language).
export async function getStrings(lang) {
  if (!stringsCache.has(lang)) {
    const load = async (l) => (await fetch(chrome.runtime.getURL(`_locales/${LOCALE_DIR[l] || l}/messages.json`))).json();
    const base = await load('en');
    const loc = lang === 'en' ? {} : await load(lang).catch(() => ({}));
    const flat = {};
    for (const [k, v] of Object.entries({ ...base, ...loc })) flat[k] = v.message;
    stringsCache.set(lang, flat);
  }
  return stringsCache.get(lang);
}
