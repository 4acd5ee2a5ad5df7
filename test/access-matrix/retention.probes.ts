import { ProbeContext, QueryProbes } from './probe';

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
