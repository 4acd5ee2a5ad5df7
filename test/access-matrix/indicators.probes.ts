import { QueryProbes } from './probe';

export const PROBES: QueryProbes = {
  indicators: (p) =>
    p.probe('indicators', `{ indicators(period: { unit: YEAR, from: "2026", to: "2026" }) { ${p.select('IndicatorCell', 1)} } }`),
  complianceReport: (p) =>
    p.probe(
      'complianceReport',
      `{ complianceReport(period: { unit: YEAR, from: "2026", to: "2026" }) { ${p.select('ComplianceRow', 2)} } }`,
    ),
};
