// Context menu "Check selected text": scans in the worker, the tab's content script shows the result.
const MENU_ID = 'lurelens-check-selection';

export function installMenu() {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU_ID, title: chrome.i18n.getMessage('menuCheckSelection'), contexts: ['selection'] });
  });
}

export async function onMenuClick(info, tab, handlers) {
  if (info.menuItemId !== MENU_ID || !info.selectionText || tab?.id == null) return;
  const { results } = await handlers.scan({ items: [{ id: 'selection', text: info.selectionText }] });
  try {
    await chrome.tabs.sendMessage(tab.id, { type: 'showSelectionResult', text: info.selectionText, result: results[0] });
  } catch (e) {
    // No content script in this tab (browser pages, the web store): nothing we may draw into.
    console.warn('LureLens: cannot show the result in this tab', e);
  }
}
