import { QueryProbes } from './probe';

export const PROBES: QueryProbes = {
  districts: (p) => p.probe('districts', `{ districts { ${p.select('District', 2)} } }`),
};
