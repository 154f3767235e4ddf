// Telegram Web (K: .bubble .message; A: .Message .text-content): each chat message.
'use strict';
globalThis.LureLens.defineAdapter({
  name: 'telegram',
  hosts: ['web.telegram.org'],
  selector: '.bubble .message, .Message .text-content',
  minText: 30,
});
