import { ProbeContext, QueryProbes } from './probe';

const childOf = async (p: ProbeContext, district: string) =>
  (
    await p.app.sql(`SELECT c.id FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = $1 ORDER BY c.id LIMIT 1`, [district])
  )[0].id as string;

const extractChild = async (p: ProbeContext) => (await p.app.sql(`SELECT child_id FROM register_extract`))[0].child_id as string;

export const PROBES: QueryProbes = {
  child: async (p) => {
    for (const id of [await childOf(p, 'norr'), await childOf(p, 'syd')]) {
      await p.probe('child', `query($id: ID!) { child(id: $id) { ${p.select('Child', 2)} } }`, { id }, p.factsById.get(id)!);
    }
  },
  children: (p) =>
    p.probe('children', `{ children(first: 3) { edges { cursor node { ${p.select('Child', 1)} } } pageInfo { hasNextPage endCursor } } }`),
  childCorrections: async (p) => {
    const c = await extractChild(p);
    await p.probe(
      'childCorrections',
      `query($c: ID!) { childCorrections(childId: $c) { ${p.select('ChildCorrection', 1)} } }`,
      { c },
      p.factsById.get(c)!,
    );
  },
};
