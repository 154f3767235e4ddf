// Site adapters: fixture pages reproducing each site's structure, served under the real hostname
// (Playwright route.fulfill from disk: nothing reaches the network).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openAndSettle, inContentScript, postStates, shot } from './lib/harness.mjs';

const SITES = {
  'www.facebook.com': ['facebook.html', 'facebook'],
  'www.linkedin.com': ['linkedin.html', 'linkedin'],
  'www.indeed.com': ['indeed.html', 'indeed'],
  'www.jobstreet.com': ['jobstreet.html', 'jobstreet'],
  'web.telegram.org': ['telegram.html', 'telegram'],
  'x.com': ['x.html', 'x'],
};

let h;
before(async () => { h = await launch({ sites: Object.fromEntries(Object.entries(SITES).map(([k, v]) => [k, v[0]])) }); });
after(async () => { await h?.close(); });

for (const [host, [, adapter]] of Object.entries(SITES)) {
  test(`${adapter} adapter on ${host}`, async () => {
    const page = await openAndSettle(h, `https://${host}/`, { min: 2 });
    assert.equal(await inContentScript(page, '() => LureLens.adapter.name'), adapter);
    const states = await postStates(page);
    assert.equal(states.length, 4);
    for (const s of states) {
      if (s.expect === 'lure') assert.match(String(s.level), /^(medium|high)$/, `${s.id} flagged`);
      else assert.equal(s.level, null, `${s.id} not flagged`);
    }
    // One badge per post, even where comments/children also match generic selectors.
    assert.equal(await page.evaluate(() => document.querySelectorAll('lurelens-badge').length), 2);
    await shot(page, `site-${adapter}`);
    await page.close();
  });
}

test('no request left the machine', () => {
  assert.deepEqual(h.violations, []);
});
