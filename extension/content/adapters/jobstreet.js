// JobStreet / JobsDB (same SEEK platform): job cards and the job ad details.
'use strict';
globalThis.LureLens.defineAdapter({
  name: 'jobstreet',
  hosts: ['jobstreet.com', 'jobstreet.co.id', 'jobsdb.com'],
  selector: 'article[data-automation="normalJob"], article[data-card-type="JobCard"], [data-automation="jobAdDetails"]',
  minText: 40,
});
