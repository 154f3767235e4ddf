// The three ways to use LureLens: job seeker (advice for the reader's country), NGO trainer (offline
// demo feed, annotate-all, presentation, handout) and platform moderator (side panel, exports,
// next/previous flagged post). Screenshots of each mode go to tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openAndSettle, inContentScript, tabIdOf, shot } from './lib/harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });
const ext = (p) => `chrome-extension://${h.extId}/${p}`;
const setSettings = (set) => h.sw.evaluate((s) => self.lurelens.handlers.settings({ set: s }), set);
const INSPECT_ALL = "() => [...document.querySelectorAll('lurelens-badge')].map((b) => LureLens.overlay.inspect(b))";

// A CSV parser for the test (quoted fields, doubled quotes, CRLF): independent of the exporter.
function parseCSV(s) {
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  return rows;
}

test('job seeker: the country setting changes the advice and the help lines', async () => {
  const cases = [
    ['PH', /DMW/, ['1343', '1348']],
    ['ID', /P3MI/, ['0800-1000']],
    ['VN', /DOLAB/, ['111']],
  ];
  for (const [country, verify, numbers] of cases) {
    await setSettings({ lang: 'en', country });
    const page = await openAndSettle(h, `${h.server.origin}/job-board.html`, { min: 6 });
    await page.locator('lurelens-badge').first().click();
    const [info] = await inContentScript(page, INSPECT_ALL);
    assert.ok(info.open);
    assert.match(info.panel, verify, `${country}: how to verify an agency`);
    for (const n of numbers) assert.ok(info.panel.includes(n), `${country}: hotline ${n} shown`);
    if (country === 'PH') await shot(page, 'mode-job-seeker-ph');
    await page.close();
  }
  await setSettings({ lang: '', country: '' });
});

test('trainer: the demo feed renders offline in every corpus language and flags its lures', async () => {
  const feed = JSON.parse(readFileSync(new URL('../../extension/demo/feed.json', import.meta.url), 'utf8'));
  const page = await h.context.newPage();
  await page.goto(ext('demo/demo.html?lang=en&country=TH'));
  await page.waitForSelector('body[data-ready="1"]');
  const posts = await page.$$eval('.post', (ps) => ps.map((p) => ({ level: p.dataset.level, label: p.dataset.label, tag: p.querySelector('.tag')?.textContent })));
  assert.equal(posts.length, feed.posts.length);
  assert.ok(new Set(feed.posts.map((p) => p.lang)).size >= 5, 'several languages in the feed');
  for (const p of posts) assert.equal(p.tag, 'Teaching example', 'every post is marked as an example');
  const lures = posts.filter((p) => p.label === 'lure');
  const caught = lures.filter((p) => p.level === 'high' || p.level === 'medium').length;
  assert.ok(caught >= lures.length * 0.9, `lures flagged: ${caught}/${lures.length}`);
  const legit = posts.filter((p) => p.label === 'legit');
  assert.ok(legit.filter((p) => p.level === 'high').length === 0, 'no legitimate example is high risk');
  // Answers stay hidden until the trainer turns on annotate-all.
  assert.equal(await page.isVisible('.post .answer'), false);
  await page.click('.post[data-level=high] .verdict');
  assert.ok(await page.isVisible('.post[data-level=high] .explain .ll-finding'));
  await shot(page, 'mode-trainer-demo');
  await page.close();
  assert.deepEqual(h.violations, [], 'nothing fetched from the network');
});

test('trainer: annotate-all shows low findings with their ILO reference, and the answers', async () => {
  const page = await h.context.newPage();
  await page.goto(ext('demo/demo.html?lang=en&country=PH'));
  await page.waitForSelector('body[data-ready="1"]');
  await page.check('#annotate-all');
  assert.ok(await page.isVisible('.post .answer'));
  const refs = await page.$$eval('.post .explain:not([hidden]) .ll-ref', (rs) => rs.map((r) => r.textContent));
  assert.ok(refs.length > 10, `detailed cards: ${refs.length}`);
  assert.ok(refs.some((r) => /ILO/.test(r)), 'cards cite the ILO framework');
  // Every post with any finding, low ones included, has its explanation open.
  const withFindings = await page.$$eval('.post:not([data-level=none])', (ps) => ps.length);
  const opened = await page.$$eval('.post:not([data-level=none]) .explain:not([hidden]) .ll-explain', (es) => es.length);
  assert.ok(withFindings > 0);
  assert.equal(opened, withFindings, 'every post with findings is explained, low ones too');
  await shot(page, 'mode-trainer-annotate-all');
  await page.close();
});

test('trainer: presentation view steps through one post at a time with the keyboard', async () => {
  const page = await h.context.newPage();
  await page.goto(ext('demo/demo.html?lang=th&country=TH'));
  await page.waitForSelector('body[data-ready="1"]');
  await page.click('#present');
  const visible = () => page.$$eval('.post', (ps) => ps.filter((p) => getComputedStyle(p).display !== 'none').map((p) => p.dataset.id));
  const first = await visible();
  assert.equal(first.length, 1);
  const total = await page.$$eval('.post', (ps) => ps.length);
  assert.equal(await page.textContent('#counter'), `1 / ${total}`);
  await page.keyboard.press('ArrowRight');
  const second = await visible();
  assert.equal(second.length, 1);
  assert.notEqual(second[0], first[0]);
  assert.equal(await page.textContent('#counter'), `2 / ${total}`);
  await page.keyboard.press('ArrowLeft');
  assert.deepEqual(await visible(), first);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(0, 0, 0)', 'high contrast');
  await shot(page, 'mode-trainer-presentation');
  await page.keyboard.press('Escape');
  assert.ok((await visible()).length > 1, 'Escape leaves the presentation');
  await page.close();
});

