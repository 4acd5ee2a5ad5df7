import { TestApp } from '../helpers/test-app';
import { Facts, ProbeContext, QueryProbes } from './probe';

/** Retention (issue 26): a legal hold, a register extract and a correction on the child of the Norr police report, and a run with counts per district. */
export async function fixtures(app: TestApp) {
  const [{ child_id: childId }] = await app.sql(`SELECT child_id FROM report WHERE police_reference = 'K-MATRIX/26'`);
  const chef = 'chef.norr@samverka.test';
  await app.as(chef, `mutation($i: PlaceLegalHoldInput!) { placeLegalHold(input: $i) { id } }`, {
    i: { childId, reason: 'Matris: överklagat.' },
  });
  const extract = await app.as(chef, `mutation($c: ID!) { childDataExport(childId: $c) { id parts { key decision } } }`, { c: childId });
  const { id: extractId, parts } = extract.data.childDataExport;
  for (const part of parts.filter((p: { decision: string }) => p.decision === 'PENDING')) {
    await app.as(chef, `mutation($i: DecideExtractPartInput!) { decideExtractPart(input: $i) { id } }`, {
      i: { extractId, key: part.key, release: false, reason: 'Matris: sekretess.' },
    });
  }
  await app.as('socsek.norr@samverka.test', `mutation($i: CorrectChildInput!) { correctChild(input: $i) { id } }`, {
    i: { childId, givenName: 'Matrisrättad', reason: 'Matris: fel stavning.' },
  });
  await app.sql(
    `INSERT INTO retention_run (district_id, run_date, policy_version, started_at, finished_at, counts)
     SELECT id, '2026-11-23', policy_version, now(), now(), '{"REPORT_NO_INVESTIGATION": 2}' FROM district`,
  );
}

export async function facts(app: TestApp): Promise<[string, Facts][]> {
  const rows = await app.sql(`SELECT id, district_id FROM legal_hold UNION ALL SELECT id, district_id FROM register_extract
      UNION ALL SELECT id, district_id FROM child_correction UNION ALL SELECT id, district_id FROM retention_run`);
  return rows.map((r) => [r.id, { entityId: r.id, districtId: r.district_id }]);
}

const extract = async (p: ProbeContext) => (await p.app.sql(`SELECT id, child_id FROM register_extract`))[0];

export const PROBES: QueryProbes = {
  legalHolds: (p) => p.probe('legalHolds', `{ legalHolds { ${p.select('LegalHold', 1)} } }`),
  retentionRuns: (p) => p.probe('retentionRuns', `{ retentionRuns { ${p.select('RetentionRun', 1)} } }`),
  registerExtract: async (p) => {
    const { id } = await extract(p);
    await p.probe(
      'registerExtract',
      `query($id: ID!) { registerExtract(id: $id) { ${p.select('RegisterExtract', 1)} } }`,
      { id },
      p.factsById.get(id)!,
    );
  },
  registerExtracts: async (p) =>
    p.probe('registerExtracts', `query($c: ID!) { registerExtracts(childId: $c) { id childId requestedAt ready } }`, {
      c: (await extract(p)).child_id,
    }),
};
