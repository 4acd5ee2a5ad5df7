import {
  agencyIdOf,
  COORDINATOR,
  insertChild,
  LEISURE,
  ok,
  openCase,
  recordConsent,
  SOCIAL_WORKER,
  TEACHER,
} from './helpers/collaboration';
import { freshAppPerTest } from './helpers/test-app';

const CANDIDATES = `query($id: ID!) { teamCandidates(caseId: $id) { id displayName agency { name kind } } }`;

const t = freshAppPerTest('2026-11-23T08:00:00Z');

describe('team candidates: whom the coordinator can add', () => {
  it('offers only the active staff of agencies a valid consent covers, and none once it is withdrawn', async () => {
    const { childId, guardianIds } = await insertChild(t.app, '2012-03-15', 'Nora');
    const caseId = await openCase(t.app, childId);
    expect((await ok(t.app, COORDINATOR, CANDIDATES, { id: caseId })).teamCandidates).toEqual([]);

    const consent = await recordConsent(t.app, { caseId, givenByYouth: true, guardianIds, agencyIds: [await agencyIdOf(t.app, LEISURE)] });
    expect(consent.errors).toBeUndefined();
    const leisureStaff = await t.app.sql(`SELECT display_name AS name FROM app_user WHERE agency_id = $1 AND disabled_at IS NULL`, [
      await agencyIdOf(t.app, LEISURE),
    ]);
    const offered = (await ok(t.app, COORDINATOR, CANDIDATES, { id: caseId })).teamCandidates;
    expect(offered.map((c: { displayName: string }) => c.displayName).sort()).toEqual(
      leisureStaff.map((s: { name: string }) => s.name).sort(),
    );
    expect(offered.every((c: { agency: { kind: string } }) => c.agency.kind === 'LEISURE')).toBe(true);
    const names = offered.map((c: { displayName: string }) => c.displayName);
    expect(names).not.toContain('Lärare Norr');
    expect(names).not.toContain('Föreningsledare Norr');

    await t.app.sql(`UPDATE app_user SET disabled_at = now() WHERE email = $1`, [LEISURE]);
    expect(
      (await ok(t.app, COORDINATOR, CANDIDATES, { id: caseId })).teamCandidates.map((c: { displayName: string }) => c.displayName),
    ).not.toContain('Fritidsledare Norr');

    await ok(t.app, COORDINATOR, `mutation($i: WithdrawConsentInput!) { withdrawConsent(input: $i) { withdrawnAt } }`, {
      i: { consentId: consent.data.recordConsent.consents[0].id },
    });
    expect((await ok(t.app, COORDINATOR, CANDIDATES, { id: caseId })).teamCandidates).toEqual([]);
  });

  it('is refused to partners and social workers', async () => {
    const { childId } = await insertChild(t.app, '2012-03-15', 'Nora');
    const caseId = await openCase(t.app, childId);
    for (const email of [TEACHER, SOCIAL_WORKER]) {
      const result = await t.app.as(email, CANDIDATES, { id: caseId });
      expect(result.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    }
  });

  it('lets coordinators list the agencies a consent can name, with their districts', async () => {
    const { agencies } = await ok(t.app, COORDINATOR, `{ agencies { name kind districts { code } } }`);
    expect(agencies).toContainEqual({ name: 'Fritidsgården Norr', kind: 'LEISURE', districts: [{ code: 'norr' }] });
    const refused = await t.app.as(TEACHER, `{ agencies { name } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
