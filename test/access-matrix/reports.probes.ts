import { ProbeContext, QueryProbes } from './probe';

const reports = (p: ProbeContext) => [...p.factsById.entries()].filter(([, f]) => f.reporterAgencyId !== undefined);
const connection = (operation: string) => (p: ProbeContext) =>
  p.probe(
    operation,
    `{ ${operation}(first: 3) { edges { cursor node { ${p.select('Report', 1)} } } pageInfo { hasNextPage endCursor } } }`,
  );

export const PROBES: QueryProbes = {
  report: async (p) => {
    for (const [id, facts] of reports(p)) {
      await p.probe('report', `query($id: ID!) { report(id: $id) { ${p.select('Report', 2)} } }`, { id }, facts);
    }
  },
  reportByReference: async (p) => {
    for (const [id, facts] of reports(p)) {
      const [{ reference }] = await p.app.sql(`SELECT reference FROM report WHERE id = $1`, [id]);
      await p.probe(
        'reportByReference',
        `query($ref: String!) { reportByReference(reference: $ref) { ${p.select('Report', 2)} } }`,
        { ref: reference.toLowerCase() },
        facts,
      );
    }
  },
  intakeSearch: (p) =>
    p.probe('intakeSearch', `query($s: String!) { intakeSearch(search: $s) { ${p.select('Report', 2)} } }`, { s: 'oa-' }),
  staff: (p) =>
    p.probe('staff', `query($d: ID!) { staff(districtId: $d) { ${p.select('StaffMember', 1)} } }`, {
      d: [...p.scope.districtIds][0] ?? p.collaboration.districtId,
    }),
  intakeQueue: connection('intakeQueue'),
  myReports: connection('myReports'),
  reportFeedback: async (p) => {
    const [{ id, reference }] = await p.app.sql(`SELECT id, police_reference AS reference FROM report WHERE police_reference IS NOT NULL`);
    // reportFeedback answers only the agency that filed the report, also for social services.
    const filedHere = p.factsById.get(id)!.reporterAgencyId === p.scope.agencyId;
    await p.probe(
      'reportFeedback',
      `query($ref: String!) { reportFeedback(policeReference: $ref) { ${p.select('Report', 2)} } }`,
      { ref: reference },
      filedHere ? p.factsById.get(id)! : { reporterAgencyId: null, districtId: null },
    );
  },
};
