// Indeed: result cards (job_seen_beacon) and the job description pane.
'use strict';
globalThis.LureLens.defineAdapter({
  name: 'indeed',
  hosts: ['indeed.com'],
  selector: '.job_seen_beacon, #jobDescriptionText',
  minText: 40,
});
