import { QueryProbes } from './probe';

export const PROBES: QueryProbes = {
  myNotifications: (p) => p.probe('myNotifications', `{ myNotifications { ${p.select('Notification', 1)} } }`),
  parkedEmails: (p) => p.probe('parkedEmails', `{ parkedEmails { ${p.select('ParkedEmail', 1)} } }`),
};
