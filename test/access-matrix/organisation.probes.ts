import { QueryProbes } from './probe';

export const PROBES: QueryProbes = {
  viewer: (p) => p.probe('viewer', `{ viewer { ${p.select('Viewer', 2)} } }`),
  agencies: (p) => p.probe('agencies', `{ agencies { ${p.select('Agency', 1)} } }`),
  users: (p) => p.probe('users', `{ users(first: 5) { ${p.select('UserAccount', 1)} } }`),
};
