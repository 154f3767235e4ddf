// NGO trainer view: scans the bundled offline feed (feed.json) with the page's own Engine and shows
// each post with its verdict and explanation. Extension page: may run the wasm itself (design.md).
import init, { Engine } from '../pkg/lurelens.js';
import { loadContext } from '../common/page-i18n.js';

const X = globalThis.LureLensExplain;
const ctx = await loadContext();
const t0 = performance.now();
await init({ module_or_path: new URL('../pkg/lurelens_bg.wasm', import.meta.url) });
const engine = new Engine(await (await fetch('../rules/bundle.json')).text());
const cold = performance.now() - t0;
const feed = await (await fetch('feed.json')).json();
const opts = { lang: ctx.settings.effectiveLang, ...(ctx.settings.effectiveCountry ? { origin: ctx.settings.effectiveCountry } : {}) };
const t1 = performance.now();
const results = engine.scanBatch(feed.posts.map((p) => ({ id: p.id, text: p.text })), opts);
const scanMs = performance.now() - t1;
const FLAG = new Set(['medium', 'high']);
const ranges = { high: [], medium: [] };

const main = document.getElementById('feed');
feed.posts.forEach((p, i) => {
  const r = results[i];
  const card = document.createElement('article');
  card.className = 'post';
  card.dataset.level = r.level;
  card.dataset.id = p.id;
  const author = document.createElement('div'); author.className = 'author'; author.textContent = p.author;
  const text = document.createElement('div'); text.className = 'text'; text.lang = p.lang; text.textContent = p.text;
  const verdict = document.createElement('button');
  verdict.type = 'button'; verdict.className = 'verdict'; verdict.dataset.level = r.level;
  verdict.textContent = `${X.ICON[r.level]} ${ctx.strings[X.LEVEL_KEY[r.level]]}`;
  const explain = document.createElement('div'); explain.className = 'explain'; explain.hidden = true;
  if (FLAG.has(r.level)) {
    verdict.setAttribute('aria-expanded', 'false');
    verdict.addEventListener('click', () => {
      if (!explain.firstChild) explain.append(X.render({ result: r, text: p.text, strings: ctx.strings, help: ctx.help }));
      explain.hidden = !explain.hidden;
      verdict.setAttribute('aria-expanded', String(!explain.hidden));
    });
    // Trigger words highlighted in place (one text node: spans index it directly).
    const node = text.firstChild;
    for (const f of r.findings) if (!f.legit) for (const [s, e] of f.spans) {
      const range = new Range(); range.setStart(node, s); range.setEnd(node, e); ranges[r.level].push(range);
    }
  } else verdict.disabled = true;
  card.append(author, text, verdict, explain);
  main.append(card);
});
for (const [lv, rs] of Object.entries(ranges)) CSS.highlights.set('lurelens-' + lv, new Highlight(...rs));
document.getElementById('only-flagged').addEventListener('change', (e) => document.body.classList.toggle('only-flagged', e.target.checked));
const info = engine.info();
document.getElementById('info').textContent =
  `LureLens ${info.version} · ${info.rules} rules · ${feed.posts.length} posts · engine start ${cold.toFixed(0)} ms · scan ${scanMs.toFixed(1)} ms · offline`;
document.body.dataset.ready = '1';
