// End-to-end: the built extension in headless Debian Chromium on local fixture pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openAndSettle, waitBadges, inContentScript, postStates, shot } from './lib/harness.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });

const INSPECT_ALL = "() => [...document.querySelectorAll('lurelens-badge')].map((b) => LureLens.overlay.inspect(b))";

function assertBadges(states) {
  assert.ok(states.length > 0, 'fixture has posts');
  for (const s of states) {
    if (s.expect === 'lure') assert.match(String(s.level), /^(medium|high)$/, `lure ${s.id} has a badge`);
    else assert.equal(s.level, null, `legit ${s.id} has no badge`);
  }
}

test('service worker builds the engine from the bundled rules', async () => {
  const r = await h.sw.evaluate(() => self.lurelens.handlers.info());
  assert.ok(r.info.rules > 10, 'rules loaded');
  assert.ok(r.info.languages.includes('th'));
});

test('generic job board: badges on lures only, explanation, highlights, keyboard', async () => {
  const page = await openAndSettle(h, `${h.server.origin}/job-board.html`, { min: 6 });
  assertBadges(await postStates(page));
  // Keyboard: the first Tab stop on this page is the first badge (a <button> in the shadow root).
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.localName), 'lurelens-badge');
  await page.keyboard.press('Enter');
  const [first] = await inContentScript(page, INSPECT_ALL);
  assert.ok(first.open, 'Enter opens the explanation');
  assert.match(first.badge, /High risk|Medium risk/);
  for (const part of ['Why it matters:', 'What to do:', 'Before you decide', 'Free help', 'This is fine']) {
    assert.ok(first.panel.includes(part), `panel shows "${part}"`);
  }
  // The exact trigger words come from the post's own text.
  const postText = await page.evaluate(() => document.querySelector('[data-expect]').textContent);
  assert.ok(first.words.length > 0, 'trigger words listed');
  for (const w of first.words) assert.ok(postText.replace(/\s+/g, ' ').includes(w.replace(/\s+/g, ' ')), `"${w}" is in the post`);
  const hl = await page.evaluate(() => ['high', 'medium'].reduce((n, l) => n + (CSS.highlights.get('lurelens-' + l)?.size || 0), 0));
  assert.ok(hl >= 6, `highlight ranges registered (${hl})`);
  await shot(page, 'job-board-explanation');
  await page.keyboard.press('Escape');
  assert.equal((await inContentScript(page, INSPECT_ALL))[0].open, false, 'Escape closes it');
  // Page text unchanged: badges add no text to the post (shadow DOM), textContent of posts is the corpus text.
  assert.ok(!(await page.evaluate(() => document.querySelector('[data-expect]').textContent.includes('LureLens'))));
  await page.close();
});

test('Facebook-group-like feed (generic adapter)', async () => {
  const page = await openAndSettle(h, `${h.server.origin}/fb-group.html`, { min: 6 });
  assertBadges(await postStates(page));
  await shot(page, 'fb-group-feed');
  await page.close();
});

test('strict-CSP page still gets the overlay (wasm runs in the worker, styles via CSSOM)', async () => {
  const page = await openAndSettle(h, `${h.server.origin}/strict-csp.html`, { min: 3 });
  assertBadges(await postStates(page));
  await page.locator('lurelens-badge').first().click();
  const [first] = await inContentScript(page, INSPECT_ALL);
  assert.ok(first.open && first.panel.includes('What to do:'));
  await shot(page, 'strict-csp-explanation');
  await page.close();
});

test('infinite scroll: new posts are scanned as they arrive', async () => {
  const page = await openAndSettle(h, `${h.server.origin}/infinite.html`, { min: 2 });
  for (let i = 0; i < 6; i++) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
  }
  await page.waitForFunction(() => document.getElementById('sentinel').textContent === 'The end');
  await waitBadges(page, 10);
  const states = await postStates(page);
  assert.equal(states.length, 20);
  assertBadges(states);
  await page.close();
});

test('a page that never stops changing still gets its new posts scanned', async () => {
  const page = await h.context.newPage();
  await page.goto(`${h.server.origin}/live-feed.html`);
  // The clock keeps mutating the page every 100 ms throughout: badges must come anyway.
  await page.waitForFunction(() => document.querySelectorAll('#feed article').length === 6, null, { timeout: 15000 });
  await page.waitForFunction(() => document.querySelectorAll('lurelens-badge').length === 3, null, { timeout: 10000 });
  assertBadges(await postStates(page));
  await page.close();
});

test('hostile page: cannot hide, remove or forge the overlay; script-like text stays text', async () => {
  const page = await openAndSettle(h, `${h.server.origin}/hostile.html`, { min: 2 });
  await page.waitForTimeout(2500); // let the page's attack loop run a dozen times
  assert.ok(await page.evaluate(() => window.__attacks) > 5, 'the page did attack');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no page text executed');
  assertBadges(await postStates(page));
  const visible = await page.evaluate(() => [...document.querySelectorAll('lurelens-badge')].map((b) => {
    const cs = getComputedStyle(b); const r = b.getBoundingClientRect();
    return cs.display !== 'none' && cs.visibility === 'visible' && cs.opacity === '1' && r.height > 0 && b.dataset.level !== 'none';
  }));
  assert.ok(visible.length === 2 && visible.every(Boolean), 'badges visible despite page CSS and scripts');
  assert.equal(await page.evaluate(() => document.querySelector('#forged-host lurelens-badge')), null, 'forged badge removed');
  const infos = await inContentScript(page, INSPECT_ALL);
  assert.ok(infos.every((i) => i && i.ours));
  await page.locator('lurelens-badge').first().click();
  await shot(page, 'hostile-explanation');
  await page.close();
});

test('"this is fine" dismisses locally and survives a reload', async () => {
  const page = await openAndSettle(h, `${h.server.origin}/strict-csp.html`, { min: 3 });
  const before = (await postStates(page)).filter((s) => s.level).length;
  await page.locator('lurelens-badge').first().click();
  await inContentScript(page, `() => { const b = document.querySelector('lurelens-badge'); return LureLens.overlay.inspect(b); }`);
  // Click the dismiss button inside the closed shadow root: focus is on it after opening (first button).
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  assert.equal((await postStates(page)).filter((s) => s.level).length, before - 1);
  await page.reload();
  await waitBadges(page, before - 1);
  assert.equal((await postStates(page)).filter((s) => s.level).length, before - 1);
  await h.sw.evaluate(() => chrome.storage.local.set({ dismissed: {} }));
  await page.close();
});

test('the extension made no network request beyond the fixture server', async () => {
  assert.deepEqual(h.violations, []);
  const offBox = h.seen.filter((u) => !u.startsWith(h.server.origin));
  assert.deepEqual(offBox, []);
});
