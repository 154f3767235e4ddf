// Facebook feed, groups and Marketplace jobs: each top-level post in the feed (comments are part of it).
'use strict';
globalThis.LureLens.defineAdapter({
  name: 'facebook',
  hosts: ['facebook.com'],
  selector: '[role="feed"] > div, [role="article"][aria-posinset], div[data-pagelet^="FeedUnit"], [aria-label="Marketplace"] [role="main"] [data-testid="marketplace_pdp_component"]',
  innermost: false,
  minText: 40,
});
