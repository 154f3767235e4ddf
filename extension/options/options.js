// Options: interface language, country (advice + hotlines), sensitivity. Saved on change, locally.
import { loadContext } from '../common/page-i18n.js';
import { LANG_NAMES, COUNTRY_NAMES, fillSelect } from '../common/langs.js';

const $ = (id) => document.getElementById(id);
let ctx = await loadContext();
// '' = automatic (browser language; country from the language); 'default' country = none of these.
const AUTO = { '': ctx.strings.optAuto };
fillSelect($('lang'), { ...AUTO, ...LANG_NAMES }, ctx.settings.lang);
fillSelect($('country'), { ...AUTO, ...COUNTRY_NAMES, default: ctx.strings.optOtherCountry }, ctx.settings.country);
for (const r of document.querySelectorAll('[name=sensitivity]')) r.checked = r.value === ctx.settings.sensitivity;

$('form').addEventListener('change', async () => {
  const set = { lang: $('lang').value, country: $('country').value,
    sensitivity: document.querySelector('[name=sensitivity]:checked')?.value || 'normal' };
  await chrome.runtime.sendMessage({ type: 'settings', set });
  ctx = await loadContext(); // re-label the page in the newly chosen language
  $('lang').options[0].textContent = ctx.strings.optAuto;
  $('saved').textContent = ctx.strings.optSaved;
});
