// Options: interface language, country (advice + hotlines), sensitivity. Saved on change, locally.
import { loadContext } from '../common/page-i18n.js';

const $ = (id) => document.getElementById(id);
let ctx = await loadContext();
$('lang').value = ctx.settings.lang;
$('country').value = ctx.settings.country;
for (const r of document.querySelectorAll('[name=sensitivity]')) r.checked = r.value === ctx.settings.sensitivity;

$('form').addEventListener('change', async () => {
  const set = { lang: $('lang').value, country: $('country').value,
    sensitivity: document.querySelector('[name=sensitivity]:checked')?.value || 'normal' };
  await chrome.runtime.sendMessage({ type: 'settings', set });
  ctx = await loadContext(); // re-label the page in the newly chosen language
  $('saved').textContent = ctx.strings.optSaved;
});
