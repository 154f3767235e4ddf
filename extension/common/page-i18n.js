// Extension pages: fill [data-i18n] elements from the strings the worker sends (the user's chosen
// language, which chrome.i18n cannot follow).
export async function loadContext() {
  const ctx = await chrome.runtime.sendMessage({ type: 'settings' });
  if (ctx?.error) throw new Error(ctx.error);
  document.documentElement.lang = ctx.settings.effectiveLang;
  for (const el of document.querySelectorAll('[data-i18n]')) {
    const s = ctx.strings[el.dataset.i18n];
    if (s) el.textContent = s;
  }
  return ctx;
}
