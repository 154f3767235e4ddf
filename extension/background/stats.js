// Per-tab page statistics, reported by the content script; read by the popup.
// Kept in storage.session so they survive the service worker being stopped (MV3 idles it out).
const KEY = 'tabStats';

export async function reportStats(tabId, s) {
  if (tabId == null) return;
  const all = (await chrome.storage.session.get(KEY))[KEY] || {};
  all[tabId] = { host: String(s.host || ''), scanned: s.scanned | 0, flagged: s.flagged | 0,
                 high: s.high | 0, medium: s.medium | 0, enabled: !!s.enabled, at: Date.now() };
  await chrome.storage.session.set({ [KEY]: all });
}

export async function getStats(tabId) {
  const all = (await chrome.storage.session.get(KEY))[KEY] || {};
  return all[tabId] || null;
}

export async function forgetTab(tabId) {
  const all = (await chrome.storage.session.get(KEY))[KEY] || {};
  if (tabId in all) { delete all[tabId]; await chrome.storage.session.set({ [KEY]: all }); }
}
