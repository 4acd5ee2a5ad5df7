/**
 * The serious-talk pages in a real browser against the real API, database and workers: the social worker's talk page
 * (flow 3: "Genomfört" stays disabled until every agency's disclosure is in), talksDue as a week view, and the police
 * officer's "Mina samtal" with the calendar download. axe-core on each page; screenshots in test-output/web/.
 */
import fs from 'node:fs';
import { Page } from 'playwright-core';
import { openTalkForNorrTeenager } from '../helpers/talk-steps';
import { bookTalkInForm, describeInBrowser, expectAccessible, stockholmDay, useWebTestEnvironment } from './browser';

jest.setTimeout(240_000);

const SOCIAL = 'socsek.norr@samverka.test';
const POLICE = 'polis.norr@samverka.test';

describeInBrowser('talk pages in a browser', () => {
  const web = useWebTestEnvironment({ workers: true });
  let talkId: string;
  let reference: string;

  beforeAll(async () => {
    ({ talkId, reference } = await openTalkForNorrTeenager(web.app, SOCIAL, stockholmDay(), 'web-talks-open'));
  });

  const signIn = (email: string): Promise<Page> => web.signIn(email);

  it('talksDue as a week view: the talk due today under its day, linking to the talk page; previous and next week', async () => {
    const social = await signIn(SOCIAL);
    await social.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Samtal' }).click();
    await social.getByRole('heading', { name: 'Samtal per vecka' }).waitFor();
    // Due tonight: in this week's view whatever the weekday.
    const day = social.locator(`[data-day="${stockholmDay()}"]`);
    const item = day.locator(`[data-reference="${reference}"]`);
    await item.waitFor();
    expect(await item.locator('.clock').textContent()).toMatch(/Hålla samtalet: \d+ (h|min) kvar/);
    await expectAccessible(social, '20-social-talks-week');

    const firstDay = await social.locator('[data-day]').first().getAttribute('data-day');
    await social.getByRole('button', { name: 'Nästa vecka' }).click();
    const [y, m, d] = firstDay!.split('-').map(Number);
    await social.locator(`[data-day="${new Date(Date.UTC(y, m - 1, d + 7)).toISOString().slice(0, 10)}"]`).waitFor();
    await social.getByText(/Denna vecka: \d+ med sista dag/).waitFor();
    expect(await social.locator(`[data-reference="${reference}"]`).count()).toBe(0);
    await social.getByRole('button', { name: 'Denna vecka' }).click();
    await item.getByRole('link', { name: reference }).click();
    await social.waitForURL(`**/talks/${talkId}`);
    await social.getByRole('heading', { name: `Samtal ${reference}` }).waitFor();
  });

  it("the report page lists the child's talks and opens one by hand, landing on its talk page", async () => {
    const [child] = await web.app.sql(`SELECT c.personal_identity_number AS pin FROM child c JOIN district d ON d.id = c.district_id
      WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL ORDER BY c.personal_identity_number DESC LIMIT 1`);
    const made = await web.app.as(
      POLICE,
      `mutation($pin: String!) { reportConcern(input: { policeReference: "K-7001/26",
      child: { personalIdentityNumber: $pin }, category: CRIMINAL_BEHAVIOUR, description: "Setts med äldre kriminella", feedbackRequested: false,
      firstKnownSuspicion: false, preInvestigationRunning: false, guardianContactOnHold: false, idempotencyKey: "web-talks-report" }) { id } }`,
      { pin: child.pin },
    );
    expect(made.errors).toBeUndefined();
    const social = await signIn(SOCIAL);
    await social.goto(`${web.baseUrl}/reports/${made.data.reportConcern.id}`);
    const talks = social.locator('section[aria-labelledby="child-talks-title"]');
    await talks.getByText('Inga samtal med barnet.').waitFor();
    await talks.getByRole('button', { name: 'Öppna samtal' }).click();
    await talks.getByTestId('error-summary').getByRole('link', { name: 'Välj typ' }).waitFor();
    await talks.getByTestId('error-summary').and(social.locator(':focus')).waitFor();
    await expectAccessible(social, '24-social-report-talks');
    await talks.getByLabel('Typ').selectOption('CONCERN_TALK');
    await talks.getByRole('button', { name: 'Öppna samtal' }).click();
    await social.waitForURL('**/talks/*');
    await social.getByRole('heading', { name: /^Samtal SA-\d{4}-\d+$/ }).waitFor();
    expect(await social.getByTestId('talk-clock').textContent()).toBe('Ingen klocka');
    await social.getByRole('link', { name: /^Anmälan OA-/ }).click();
    await talks.getByRole('link', { name: /^Samtal SA-/ }).waitFor();
  });

  it('flow 3: "Genomfört" stays disabled, saying why, until the police disclosure is in; the police see the talk and its calendar', async () => {
    const social = await signIn(SOCIAL);
    await social.goto(`${web.baseUrl}/talks/${talkId}`);
    await social.getByRole('heading', { name: `Samtal ${reference}` }).waitFor();
    expect(await social.getByTestId('talk-clock').textContent()).toMatch(/Hålla samtalet: \d+ (h|min) kvar/);

    // Summon and book through the page; a missing place is shown beside its field.
    await social.getByRole('button', { name: 'Kalla till samtal' }).click();
    const booking = social.locator('section[aria-labelledby="scheduling-title"]');
    await booking.getByLabel('Datum').waitFor();
    await social.waitForFunction(
      () => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id === 'talk-date',
    );
    await booking.getByRole('button', { name: 'Boka samtalet' }).click();
    await booking.getByText('Ange datum som år-månad-dag').first().waitFor();
    await bookTalkInForm(booking, stockholmDay(1));

    // Invite the police officer of the district, in uniform.
    const participants = social.locator('section[aria-labelledby="participants-title"]');
    await participants.getByLabel('Vem').selectOption({ label: 'Polis: Polis Norr' });
    await participants.getByRole('checkbox', { name: 'Polis i uniform' }).check();
    await participants.getByRole('button', { name: 'Bjud in' }).click();
    await social.locator('tr[data-role="POLICE_OFFICER"]').waitFor();

    // Social services' own disclosure from the checklist.
    const checklist = social.locator('section[aria-labelledby="disclosure-title"]');
    await checklist.getByRole('button', { name: 'Jag har informerat' }).click();
    await checklist.locator('li[data-done="true"]').waitFor();
    const policeItem = checklist.locator('li[data-agency="Lokalpolisområde Norr"]');
    expect(await policeItem.getAttribute('data-done')).toBe('false');

    const held = social.getByRole('button', { name: 'Genomfört' });
    expect(await held.getAttribute('aria-disabled')).toBe('true');
    const reason = social.getByTestId('hold-reason');
    expect(await reason.textContent()).toContain('Lokalpolisområde Norr har inte lämnat information om samtalets syfte');
    expect(await held.getAttribute('aria-describedby')).toBe(await reason.getAttribute('id'));
    expect(await held.isDisabled()).toBe(true);
    // Still in the focus order, so a keyboard or screen-reader user reaches it and hears why; Enter does nothing.
    await held.focus();
    await social.keyboard.press('Enter');
    expect(await social.getByTestId('talk-held').count()).toBe(0);
    expect((await web.app.sql(`SELECT state FROM talk WHERE id = $1`, [talkId]))[0].state).toBe('SCHEDULED');
    await expectAccessible(social, '21-social-talk-disclosure-missing');

    // Police: the invitation in the bell leads to "Mina samtal", which shows the talk; the calendar downloads; the officer
    // records the police disclosure.
    const police = await signIn(POLICE);
    await police.getByRole('link', { name: /Notiser, \d+ olästa/ }).click();
    await police.getByRole('heading', { name: 'Notiser' }).waitFor();
    await police.getByRole('link', { name: 'Öppna' }).first().click();
    await police.waitForURL('**/talks/mine');
    await police.getByRole('heading', { name: 'Mina samtal' }).waitFor();
    const card = police.locator(`[data-reference="${reference}"]`);
    await card.getByText('Polishuset, rum 4').waitFor();
    expect(await card.textContent()).toMatch(/\d+ år/);
    await expectAccessible(police, '22-police-my-talks');

    const [download] = await Promise.all([
      police.waitForEvent('download'),
      police.getByRole('button', { name: 'Ladda ned kalender (.ics)' }).click(),
    ]);
    const ics = fs.readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(reference);
    expect(ics).toContain('LOCATION:Polishuset\\, rum 4');

    await card.getByRole('button', { name: 'Jag har informerat om syftet och hanteringen' }).click();
    await card.getByTestId('own-disclosure-done').waitFor();

    // Complete: enabled, held, then the outcome.
    await social.reload();
    await checklist.locator('li[data-agency="Lokalpolisområde Norr"][data-done="true"]').waitFor();
    expect(await social.getByTestId('hold-reason').count()).toBe(0);
    expect(await held.getAttribute('aria-disabled')).toBeNull();
    // Booked for tomorrow, held already: the page asks when, and takes the time it happened.
    await held.click();
    await social
      .locator('section[aria-labelledby="hold-title"]')
      .getByTestId('error-summary')
      .getByRole('link', { name: /^Samtalet är bokat till senare/ })
      .waitFor();
    const justNow = new Date(Date.now() - 2_000);
    const local = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', ...options }).format(justNow);
    await social.getByLabel('Datum då samtalet hölls (tomt: nu)').fill(local({ year: 'numeric', month: '2-digit', day: '2-digit' }));
    await social.getByLabel('Klockslag då det hölls').fill(local({ hour: '2-digit', minute: '2-digit', second: '2-digit' }));
    await held.click();
    await social
      .getByTestId('talk-held')
      .getByText(/Hållet/)
      .waitFor();

    const outcome = social.locator('section[aria-labelledby="outcome-title"]');
    await outcome.getByRole('button', { name: 'Spara utfallet' }).click();
    await outcome.getByTestId('error-summary').getByRole('link', { name: 'Välj minst ett alternativ under utfall' }).waitFor();
    await outcome.getByTestId('error-summary').and(social.locator(':focus')).waitFor();
    await outcome.getByRole('checkbox', { name: 'Råd och stöd' }).check();
    await outcome.getByLabel('Barnets egen syn').fill('Vill inte hamna i mer bråk.');
    await outcome.getByRole('button', { name: 'Spara utfallet' }).click();
    await outcome.getByTestId('talk-outcomes').getByText('Råd och stöd').waitFor();
    await expectAccessible(social, '23-social-talk-held');

    // English on the switch.
    await social.getByRole('button', { name: 'In English' }).click();
    await social.getByRole('heading', { name: `Talk ${reference}` }).waitFor();
    await social.getByText('Advice and support').waitFor();
  });
});