test('trainer: the handout is one printed page in the chosen language with that country\'s help', async () => {
  const page = await h.context.newPage();
  await page.goto(ext('demo/handout.html?lang=th&country=TH'));
  await page.waitForSelector('body[data-ready="1"]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'th');
  assert.equal(await page.$$eval('#signs li', (l) => l.length), 12);
  const text = await page.textContent('body');
  assert.ok(/[\u0E00-\u0E7F]/.test(await page.textContent('#signs')), 'signs in Thai');
  assert.ok(text.includes('1694'), 'Thai Department of Employment line');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, 'fits on one A4 page');
  await shot(page, 'mode-trainer-handout');
  await page.close();
});

test('moderator: side panel lists the page\'s posts, sorts, filters, jumps and exports', async () => {
  await setSettings({ lang: 'en', country: '', sensitivity: 'normal' });
  const page = await openAndSettle(h, `${h.server.origin}/job-board.html`, { min: 6 });
  const tabId = await tabIdOf(page);
  const panel = await h.context.newPage();
  await panel.goto(ext(`sidepanel/sidepanel.html?tab=${tabId}`));
  await panel.waitForSelector('body[data-ready="1"]');
  const rows = () => panel.$$eval('#posts tbody tr', (rs) => rs.map((r) => ({ pos: Number(r.dataset.position), level: r.dataset.level, score: Number(r.children[2].textContent) })));
  const flagged = await rows();
  assert.equal(flagged.length, 6, 'the six lures are listed');
  assert.ok(flagged.every((r) => r.level === 'medium' || r.level === 'high'));
  await panel.selectOption('#level', 'all');
  assert.equal((await rows()).length, 12, 'all scanned posts');
  await panel.click('th button[data-sort=score]');
  const byScore = (await rows()).map((r) => r.score);
  assert.deepEqual(byScore, [...byScore].sort((a, b) => b - a), 'sorted by score, highest first');
  await panel.fill('#q', 'telegram');
  const found = await rows();
  assert.ok(found.length >= 1 && found.length < 12, `search narrows the list (${found.length})`);
  await panel.fill('#q', '');
  await panel.selectOption('#level', 'flagged');
  await shot(panel, 'mode-moderator-side-panel');

  // Click a row: the page scrolls to that post and opens its explanation.
  const target = flagged[3];
  await panel.click(`#posts tbody tr[data-position="${target.pos}"]`);
  await page.waitForTimeout(300);
  const opened = await inContentScript(page, `() => { const posts = [...document.querySelectorAll('[data-expect]')];
    const b = posts[${target.pos}].querySelector('lurelens-badge'); return LureLens.overlay.inspect(b).open; }`);
  assert.ok(opened, 'the jumped-to post shows its explanation');

  // Exports: the CLI's JSONL fields plus url and position.
  const [dl] = await Promise.all([panel.waitForEvent('download'), panel.click('#export-json')]);
  const json = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.equal(json.url, page.url());
  assert.equal(json.posts.length, 6);
  // Spans are code points of the text the content script scanned: slicing it that way must give
  // the same words as the UTF-16 spans of the engine's result.
  const scanned = await inContentScript(page, `() => [...LureLens.records.entries()].filter(([p]) => p.isConnected)
    .sort(([a], [b]) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    .map(([, r]) => ({ text: r.text, words: r.result.findings.map((f) => f.spans.map(([s, e]) => r.text.slice(s, e))) }))`);
  for (const r of json.posts) {
    assert.deepEqual(Object.keys(r).sort(), ['findings', 'id', 'level', 'position', 'score', 'url']);
    assert.ok(r.findings.length > 0);
    const cps = [...scanned[r.position].text];
    r.findings.forEach((f, i) => {
      assert.deepEqual(Object.keys(f).sort(), ['indicator', 'rule', 'spans', 'weight']);
      const words = f.spans.map(([s, e]) => cps.slice(s, e).join(''));
      assert.deepEqual(words, scanned[r.position].words[i], `${f.rule}: code-point spans give the same words`);
    });
  }
  const [dl2] = await Promise.all([panel.waitForEvent('download'), panel.click('#export-csv')]);
  const csv = parseCSV(readFileSync(await dl2.path(), 'utf8'));
  assert.deepEqual(csv[0], ['url', 'position', 'id', 'score', 'level', 'rule', 'indicator', 'weight', 'spans']);
  assert.equal(csv.length - 1, json.posts.reduce((n, p) => n + p.findings.length, 0), 'one CSV row per finding');
  assert.ok(csv.slice(1).every((r) => r.length === 9 && r[0] === page.url()));
  await panel.close();

  // Next / previous flagged post (the keyboard commands, as the worker relays them).
  const next = await h.sw.evaluate((id) => self.lurelens.command('next-flagged', { id }), tabId);
  const after = await h.sw.evaluate((id) => self.lurelens.command('next-flagged', { id }), tabId);
  const back = await h.sw.evaluate((id) => self.lurelens.command('prev-flagged', { id }), tabId);
  const lurePositions = flagged.map((r) => r.pos).sort((a, b) => a - b);
  assert.ok(lurePositions.includes(next.position) && lurePositions.includes(after.position));
  assert.equal(lurePositions.indexOf(after.position), (lurePositions.indexOf(next.position) + 1) % lurePositions.length);
  assert.equal(back.position, next.position);
  await page.close();
});
