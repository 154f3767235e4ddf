// NGO trainer view: scans the bundled offline feed (feed.json, teaching examples from the test
// corpora) with the page's own Engine and shows each post with its verdict and explanation.
// Extension page: may run the wasm itself (design.md). Modes: only warnings; annotate-all (every
// sign, low ones too, with its indicator, strength and ILO reference, and the answer for each
// example); presentation (large, high contrast, one post at a time, arrow keys).
import init, { Engine } from '../pkg/lurelens.js';
import { loadContext } from '../common/page-i18n.js';
import { LANG_NAMES, COUNTRY_NAMES, fillSelect } from '../common/langs.js';

const X = globalThis.LureLensExplain;
X.adoptStyles();
const FLAG = new Set(['medium', 'high']);
const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

// ?lang=&country= preview a language or country for this page only (settings stay as they are).
const params = new URLSearchParams(location.search);
const ctx = await loadContext({ lang: params.get('lang') || undefined, country: params.get('country') || undefined });
const t = ctx.strings;
const $ = (id) => document.getElementById(id);

const t0 = performance.now();
await init({ module_or_path: new URL('../pkg/lurelens_bg.wasm', import.meta.url) });
const engine = new Engine(await (await fetch('../rules/bundle.json')).text());
const cold = performance.now() - t0;
const feed = await (await fetch('feed.json')).json();
const opts = { lang: ctx.lang, ...(ctx.country !== 'default' ? { origin: ctx.country } : {}) };
const t1 = performance.now();
const results = engine.scanBatch(feed.posts.map((p) => ({ id: p.id, text: p.text })), opts);
const scanMs = performance.now() - t1;

const cards = [];       // {card, post, result, explain, verdict}
const ranges = { high: [], medium: [], low: [] };
let current = 0;        // presentation: index into the visible cards

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

const annotateAll = () => document.body.classList.contains('annotate-all');
const openable = (r) => FLAG.has(r.level) || (annotateAll() && r.level === 'low');

function renderExplain(c) {
  c.explain.replaceChildren(X.render({ result: c.result, text: c.post.text, strings: t, help: ctx.help, detailed: annotateAll() }));
}

function toggle(c, open = c.explain.hidden) {
  if (!openable(c.result)) return;
  if (open) renderExplain(c);
  c.explain.hidden = !open;
  c.verdict.setAttribute('aria-expanded', String(open));
}

feed.posts.forEach((p, i) => {
  const r = results[i];
  const card = el('article', 'post');
  card.dataset.level = r.level;
  card.dataset.id = p.id;
  card.dataset.label = p.label;
  // Every post is plainly a teaching example, with where it comes from.
  const meta = el('div', 'meta');
  meta.append(el('span', 'tag', t.demoExample), ' ',
    el('span', 'lang', LANG_NAMES[p.lang] || p.lang), ' · ',
    el('span', 'source', `${p.synthetic ? t.demoSynthetic : t.demoQuoted}: ${p.source}`));
  const answer = el('div', 'answer', p.label === 'legit' ? t.demoAnswerLegit : t.demoAnswerLure);
  const text = el('div', 'text', p.text);
  text.lang = p.lang;
  const verdict = el('button', 'verdict', `${X.ICON[r.level]} ${t[X.LEVEL_KEY[r.level]]}`);
  verdict.type = 'button';
  verdict.dataset.level = r.level;
  verdict.setAttribute('aria-expanded', 'false');
  const explain = el('div', 'explain');
  explain.hidden = true;
  const c = { card, post: p, result: r, explain, verdict };
  verdict.addEventListener('click', () => toggle(c));
  // Trigger words highlighted in place (one text node: the UTF-16 spans index it directly).
  if (r.level !== 'none') {
    const node = text.firstChild;
    for (const f of r.findings) if (!f.legit) for (const [s, e] of f.spans) {
      const range = new Range(); range.setStart(node, s); range.setEnd(node, e); ranges[r.level].push(range);
    }
  }
  card.append(meta, text, verdict, answer, explain);
  cards.push(c);
  $('feed').append(card);
});

function paintHighlights() {
  for (const lv of ['high', 'medium', 'low']) {
    if (lv === 'low' && !annotateAll()) CSS.highlights.delete('lurelens-low');
    else CSS.highlights.set('lurelens-' + lv, new Highlight(...ranges[lv]));
  }
}

function setAnnotateAll(on) {
  document.body.classList.toggle('annotate-all', on);
  for (const c of cards) {
    c.verdict.disabled = !openable(c.result);
    if (on) toggle(c, openable(c.result));
    else if (c.result.level === 'low' || !c.explain.hidden) toggle(c, false);
  }
  paintHighlights();
}

// ---- presentation: one post at a time, large type, high contrast, keyboard ----------------------
const shown = () => cards.filter((c) => !(document.body.classList.contains('only-flagged') && !FLAG.has(c.result.level)));
function show(i) {
  const list = shown();
  if (!list.length) return;
  current = (i + list.length) % list.length;
  for (const c of cards) c.card.classList.toggle('current', c === list[current]);
  const c = list[current];
  toggle(c, openable(c.result));
  $('counter').textContent = `${current + 1} / ${list.length}`;
  c.verdict.focus({ preventScroll: true });
  scrollTo(0, 0);
}
function setPresenting(on) {
  document.body.classList.toggle('presenting', on);
  if (on) show(current);
  else for (const c of cards) c.card.classList.remove('current');
}
document.addEventListener('keydown', (e) => {
  if (!document.body.classList.contains('presenting')) return;
  if (NEXT_KEYS.has(e.key)) { e.preventDefault(); show(current + 1); }
  else if (PREV_KEYS.has(e.key)) { e.preventDefault(); show(current - 1); }
  else if (e.key === 'Home') show(0);
  else if (e.key === 'End') show(-1);
  else if (e.key === 'Escape') setPresenting(false);
});

// ---- controls --------------------------------------------------------------------------------
fillSelect($('lang'), LANG_NAMES, ctx.lang);
fillSelect($('country'), COUNTRY_NAMES, ctx.country);
const reloadWith = () => { location.search = new URLSearchParams({ lang: $('lang').value, country: $('country').value }).toString(); };
$('lang').addEventListener('change', reloadWith);
$('country').addEventListener('change', reloadWith);
$('only-flagged').addEventListener('change', (e) => document.body.classList.toggle('only-flagged', e.target.checked));
$('annotate-all').addEventListener('change', (e) => setAnnotateAll(e.target.checked));
$('present').addEventListener('click', () => setPresenting(true));
$('handout').href = `handout.html?${new URLSearchParams({ lang: ctx.lang, country: ctx.country })}`;

setAnnotateAll(params.get('all') === '1');
$('annotate-all').checked = annotateAll();
const info = engine.info();
$('info').textContent =
  `LureLens ${info.version} · ${info.rules} rules · ${feed.posts.length} posts · engine start ${cold.toFixed(0)} ms · scan ${scanMs.toFixed(1)} ms · offline`;
document.body.dataset.ready = '1';
