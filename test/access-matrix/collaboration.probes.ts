import { QueryProbes } from './probe';

export const PROBES: QueryProbes = {
  collaborationCase: async (p) => {
    for (const id of p.collaboration.caseIds) {
      await p.probe(
        'collaborationCase',
        `query($id: ID!) { collaborationCase(id: $id) { ${p.select('CollaborationCase', 3)} } }`,
        { id },
        p.factsById.get(id)!,
      );
    }
  },
  teamCandidates: async (p) => {
    for (const id of p.collaboration.caseIds) {
      await p.probe(
        'teamCandidates',
        `query($id: ID!) { teamCandidates(caseId: $id) { ${p.select('TeamCandidate', 2)} } }`,
        { id },
        p.factsById.get(id)!,
      );
    }
  },
  myCollaborationCases: (p) => p.probe('myCollaborationCases', `{ myCollaborationCases { ${p.select('CollaborationCase', 2)} } }`),
  myActions: (p) => p.probe('myActions', `{ myActions { ${p.select('PlanAction', 2)} } }`),
  collaborationAgenda: (p) =>
    p.probe(
      'collaborationAgenda',
      `query($d: ID!) { collaborationAgenda(districtId: $d, week: "2026-W48") { ${p.select('CollaborationAgenda', 2)} } }`,
      {
        d: p.scope.districtIds.has(p.collaboration.districtId)
          ? p.collaboration.districtId
          : ([...p.scope.districtIds][0] ?? p.collaboration.districtId),
      },
    ),
};
