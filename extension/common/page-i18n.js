// Extension pages: fill [data-i18n] elements from the strings the worker sends (the user's chosen
// language, which chrome.i18n cannot follow). `preview` = {lang, country} shows another language or
// country without saving it (the trainer's demo page and handout).
export async function loadContext(preview = {}) {
  const ctx = await chrome.runtime.sendMessage({ type: 'settings', ...preview });
  if (ctx?.error) throw new Error(ctx.error);
  document.documentElement.lang = ctx.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const s = ctx.strings[el.dataset.i18n];
    if (s) el.textContent = s;
  }
  return ctx;
}
