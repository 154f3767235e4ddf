// Extension pages (popup, options, demo) and the context-menu path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openAndSettle, inContentScript, tabIdOf, shot } from './lib/harness.mjs';
import { corpus } from './lib/server.mjs';

let h;
before(async () => { h = await launch(); });
after(async () => { await h?.close(); });
const ext = (p) => `chrome-extension://${h.extId}/${p}`;

test('popup: paste box checks a message', async () => {
  const page = await h.context.newPage();
  await page.goto(ext('popup/popup.html'));
  await page.waitForSelector('body[data-ready="1"]');
  await page.fill('#text', corpus.get('en-lure-028').text);
  await page.click('#check');
  await page.waitForSelector('#result .ll-explain');
  assert.match(await page.textContent('#result .ll-level'), /High risk|Medium risk/);
  assert.ok((await page.$$('#result .ll-word')).length > 0);
  await page.fill('#text', corpus.get('en-llegit-008').text);
  await page.click('#check');
  await page.waitForFunction(() => document.querySelector('#result .ll-explain')?.dataset.level !== 'high');
  assert.match(await page.textContent('#result .ll-level'), /No warning|Low risk/);
  await shot(page, 'popup-paste');
  await page.close();
});

test('site on/off through settings stops the badges; stats are reported', async () => {
  const page = await openAndSettle(h, `${h.server.origin}/job-board.html`, { min: 6 });
  const tabId = await tabIdOf(page);
  await page.waitForTimeout(600);
  const { stats } = await h.sw.evaluate((id) => self.lurelens.handlers.stats({ tabId: id }, {}), tabId);
  assert.equal(stats.host, '127.0.0.1');
  assert.equal(stats.flagged, 6);
  assert.equal(stats.scanned, 12);
  await h.sw.evaluate(() => self.lurelens.handlers.settings({ set: { disabledSites: ['127.0.0.1'] } }));
  await page.waitForFunction(() => document.querySelectorAll('lurelens-badge').length === 0);
  await h.sw.evaluate(() => self.lurelens.handlers.settings({ set: { disabledSites: [] } }));
  await page.waitForFunction(() => document.querySelectorAll('lurelens-badge').length === 6);
  await page.close();
});

test('options: Thai interface language and sensitivity apply to the overlay', async () => {
  const opt = await h.context.newPage();
  await opt.goto(ext('options/options.html'));
  await opt.selectOption('#lang', 'th');
  await opt.waitForFunction(() => document.getElementById('saved').textContent.length > 0);
  assert.equal(await opt.textContent('h1'), 'การตั้งค่า LureLens');
  const page = await openAndSettle(h, `${h.server.origin}/job-board.html`, { min: 6 });
  await page.locator('lurelens-badge').first().click();
  const info = await inContentScript(page, "() => LureLens.overlay.inspect(document.querySelector('lurelens-badge'))");
  assert.match(info.badge, /ความเสี่ยง/);
  assert.ok(info.panel.includes('1694') || info.panel.includes('1300'), 'Thai hotline shown for the Thai default country');
  await shot(page, 'overlay-thai');
  await opt.check('input[value=low]');
  await page.waitForTimeout(1500);
  const levels = await page.evaluate(() => [...document.querySelectorAll('lurelens-badge')].map((b) => b.dataset.level));
  assert.ok(levels.length > 0 && levels.every((l) => l === 'high'), 'only high shown at low sensitivity');
  await h.sw.evaluate(() => self.lurelens.handlers.settings({ set: { lang: '', sensitivity: 'normal' } }));
  await opt.close(); await page.close();
});

test('context menu "check selected text" shows the result in the page', async () => {
  const page = await openAndSettle(h, `${h.server.origin}/strict-csp.html`, { min: 3 });
  const tabId = await tabIdOf(page);
  await h.sw.evaluate(([id, text]) => self.lurelens.menuClick({ menuItemId: 'lurelens-check-selection', selectionText: text }, { id }),
    [tabId, corpus.get('en-lure-037').text]);
  await page.waitForFunction(() => document.querySelectorAll('lurelens-badge').length === 4);
  const infos = await inContentScript(page, "() => [...document.querySelectorAll('lurelens-badge')].map((b) => LureLens.overlay.inspect(b))");
  assert.ok(infos.some((i) => i.open && i.panel.includes('What to do:')));
  await shot(page, 'context-menu-result');
  await page.close();
});

