/**
 * The web app in a real browser (Debian's chromium through playwright-core)
 * against the real API, database, queue and workers, with axe-core on every
 * page. Screenshots go to test-output/web/.
 */
import fs from 'node:fs';
import { Page } from 'playwright-core';
import { UTF8_BOM } from '../../domain/indicators/indicators-csv';
import { signDevToken } from '../../api/auth/dev-token';
import { TEST_SECRET } from '../helpers/test-app';
import {
  expectAccessible,
  openIndicatorCard,
  expectContrast,
  screenshot,
  seriousAccessibilityViolations,
  describeInBrowser,
  useWebTestEnvironment,
} from './browser';

jest.setTimeout(180_000);

describeInBrowser('web app in a browser', () => {
  const web = useWebTestEnvironment({ workers: true });
  let childPin: string;

  beforeAll(async () => {
    const [child] = await web.app.sql(`SELECT c.personal_identity_number AS pin FROM child c JOIN district d ON d.id = c.district_id
      WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL ORDER BY c.personal_identity_number LIMIT 1`);
    childPin = child.pin;
  });

  const signIn = (email: string): Promise<Page> => web.signIn(email);

  it('serves the app at / beside the API routes', async () => {
    const html = await fetch(`${web.baseUrl}/intake`, { headers: { accept: 'text/html' } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await html.text()).toContain('<div id="root">');
    expect(((await (await fetch(`${web.baseUrl}/healthz`)).json()) as { status: string }).status).toBe('ok');
    expect((await fetch(`${web.baseUrl}/readyz`)).status).toBe(200);
    for (const accept of ['application/json', '*/*']) {
      const missing = await fetch(`${web.baseUrl}/nothing`, { headers: { accept } });
      expect(missing.status).toBe(404);
    }
    expect(await fetch(`${web.baseUrl}/admin/queues`).then((r) => r.status)).toBe(401);
    expect(await fetch(`${web.baseUrl}/auth/config`).then((r) => r.json() as Promise<unknown>)).toEqual({ mode: 'development' });
    const unknown = await fetch(`${web.baseUrl}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"nobody@example.se"}',
    });
    expect(unknown.status).toBe(400);
  });

  it('sign-in page: every demo user, no serious accessibility findings', async () => {
    const { page, context } = await web.browser.newPage();
    await page.goto(`${web.baseUrl}/`);
    await page.locator('button[data-email="larare.norr@samverka.test"]').waitFor();
    expect(await page.locator('button[data-email]').count()).toBeGreaterThanOrEqual(9);
    await expectAccessible(page, '01-sign-in');
    await context.close();
  });

  it('flow 1: school staff flag a concern asking for feedback; social services assess and decide; the school sees "Återkoppling given"', async () => {
    const school = await signIn('larare.norr@samverka.test');
    await school.waitForURL('**/concerns/new');
    await school.getByRole('heading', { name: 'Anmäl oro för ett barn' }).waitFor();

    // The personal identity number is checked as it is typed.
    const pin = school.getByLabel('Personnummer');
    await pin.fill(childPin.slice(0, 11) + String((Number(childPin[11]) + 1) % 10));
    await school.getByText('Kontrollsiffran stämmer inte').waitFor();
    await pin.fill(childPin);
    await school.getByText(/Giltigt personnummer, född/).waitFor();

    await school.getByRole('button', { name: 'Skicka anmälan' }).click();
    await school.getByTestId('error-summary').getByRole('link', { name: 'Välj kategori' }).waitFor();
    await expectAccessible(school, '02-school-flag-concern-errors');

    await school.getByLabel('Kategori').selectOption('SCHOOL_ABSENCE');
    await school.getByLabel('Beskrivning').fill('Hög frånvaro sedan oktober, verkar orolig.');
    await school.getByRole('radio', { name: 'Ja' }).check();
    await school.getByRole('button', { name: 'Skicka anmälan' }).click();
    const sent = await school.getByText(/Anmälan OA-\d{4}-\d+ är skickad/).textContent();
    const reference = /OA-\d{4}-\d+/.exec(sent ?? '')![0];

    await school.getByRole('link', { name: 'Mina anmälningar' }).first().click();
    const mine = school.locator(`tr[data-reference="${reference}"]`);
    await mine.getByText('Väntar på återkoppling').waitFor();
    await expectAccessible(school, '03-school-my-reports');

    const social = await signIn('socsek.norr@samverka.test');
    await social.waitForURL('**/intake');
    const row = social.locator(`tr[data-reference="${reference}"]`);
    await row.waitFor();
    await expect(row.locator('.clock').getAttribute('data-level')).resolves.toBe('ok');
    expect(await row.locator('.clock').textContent()).toMatch(/Skyddsbedömning: \d+ h kvar/);
    expect(await social.locator('[aria-live="polite"]').count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(social, '04-social-intake-queue');

    await row.getByRole('link', { name: reference }).click();
    await social.getByRole('heading', { name: `Anmälan ${reference}` }).waitFor();
    await social.getByRole('button', { name: 'Ta ansvar för anmälan' }).click();
    await social.getByRole('button', { name: 'Ta ansvar för anmälan' }).waitFor({ state: 'detached' });
    await expectAccessible(social, '05-social-report');

    const protection = social.locator('section[aria-labelledby="protection-title"]');
    await protection.getByRole('radio', { name: 'Nej' }).check();
    await protection.getByLabel('Anteckning').fill('Ingen akut fara, kontakt med skolan.');
    await protection.getByRole('button', { name: 'Spara skyddsbedömning' }).click();
    await social.getByTestId('protection-done').waitFor();

    const preliminary = social.locator('section[aria-labelledby="preliminary-title"]');
    await preliminary.getByRole('radio', { name: 'Inled inte utredning' }).check();
    await preliminary.getByRole('button', { name: 'Spara beslut' }).click();
    await social.getByTestId('decision-done').waitFor();
    await social.getByText('Återkoppling given').first().waitFor();
    await screenshot(social, '06-social-report-decided');

    await school.reload();
    await mine.getByText('Återkoppling given').waitFor();
    expect(await mine.textContent()).toContain('Utredning inleds inte');
    await screenshot(school, '07-school-feedback-given');
  });

  it('police: "was feedback given on K-…?" and the feedback-status filter', async () => {
    const created = await web.app.as(
      'polis.norr@samverka.test',
      `mutation($pin: String!) { reportConcern(input: {
      policeReference: "K-4711/26", child: { personalIdentityNumber: $pin }, category: SUSPECTED_CRIME, description: "Gripen för snatteri",
      suspectedOffence: "Snatteri", offenceCanLeadToPrison: true, firstKnownSuspicion: true, preInvestigationRunning: false,
      guardianContactOnHold: false, feedbackRequested: true, idempotencyKey: "web-k-4711-26" }) { id reference } }`,
      { pin: childPin },
    );
    expect(created.errors).toBeUndefined();
    const { id, reference } = created.data.reportConcern;

    const police = await signIn('polis.norr@samverka.test');
    await police.waitForURL('**/reports/mine');
    const search = police.getByRole('search');
    await search.getByLabel('Polisens diarienummer').fill('k-4711/26');
    await search.getByRole('button', { name: 'Sök' }).click();
    await police.locator('.search-result').getByText('Väntar på återkoppling').waitFor();

    await search.getByLabel('Polisens diarienummer').fill('K-9999/26');
    await search.getByRole('button', { name: 'Sök' }).click();
    await police.getByText('Ingen anmälan från din verksamhet har diarienummer K-9999/26.').waitFor();

    for (const [mutation, input] of [
      ['recordProtectionAssessment', `{ reportId: "${id}", acuteDanger: false, note: "Ingen akut fara" }`],
      ['recordPreliminaryAssessment', `{ reportId: "${id}", decision: OPEN_INVESTIGATION }`],
    ]) {
      const result = await web.app.as('socsek.norr@samverka.test', `mutation { ${mutation}(input: ${input}) { id } }`);
      expect(result.errors).toBeUndefined();
    }
    await search.getByLabel('Polisens diarienummer').fill('K-4711/26');
    await search.getByRole('button', { name: 'Sök' }).click();
    const answer = police.locator('.search-result');
    await answer.getByText('Återkoppling given').waitFor();
    expect(await answer.textContent()).toContain('Utredning inleds');
    expect(await answer.textContent()).toContain(reference);

    await police.getByLabel('Återkopplingsstatus').selectOption('AWAITING');
    await police.getByText('Inga anmälningar att visa.').waitFor();
    await police.getByLabel('Återkopplingsstatus').selectOption('GIVEN');
    await police.locator(`tr[data-reference="${reference}"]`).waitFor();
    await expectAccessible(police, '08-police-reports');

    // The bell polls every half minute; a reload asks at once.
    await police.reload();
    await police.getByRole('link', { name: /Notiser, \d+ olästa/ }).click();
    await police.getByRole('heading', { name: 'Notiser' }).waitFor();
    await expectAccessible(police, '09-police-notifications');
    await police.getByRole('link', { name: 'Öppna' }).first().click();
    await police.waitForURL('**/reports/mine');
  });

  it('flow 4: the manager opens the indicators dashboard and downloads the CSV', async () => {
    // Enough children in Norr for cells that are not suppressed: six police reports, five assessed at once.
    const children = await web.app.sql(`SELECT c.personal_identity_number AS pin FROM child c JOIN district d ON d.id = c.district_id
      WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL ORDER BY c.personal_identity_number LIMIT 6`);
    for (const [i, { pin }] of children.entries()) {
      const made = await web.app.as(
        'polis.norr@samverka.test',
        `mutation($pin: String!, $key: String!, $ref: String!) { reportConcern(input: {
        policeReference: $ref, child: { personalIdentityNumber: $pin }, category: CRIMINAL_BEHAVIOUR, description: "Setts med äldre kriminella",
        firstKnownSuspicion: false, preInvestigationRunning: false, guardianContactOnHold: false, feedbackRequested: true,
        idempotencyKey: $key }) { id } }`,
        { pin, key: `web-indicators-${i}`, ref: `K-${600 + i}/26` },
      );
      expect(made.errors).toBeUndefined();
      if (i === 0) continue;
      const assessed = await web.app.as(
        'socsek.norr@samverka.test',
        `mutation($id: ID!) { recordProtectionAssessment(input: {
        reportId: $id, acuteDanger: false, note: "Ingen akut fara" }) { id } }`,
        { id: made.data.reportConcern.id },
      );
      expect(assessed.errors).toBeUndefined();
    }

    const manager = await signIn('chef.norr@samverka.test');
    const card = await openIndicatorCard(manager, 'protectionAssessmentOnTimeRate');
    await expectAccessible(manager, '10-manager-indicators');
    await expectContrast(manager, '10-manager-indicators');
    await card.getByText('Definition').click();
    await card.getByText(/÷ anmälningar som bedömts eller vars gräns har passerat/).waitFor();
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);

    const [download] = await Promise.all([
      manager.waitForEvent('download'),
      manager.getByRole('button', { name: 'Ladda ned CSV' }).click(),
    ]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv).toContain('Område;Period;Indikator;Värde;Täljare;Nämnare;Pågående;Dold;Uppföljningen pågår;Definition\r\n');
    expect(csv).toMatch(/\r\nNorr;\d{4}-\d\d;Skyddsbedömning inom 24 timmar;[^;]*;\d+;\d+;\d+;Nej;Nej;/);
    expect(csv).not.toContain('Syd;');

    // The supervisor's compliance account: the protection assessments of the six reports fall due tomorrow, so none yet.
    await manager.getByRole('heading', { name: 'Efterlevnad: lagens frister och återkoppling' }).waitFor();
    const [compliance] = await Promise.all([
      manager.waitForEvent('download'),
      manager.getByRole('button', { name: 'Ladda ned efterlevnad (CSV)' }).click(),
    ]);
    const complianceCsv = fs.readFileSync((await compliance.path())!, 'utf8');
    expect(complianceCsv.startsWith(`${UTF8_BOM}Område;Månad;Klocka;Förföll;I tid;Sent;Andel i tid;Sena (referens: skäl)\r\n`)).toBe(true);

    await manager.getByRole('link', { name: 'Försenat' }).click();
    await manager.getByRole('heading', { name: 'Försenat i området' }).waitFor();
    await manager
      .getByText(/Inget är försenat|OA-/)
      .first()
      .waitFor();
    await expectAccessible(manager, '11-manager-overdue');
  });

  it("the CSV export follows the query's access rules", async () => {
    const url = `${web.baseUrl}/exports/indicators.csv?unit=YEAR&from=2026&to=2026`;
    expect((await fetch(url)).status).toBe(401);
    const token = (email: string) => signDevToken(email, TEST_SECRET);
    const school = await fetch(url, { headers: { authorization: `Bearer ${await token('larare.norr@samverka.test')}` } });
    expect(school.status).toBe(403);
    const analyst = await fetch(`${url}&lang=en`, { headers: { authorization: `Bearer ${await token('analytiker@samverka.test')}` } });
    expect(analyst.status).toBe(200);
    expect(analyst.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const body = Buffer.from(await analyst.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    expect(text).toContain('District,Period,Indicator,Value');
    expect(text).toMatch(/\r\nAll districts,2026,Protection assessment within 24 hours,/);
    expect(text).not.toMatch(/,Ja,|,Nej,/);
    expect(text).toMatch(/\r\nNorr,/);
    expect(text).toMatch(/\r\nSyd,/);
    const bad = await fetch(`${web.baseUrl}/exports/indicators.csv?unit=MONTH&from=2026-01-01&to=2026-12`, {
      headers: { authorization: `Bearer ${await token('analytiker@samverka.test')}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { extensions: { field: string } }[] }).errors[0].extensions.field).toBe('from');
  });

  it('an association without the duty to report is not asked about feedback, and its report is received', async () => {
    const association = await signIn('forening.norr@samverka.test');
    await association.waitForURL('**/concerns/new');
    expect(await association.getByRole('radio', { name: 'Ja' }).count()).toBe(0);
    await association.getByText('Din verksamhet har ingen anmälningsplikt').waitFor();
    await association.getByLabel('Personnummer').fill(childPin);
    await association.getByLabel('Kategori').selectOption('SCHOOL_ABSENCE');
    await association.getByLabel('Beskrivning').fill('Har slutat komma till träningarna och verkar orolig.');
    await association.getByRole('button', { name: 'Skicka anmälan' }).click();
    const sent = await association.getByText(/Anmälan OA-\d{4}-\d+ är skickad/).textContent();
    const [report] = await web.app.sql(`SELECT feedback_requested FROM report WHERE reference = $1`, [/OA-\d{4}-\d+/.exec(sent ?? '')![0]]);
    expect(report.feedback_requested).toBe(false);
    await expectAccessible(association, '15-association-flag-concern');
  });

  it('admin: district settings with defaults; an API error shows beside its field; English on a switch', async () => {
    const admin = await signIn('admin@samverka.test');
    await admin.waitForURL('**/settings/districts');
    const norr = admin.getByRole('region', { name: /^Norr/ });
    await norr.getByText('Standard: 24').first().waitFor();
    await expectAccessible(admin, '12-admin-district-policy');

    await norr.getByLabel('Skyddsbedömning (timmar)').fill('500');
    await norr.getByRole('button', { name: 'Spara' }).click();
    const field = norr.locator('.ds-field', { has: admin.getByLabel('Skyddsbedömning (timmar)') });
    // Looser than the law: the refusal names the law, beside the field.
    await field
      .locator('.ds-validation-message')
      .getByText(/SoL 11 kap\. 1 a §/)
      .waitFor();
    await screenshot(admin, '13-admin-field-error');

    await norr.getByLabel('Skyddsbedömning (timmar)').fill('12');
    await norr.getByRole('button', { name: 'Spara' }).click();
    await norr.getByText(/Sparat som version \d+/).waitFor();

    await admin.getByRole('button', { name: 'In English' }).click();
    await admin.getByRole('heading', { name: 'District settings' }).waitFor();
    expect(await admin.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(admin, '14-admin-english');
  });
});
