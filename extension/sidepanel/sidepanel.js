// Moderator side panel (Chrome side panel; Firefox sidebar): every scanned post of the active tab
// with level, indicators and evidence; sort, filter, jump to a post, copy one report, export all as
// JSON or CSV. Records use the CLI's JSONL contract (spans in code points) plus the page URL and the
// post's position on the page. Page text reaches this page as data and is shown with textContent.
import { loadContext } from '../common/page-i18n.js';

const REFRESH_DEBOUNCE_MS = 300; // page stats arrive in bursts while a feed scrolls
const MAX_WORDS = 4;             // evidence words shown per indicator in a row
const LEVEL_RANK = { none: 0, low: 1, medium: 2, high: 3 };
const FILTERS = {
  flagged: (p) => p.level === 'medium' || p.level === 'high',
  all: () => true,
  high: (p) => p.level === 'high',
  medium: (p) => p.level === 'medium',
  low: (p) => p.level === 'low',
};

const $ = (id) => document.getElementById(id);
const ctx = await loadContext();
const t = ctx.strings;
// A panel opened for a given tab (?tab=ID: tests, "open for this tab") stays on it; otherwise it
// follows the active tab of its window.
const fixedTab = Number(new URLSearchParams(location.search).get('tab')) || null;
let page = { url: '', host: '', posts: [] };
let sort = { key: 'position', dir: 1 };
let refreshTimer = 0;

async function targetTab() {
  if (fixedTab) return fixedTab;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function refresh() {
  const tabId = await targetTab();
  try {
    page = await chrome.tabs.sendMessage(tabId, { type: 'listPosts' });
  } catch {
    page = { url: '', host: '', posts: [], unavailable: true }; // browser pages, or not loaded yet
  }
  render();
}

// The CLI's JSONL record of a post, plus where it is.
function record(p) {
  return {
    url: page.url, position: p.position, id: p.id, score: p.score, level: p.level,
    findings: p.findings.map((f) => ({ rule: f.rule, indicator: f.indicator, weight: f.weight, spans: f.spans })),
  };
}

function visible() {
  const q = $('q').value.trim().toLowerCase();
  const keep = FILTERS[$('level').value] || FILTERS.flagged;
  const match = (p) => !q || p.excerpt.toLowerCase().includes(q)
    || p.findings.some((f) => f.rule.includes(q) || f.indicator.toLowerCase() === q || f.words.some((w) => w.toLowerCase().includes(q)));
  const cmp = {
    position: (a, b) => a.position - b.position,
    score: (a, b) => a.score - b.score || a.position - b.position,
    level: (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.score - b.score,
  }[sort.key];
  return page.posts.filter((p) => keep(p) && match(p)).sort((a, b) => sort.dir * cmp(a, b));
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function row(p) {
  const tr = el('tr', 'post');
  tr.tabIndex = 0;
  tr.dataset.position = String(p.position);
  tr.dataset.level = p.level;
  const lvl = el('td', 'lvl', t[{ high: 'levelHigh', medium: 'levelMedium', low: 'levelLow', none: 'levelNone' }[p.level]] || p.level);
  lvl.dataset.level = p.level;
  const ev = el('td');
  const byInd = new Map();
  for (const f of p.findings) {
    const g = byInd.get(f.indicator) || { rules: [], words: new Set() };
    g.rules.push(f.rule);
    for (const w of f.words) g.words.add(w);
    byInd.set(f.indicator, g);
  }
  for (const [ind, g] of byInd) {
    const line = el('div');
    line.append(el('span', 'ind', ind));
    for (const w of [...g.words].slice(0, MAX_WORDS)) line.append(el('span', 'word', w), ' ');
    line.append(el('span', 'rule', g.rules.join(' ')));
    ev.append(line);
  }
  ev.append(el('div', 'excerpt', p.excerpt));
  const copy = el('button', 'copy', t.sideCopy || 'Copy');
  copy.type = 'button';
  copy.addEventListener('click', async (e) => {
    e.stopPropagation();
    await navigator.clipboard.writeText(JSON.stringify(record(p)));
    copy.textContent = t.sideCopied || 'Copied';
  });
  const tdCopy = el('td');
  tdCopy.append(copy);
  tr.append(el('td', null, String(p.position + 1)), lvl, el('td', null, String(p.score)), ev, tdCopy);
  const jump = async () => chrome.tabs.sendMessage(await targetTab(), { type: 'focusPost', position: p.position });
  tr.addEventListener('click', jump);
  tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') jump(); });
  return tr;
}

function render() {
  $('page').textContent = page.url;
  const flagged = page.posts.filter(FILTERS.flagged).length;
  $('summary').textContent = page.unavailable ? (t.popupNoPage || '')
    : `${t.popupScanned || 'Posts checked'}: ${page.posts.length} · ${t.popupFlagged || 'With warnings'}: ${flagged}`;
  const rows = visible().map(row);
  document.querySelector('#posts tbody').replaceChildren(...rows);
  $('empty').hidden = rows.length > 0;
  for (const b of document.querySelectorAll('th button[data-sort]')) {
    if (b.dataset.sort === sort.key) b.setAttribute('aria-sort', sort.dir > 0 ? 'ascending' : 'descending');
    else b.removeAttribute('aria-sort');
  }
}

// CSV: one row per finding (a post without findings still gets one row), spans as "start-end;...".
const CSV_COLUMNS = ['url', 'position', 'id', 'score', 'level', 'rule', 'indicator', 'weight', 'spans'];
function csvCell(v) {
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function toCSV(records) {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    const base = [r.url, r.position, r.id, r.score, r.level];
    const fs = r.findings.length ? r.findings : [{ rule: '', indicator: '', weight: '', spans: [] }];
    for (const f of fs) lines.push([...base, f.rule, f.indicator, f.weight, f.spans.map(([s, e]) => `${s}-${e}`).join(';')].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
// JSON: the page and its posts' records (the same objects as one JSONL line each).
function toJSON(records) {
  return JSON.stringify({ url: page.url, exported: new Date().toISOString(), posts: records }, null, 2);
}

function download(name, type, body) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([body], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
const fileBase = () => `lurelens-${page.host || 'page'}-${new Date().toISOString().slice(0, 10)}`;

$('export-json').addEventListener('click', () => download(fileBase() + '.json', 'application/json', toJSON(visible().map(record))));
$('export-csv').addEventListener('click', () => download(fileBase() + '.csv', 'text/csv', toCSV(visible().map(record))));
$('refresh').addEventListener('click', refresh);
$('level').addEventListener('change', render);
$('q').addEventListener('input', render);
for (const b of document.querySelectorAll('th button[data-sort]')) {
  b.addEventListener('click', () => {
    sort = sort.key === b.dataset.sort ? { key: sort.key, dir: -sort.dir } : { key: b.dataset.sort, dir: b.dataset.sort === 'position' ? 1 : -1 };
    render();
  });
}

// Page results change as the feed scrolls: the content script's stats report lands in session storage.
const scheduleRefresh = () => { clearTimeout(refreshTimer); refreshTimer = setTimeout(refresh, REFRESH_DEBOUNCE_MS); };
chrome.storage.onChanged.addListener((_changes, area) => { if (area === 'session') scheduleRefresh(); });
if (!fixedTab) {
  chrome.tabs.onActivated.addListener(scheduleRefresh);
  chrome.tabs.onUpdated.addListener((_id, info) => { if (info.status === 'complete') scheduleRefresh(); });
}

// For tests and for people scripting the panel from devtools.
globalThis.LureLensPanel = { refresh, records: () => visible().map(record), toCSV, toJSON };
await refresh();
document.body.dataset.ready = '1';
