import { QueryProbes } from './probe';

export const PROBES: QueryProbes = {
  escalations: (p) => p.probe('escalations', `{ escalations { ${p.select('Escalation', 1)} } }`),
};
