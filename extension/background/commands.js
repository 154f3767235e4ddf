// Keyboard commands (manifest "commands"; users can rebind them at chrome://extensions/shortcuts):
// next / previous flagged post in the active tab. The tab's content script does the moving.
const STEP = { 'next-flagged': 1, 'prev-flagged': -1 };

export async function onCommand(command, tab) {
  const dir = STEP[command];
  if (!dir) return null;
  // Chrome passes the active tab; older Firefox versions do not.
  const target = tab?.id != null ? tab : (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (target?.id == null) return null;
  try {
    return await chrome.tabs.sendMessage(target.id, { type: 'step', dir });
  } catch {
    return null; // no content script in this tab (browser pages): nothing to move through
  }
}
