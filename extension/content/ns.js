// Shared namespace of the content scripts (classic scripts in the isolated world: no ES modules, P14).
'use strict';
globalThis.LureLens = globalThis.LureLens || {
  adapters: [],          // site adapters, in registration order; the generic one is the fallback
  BADGE_TAG: 'lurelens-badge',
  // FNV-1a 32-bit over UTF-16 units: cheap, stable dedupe key for post texts (not security relevant).
  hash(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    return (h >>> 0).toString(36) + ':' + s.length;
  },
};
