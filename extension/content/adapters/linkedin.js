// LinkedIn: job cards in search results, the open job description, feed updates.
'use strict';
globalThis.LureLens.defineAdapter({
  name: 'linkedin',
  hosts: ['linkedin.com'],
  selector: '.job-card-container, .jobs-search__results-list > li, .jobs-description__content, .feed-shared-update-v2',
  minText: 40,
});
