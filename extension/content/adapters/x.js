// X / Twitter: each tweet article.
'use strict';
globalThis.LureLens.defineAdapter({
  name: 'x',
  hosts: ['x.com', 'twitter.com'],
  selector: 'article[data-testid="tweet"]',
  innermost: false,
  minText: 30,
});
