import { ProbeContext, QueryProbes } from './probe';

const norrDistrict = async (p: ProbeContext) => (await p.app.sql(`SELECT id FROM district WHERE code = 'norr'`))[0].id as string;

/** A district or a user outside the reviewer's scope is not found (`named`); a child's trail is filtered. */
const auditProbe =
  (operation: string, args: (p: ProbeContext, district: string) => Promise<string> | string, named: boolean) => async (p: ProbeContext) => {
    await p.refreshAuditDistricts();
    const district = await norrDistrict(p);
    const range = operation === 'auditSample' ? '' : ', from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z"';
    await p.probe(
      operation,
      `{ ${operation}(${await args(p, district)}${range}) { ${p.select('AuditEvent', 1)} } }`,
      {},
      named ? { districtId: district } : null,
      { districtId: district },
    );
  };

export const PROBES: QueryProbes = {
  auditTrail: auditProbe(
    'auditTrail',
    async (p) =>
      `childId: "${(await p.app.sql(`SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`))[0].id}"`,
    false,
  ),
  accessLog: auditProbe('accessLog', (p) => `userId: "${p.scopeOf('socsek.norr@samverka.test').userId}"`, true),
  auditSample: auditProbe('auditSample', (_p, district) => `districtId: "${district}", month: "2026-11", size: 5`, true),
};
