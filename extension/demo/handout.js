// Printable one-page handout of the warning signs, in the chosen language, with the steps, the way
// to verify an agency and the help lines for the chosen country. Built from the rule packs' cards
// and help.toml through the worker; works offline. ?lang=&country= as on the demo page.
import { loadContext } from '../common/page-i18n.js';

// The strongest signs for a reader to remember (shared/domain/indicators.md §E, the ten strongest,
// plus the core template R01 + R02 + R03 and the runner-up R22), in reading order.
const HANDOUT_SIGNS = ['R01', 'R03', 'R09', 'R11', 'R12', 'R13', 'R15', 'R17', 'R08', 'R22', 'R23', 'R24'];

const params = new URLSearchParams(location.search);
const ctx = await loadContext({ lang: params.get('lang') || undefined, country: params.get('country') || undefined });
const { cards } = await chrome.runtime.sendMessage({ type: 'catalogue', lang: ctx.lang });
const byId = new Map(cards.map((c) => [c.id, c]));
const $ = (id) => document.getElementById(id);
const li = (...parts) => { const e = document.createElement('li'); e.append(...parts); return e; };
const strong = (s) => { const e = document.createElement('strong'); e.textContent = s; return e; };

$('signs').replaceChildren(...HANDOUT_SIGNS.map((id) => byId.get(id)).filter(Boolean).map((c) => li(strong(c.title), c.why)));
$('steps').replaceChildren(...ctx.help.steps.map((s) => li(s)));
const v = ctx.help.verify;
$('verify-title').textContent = v?.title || '';
$('verify').replaceChildren(...(v?.steps || []).map((s) => li(s)));
$('verify-link').textContent = v?.link || '';
$('hotlines').replaceChildren(...ctx.help.hotline.map((h) => li(strong(h.contact), ` — ${h.name}${h.hours ? ` (${h.hours})` : ''}`)));
const checked = [...ctx.help.hotline.map((h) => h.checked), v?.checked].filter(Boolean).sort().at(-1) || '';
$('foot').textContent = `LureLens · ${ctx.strings.handoutChecked || 'Numbers checked'} ${checked} · ${ctx.strings.optPrivacy || ''}`;
$('print').addEventListener('click', () => print());
document.title = ctx.strings.handoutTitle || document.title;
document.body.dataset.ready = '1';
