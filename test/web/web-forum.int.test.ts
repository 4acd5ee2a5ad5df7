/**
 * The weekly LUL forum in a real browser against the real API and database (issue 28): social services create this
 * week's meeting with one click, the police officer of the district reads the agenda, one report gets a talk and one a
 * "no" with its reason, the report pages say so, and the agenda prints on A4 without the navigation. axe on each page.
 */
import { Page } from 'playwright-core';
import { describeInBrowser, expectAccessible, stockholmDay, useWebTestEnvironment } from './browser';

jest.setTimeout(240_000);

const SOCIAL = 'socsek.norr@samverka.test';
const POLICE = 'polis.norr@samverka.test';

interface Filed {
  id: string;
  reference: string;
}

describeInBrowser('the forum page in a browser', () => {
  const web = useWebTestEnvironment({ workers: false });
  let yes: Filed;
  let no: Filed;

  async function policeReport(pin: string, key: string): Promise<Filed> {
    const made = await web.app.as(
      POLICE,
      `mutation($pin: String!, $key: String!) { reportConcern(input: { policeReference: $key,
      child: { personalIdentityNumber: $pin }, category: SUSPECTED_CRIME, description: "Misstänkt för rån", suspectedOffence: "Rån",
      offenceCanLeadToPrison: true, feedbackRequested: false, firstKnownSuspicion: true, preInvestigationRunning: false,
      guardianContactOnHold: false, idempotencyKey: $key }) { id reference } }`,
      { pin, key },
    );
    expect(made.errors).toBeUndefined();
    return made.data.reportConcern;
  }

  beforeAll(async () => {
    const districtId = await web.app.idOf('district', 'code = $1', ['norr']);
    const policy = await web.app.as(
      'admin@samverka.test',
      `mutation($i: UpdateDistrictPolicyInput!) { updateDistrictPolicy(input: $i) { id } }`,
      { i: { districtId, talkDeadlineMode: 'FORUM_DECIDES' } },
    );
    expect(policy.errors).toBeUndefined();
    const children = await web.app.sql(`SELECT c.personal_identity_number AS pin FROM child c JOIN district d ON d.id = c.district_id
      WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL AND c.birth_date <= now() - interval '12 years'
        AND c.birth_date > now() - interval '15 years' AND NOT EXISTS (SELECT 1 FROM report r WHERE r.child_id = c.id)
      ORDER BY c.personal_identity_number LIMIT 2`);
    expect(children).toHaveLength(2);
    yes = await policeReport(children[0].pin, 'K-FORUM-YES-26');
    no = await policeReport(children[1].pin, 'K-FORUM-NO-26');
  });

  const signIn = (email: string): Promise<Page> => web.signIn(email);
  const item = (page: Page, reference: string) => page.locator('.forum-week').locator(`li[data-reference="${reference}"]`);

  it('the members open the agenda, decide one report yes and one no with its reason, and the report pages show both', async () => {
    // Before the meeting the report says it waits for the forum, not that a talk failed to open.
    const social = await signIn(SOCIAL);
    await social.goto(`${web.baseUrl}/reports/${no.id}`);
    await social.locator('[data-testid="talk-standing"][data-standing="AWAITING_FORUM"]').getByText('Kommer upp på nästa möte.').waitFor();

    await social.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Samverkansforum' }).click();
    await social.getByRole('heading', { name: 'Samverkansforum (LUL)' }).waitFor();
    await social.getByRole('button', { name: 'Skapa veckans möte' }).click();
    const yesItem = item(social, yes.reference);
    const noItem = item(social, no.reference);
    await yesItem.waitFor();
    await noItem.waitFor();
    expect(await yesItem.textContent()).toMatch(/Ålder\d+ år/);
    expect(await yesItem.textContent()).toContain('Misstanke om brott: Rån');
    await expectAccessible(social, '40-social-forum-agenda');

    // The police officer of the district reads the same agenda, without the forms.
    const police = await signIn(POLICE);
    await police.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Samverkansforum' }).click();
    await item(police, yes.reference).getByText('Förundersökning').waitFor();
    expect(await item(police, yes.reference).getByTestId('forum-decision').textContent()).toBe('Inte beslutat');
    expect(await police.getByRole('button', { name: 'Spara beslut' }).count()).toBe(0);
    await expectAccessible(police, '41-police-forum-agenda');

    // Yes: the date is asked for beside its field, then the talk opens.
    await yesItem.getByRole('radio', { name: 'Samtal hålls' }).check();
    await yesItem.getByRole('button', { name: 'Spara beslut' }).click();
    await yesItem.getByTestId('error-summary').getByRole('link', { name: 'Ange datumet då samtalet ska vara hållet.' }).waitFor();
    await yesItem.locator('[data-testid="error-summary"]:focus').waitFor();
    await yesItem.getByLabel('Hållet senast').fill(stockholmDay(2));
    await yesItem.getByRole('checkbox', { name: 'Med uniformerad polis' }).check();
    await yesItem.getByRole('button', { name: 'Spara beslut' }).click();
    await yesItem
      .locator('[data-decision="yes"]')
      .getByRole('link', { name: /^Samtal SA-/ })
      .waitFor();

    // No: the reason is asked for beside its field, then recorded with its text.
    await noItem.getByRole('radio', { name: 'Inget samtal' }).check();
    await noItem.getByRole('button', { name: 'Spara beslut' }).click();
    await noItem
      .getByTestId('error-summary')
      .getByRole('link', { name: 'Forumet beslutade att inte hålla samtal: välj skälet.' })
      .waitFor();
    await noItem.locator('[data-testid="error-summary"]:focus').waitFor();
    await expectAccessible(social, '42-social-forum-reason-missing');
    await noItem.getByRole('combobox', { name: 'Skäl', exact: true }).selectOption('NOT_A_STRATEGIC_OFFENCE');
    await noItem.getByLabel('Beskrivning av skälet').fill('Följs upp i skolan.');
    await noItem.getByRole('button', { name: 'Spara beslut' }).click();
    await noItem.locator('[data-decision="no"]').getByText('Inget samtal: Inte ett strategiskt brott (Följs upp i skolan.).').waitFor();

    // The police see both decisions.
    await police.reload();
    await item(police, no.reference).locator('[data-decision="no"]').waitFor();
    await item(police, yes.reference)
      .locator('[data-decision="yes"]')
      .getByText(/med uniformerad polis/)
      .waitFor();

    // The report pages: the talk, linked; the "no" with its reason, when and by whom.
    await social.goto(`${web.baseUrl}/reports/${yes.id}`);
    const opened = social.locator('[data-testid="talk-standing"][data-standing="TALK_OPENED"]');
    await opened.getByRole('link', { name: /^Samtal SA-/ }).click();
    await social.waitForURL('**/talks/*');
    await social.goto(`${web.baseUrl}/reports/${no.id}`);
    const declined = social.locator('[data-testid="talk-standing"][data-standing="DECLINED_BY_FORUM"]');
    await declined.getByText(/Skäl: Inte ett strategiskt brott \(Följs upp i skolan\.\)\. Beslutat .+ av /).waitFor();
    await expectAccessible(social, '43-social-report-declined-by-forum');
  });

  it('the agenda and minutes print on A4 without the navigation or the forms', async () => {
    const social = await signIn(SOCIAL);
    await social.goto(`${web.baseUrl}/forum`);
    await item(social, yes.reference).waitFor();
    await social.emulateMedia({ media: 'print' });
    expect(await social.locator('.app-header').isVisible()).toBe(false);
    expect(await social.getByRole('button', { name: 'Skriv ut dagordning och protokoll' }).isVisible()).toBe(false);
    expect(await item(social, no.reference).locator('[data-decision="no"]').isVisible()).toBe(true);
    const pdf = await social.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
