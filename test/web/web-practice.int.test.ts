/**
 * Practice (issue 22) in a real browser against the real API, database, queue and workers, with axe-core on every page:
 * the social worker's child page, the coordinator refused a second case and led to the open one, and a partner acting on
 * its page for a case. Screenshots go to test-output/web/practice-*.png.
 */
import { addMember, agencyIdOf, COORDINATOR, insertChild, LEISURE, ok, openCase, recordConsent, userIdOf } from '../helpers/collaboration';
import { personalNumberAged, policeReport } from '../helpers/talk-steps';
import { expectAccessible, describeInBrowser, useWebTestEnvironment } from './browser';

jest.setTimeout(240_000);

const SOCIAL_WORKER = 'socsek.norr@samverka.test';
const SUPERVISOR = 'chef.norr@samverka.test';

describeInBrowser('practice pages in a browser', () => {
  const web = useWebTestEnvironment({ workers: true });

  it("the social worker goes from a report to the child's page: the clocks running, the report, the talk, and on to the talk", async () => {
    const { reportId, reference } = await policeReport(web.app, 'norr', {
      personalIdentityNumber: personalNumberAged(13),
      givenName: 'Alva',
      familyName: 'Webbsson',
    });
    const [{ reference: talkReference }] = await web.app.sql(
      `SELECT t.reference FROM talk t JOIN report r ON r.child_id = t.child_id WHERE r.id = $1`,
      [reportId],
    );

    const social = await web.signIn(SOCIAL_WORKER);
    await social.goto(`${web.baseUrl}/reports/${reportId}`);
    await social.getByRole('link', { name: /Alva Webbsson/ }).click();
    await social.getByRole('heading', { name: 'Alva Webbsson', level: 1 }).waitFor();

    const clocks = social.locator('section[aria-labelledby="child-clocks-title"]');
    await clocks.getByRole('heading', { name: 'Tidsfrister som löper' }).waitFor();
    await clocks.getByText(`${reference}: Skyddsbedömning`, { exact: false }).waitFor();
    await clocks.getByText(`${talkReference}:`, { exact: false }).waitFor();
    const reports = social.locator('section[aria-labelledby="child-reports-title"]');
    await reports.getByRole('link', { name: reference }).waitFor();
    const cases = social.locator('section[aria-labelledby="child-cases-title"]');
    await cases.getByText('Inga samverkansärenden.').waitFor();
    await expectAccessible(social, 'practice-01-child-page');

    await social
      .locator('section[aria-labelledby="child-talks-title"]')
      .getByRole('link', { name: new RegExp(talkReference) })
      .click();
    await social.getByRole('heading', { name: new RegExp(talkReference), level: 1 }).waitFor();
    await social.getByRole('link', { name: /Alva Webbsson/ }).click();
    await social.getByRole('heading', { name: 'Alva Webbsson', level: 1 }).waitFor();
  });

  it('the coordinator is refused a second case for the child and led to the open one', async () => {
    const { childId } = await insertChild(web.app, `${new Date().getUTCFullYear() - 14}-03-15`, 'Ebba');
    const caseId = await openCase(web.app, childId);
    const [{ reference }] = await web.app.sql(`SELECT reference FROM collaboration_case WHERE id = $1`, [caseId]);

    const coordinator = await web.signIn(COORDINATOR);
    await coordinator.waitForURL('**/cases');
    const newCase = coordinator.locator('section[aria-labelledby="new-case-title"]');
    await newCase.getByLabel('Sök barnet (namn eller personnummer)').fill('Ebba');
    await newCase.getByRole('button', { name: 'Sök' }).click();
    await newCase.getByRole('radio', { name: /Ebba Samverkansson/ }).check();
    await newCase.getByLabel('Vad oroar? (som det beskrevs för dig)').fill('Skolan oroar sig för Ebbas frånvaro.');
    await newCase.getByRole('button', { name: 'Öppna ärendet' }).click();
    const toOpen = newCase.getByRole('link', { name: `Gå till det öppna ärendet ${reference}` });
    await toOpen.waitFor();
    await expectAccessible(coordinator, 'practice-02-second-case-refused');
    await toOpen.click();
    await coordinator.getByRole('heading', { name: new RegExp(`^Ärende ${reference}`), level: 1 }).waitFor();
    expect(await web.app.sql(`SELECT count(*)::int AS n FROM collaboration_case WHERE child_id = $1`, [childId])).toEqual([{ n: 1 }]);
  });

  it('a partner opens its case from Mina åtgärder, sees the child, its goal, its action and its meeting, and records progress', async () => {
    const { childId, guardianIds } = await insertChild(web.app, `${new Date().getUTCFullYear() - 14}-03-15`, 'Noel');
    const caseId = await openCase(web.app, childId);
    const consent = await recordConsent(web.app, {
      caseId,
      givenByYouth: true,
      guardianIds,
      agencyIds: [await agencyIdOf(web.app, LEISURE)],
    });
    expect(consent.errors).toBeUndefined();
    expect((await addMember(web.app, caseId, LEISURE)).errors).toBeUndefined();
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    await ok(web.app, COORDINATOR, `mutation($i: SetGoalsInput!) { setGoals(input: $i) { state } }`, {
      i: {
        caseId,
        youthGoals: ['Hitta en fritidsaktivitet'],
        agencyGoals: [{ agencyId: await agencyIdOf(web.app, LEISURE), text: 'Noel kommer till fritidsgården varje vecka' }],
        firstFollowUpAt: inDays(28),
      },
    });
    await ok(web.app, COORDINATOR, `mutation($i: AddPlanActionInput!) { addPlanAction(input: $i) { id } }`, {
      i: {
        caseId,
        kind: 'LEISURE_ACTIVITY',
        description: 'Visa Noel runt på fritidsgården',
        responsibleUserId: await userIdOf(web.app, LEISURE),
        dueAt: inDays(10),
      },
    });
    await ok(web.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
      i: { caseId, kind: 'NETWORK_MEETING', scheduledAt: inDays(5), attendeeUserIds: [await userIdOf(web.app, LEISURE)] },
    });
    const [{ reference }] = await web.app.sql(`SELECT reference FROM collaboration_case WHERE id = $1`, [caseId]);

    const leisure = await web.signIn(LEISURE);
    await leisure.getByRole('link', { name: 'Mina åtgärder' }).click();
    await leisure.getByRole('link', { name: `Ärende ${reference}` }).click();
    await leisure.getByRole('heading', { name: `Ärende ${reference}`, level: 1 }).waitFor();
    await leisure.getByTestId('partner-child').getByText('Noel Samverkansson, 14 år').waitFor();
    await leisure
      .locator('section[aria-labelledby="partner-goals-title"]')
      .getByText('Noel kommer till fritidsgården varje vecka')
      .waitFor();
    const meetings = leisure.locator('section[aria-labelledby="partner-meetings-title"]');
    await meetings.getByText(/Nätverksmöte/).waitFor();
    // Who else comes, and from where: staff only, no child data.
    await meetings.getByText('Inbjudna: SSPF-samordnare Norr (Socialtjänsten Norr), Fritidsledare Norr (Fritidsgården Norr)').waitFor();
    const action = leisure.locator(`[data-testid="my-action"][data-case="${reference}"]`);
    await action.getByText('Visa Noel runt på fritidsgården').waitFor();
    await expectAccessible(leisure, 'practice-03-partner-case');

    await action.getByLabel('Ny anteckning').fill('Noel var här i tisdags.');
    await action.getByRole('button', { name: 'Spara anteckningen' }).click();
    await action.locator('p', { hasText: 'Noel var här i tisdags.' }).waitFor();
    await action.getByLabel('Status').selectOption('IN_PROGRESS');
    await action.getByRole('button', { name: 'Spara ändringen' }).click();
    await action.getByRole('heading', { name: /Pågår/ }).waitFor();
    expect(await web.app.sql(`SELECT status FROM plan_action WHERE case_id = $1`, [caseId])).toEqual([{ status: 'IN_PROGRESS' }]);
  });

  it("the child's page shows the case's clocks to a reader of the case record: the consent's end, the follow-up, the review of a case that stands still", async () => {
    const { childId, guardianIds } = await insertChild(web.app, `${new Date().getUTCFullYear() - 14}-03-15`, 'Tove');
    const caseId = await openCase(web.app, childId);
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const consent = await recordConsent(web.app, {
      caseId,
      givenByYouth: true,
      guardianIds,
      agencyIds: [await agencyIdOf(web.app, LEISURE)],
      endsAt: inDays(90),
    });
    expect(consent.errors).toBeUndefined();
    await ok(web.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
      i: { caseId, kind: 'FOLLOW_UP', scheduledAt: inDays(20), attendeeUserIds: [] },
    });
    const [{ reference }] = await web.app.sql(`SELECT reference FROM collaboration_case WHERE id = $1`, [caseId]);

    const supervisor = await web.signIn(SUPERVISOR);
    await supervisor.goto(`${web.baseUrl}/children/${childId}`);
    await supervisor.getByRole('heading', { name: 'Tove Samverkansson', level: 1 }).waitFor();
    const clocks = supervisor.getByTestId('child-clocks');
    await clocks.getByText(new RegExp(`^${reference}: Uppföljningsmöte: (19|20) dagar kvar`)).waitFor();
    await clocks.getByText(new RegExp(`^${reference}: Samtycket upphör: (89|90) dagar kvar`)).waitFor();
    await clocks.getByText(new RegExp(`^${reference}: Översyn om ärendet står still: \\d+ dagar kvar`)).waitFor();
    await expectAccessible(supervisor, 'practice-04-child-page-case-clocks');

    // A social worker not on the team sees that the case exists, and none of its clocks (the page opened on an error before).
    const social = await web.signIn(SOCIAL_WORKER);
    await social.goto(`${web.baseUrl}/children/${childId}`);
    await social.getByRole('heading', { name: 'Tove Samverkansson', level: 1 }).waitFor();
    await social.locator('section[aria-labelledby="child-cases-title"]').getByText(`Ärende ${reference}`).waitFor();
    await social.locator('section[aria-labelledby="child-clocks-title"]').getByText('Inga tidsfrister löper.').waitFor();
  });
});
