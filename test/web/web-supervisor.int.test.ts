/**
 * The supervisor's two decisions on a report page, in a real browser against the real API and database: extending an
 * investigation (reason, the district's latest date, the clock moves) and assigning a colleague with the load in view.
 */
import { reconcileDeadlines } from '../../workers/deadlines/deadline-reconciler';
import { suspectedCrimeInput } from '../helpers/reports';
import { ok } from '../helpers/collaboration';
import { expectAccessible, describeInBrowser, useWebTestEnvironment } from './browser';

jest.setTimeout(180_000);

const POLICE = 'polis.norr@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';
const CHEF = 'chef.norr@samverka.test';

describeInBrowser("the supervisor's decisions in the browser", () => {
  const web = useWebTestEnvironment({ workers: false });
  let keyCounter = 0;

  async function policeReport(policeReference: string): Promise<{ id: string; reference: string }> {
    const [{ pin }] = await web.app.sql(
      `SELECT c.personal_identity_number AS pin FROM child c JOIN district d ON d.id = c.district_id WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
    );
    return (
      await ok(web.app, POLICE, `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id reference } }`, {
        i: suspectedCrimeInput({
          policeReference,
          child: { personalIdentityNumber: pin },
          description: 'Misstänkt för stöld.',
          suspectedOffence: 'Stöld',
          firstKnownSuspicion: false,
          feedbackRequested: false,
          idempotencyKey: `web-supervisor-${++keyCounter}-${Date.now()}`,
        }),
      })
    ).reportConcern;
  }

  it('extends an investigation to the latest day the district allows, with a reason; the clock and the record show it', async () => {
    const report = await policeReport('K-9901/26');
    await ok(web.app, SOCSEK, `mutation($i: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $i) { id } }`, {
      i: { reportId: report.id, acuteDanger: false, note: 'Ingen akut fara.' },
    });
    await ok(web.app, SOCSEK, `mutation($i: PreliminaryAssessmentInput!) { recordPreliminaryAssessment(input: $i) { id } }`, {
      i: { reportId: report.id, decision: 'OPEN_INVESTIGATION' },
    });
    const { report: before } = await ok(web.app, CHEF, `query($id: ID!) { report(id: $id) { investigationExtendableUntil } }`, {
      id: report.id,
    });

    const page = await web.signIn(CHEF);
    await page.goto(`${web.baseUrl}/reports/${report.id}`);
    const section = page.locator('section[aria-labelledby="investigation-title"]');
    await section.getByText('Utredningen har inte förlängts.').waitFor();

    await section.getByRole('button', { name: 'Förläng utredningen' }).click();
    await section.locator('[data-testid="error-summary"]:focus').waitFor();
    expect(await section.getByTestId('error-summary').getByRole('link').allTextContents()).toEqual([
      'Välj det synnerliga skälet till förlängningen.',
      'Välj ny sista dag för utredningen.',
    ]);
    await expectAccessible(page, 'supervisor-01-extension-errors');

    await section.getByLabel('Synnerligt skäl').selectOption('OTHER_EXCEPTIONAL');
    const day = section.getByLabel('Ny sista dag');
    const max = await day.getAttribute('max');
    await day.fill(max!);
    await section.getByRole('button', { name: 'Förläng utredningen' }).click();
    await section.getByTestId('error-summary').getByRole('link', { name: 'Beskriv det andra synnerliga skälet.' }).waitFor();
    expect(await web.app.sql(`SELECT id FROM investigation_extension WHERE report_id = $1`, [report.id])).toEqual([]);

    await section.getByLabel('Beskriv skälet').fill('Barnet vårdas på sjukhus.');
    await section.getByRole('button', { name: 'Förläng utredningen' }).click();
    await section.getByRole('status').getByText('Utredningen är förlängd till').waitFor();
    await section.getByTestId('extensions').getByText('Annat synnerligt skäl: Barnet vårdas på sjukhus.').waitFor();
    await expectAccessible(page, 'supervisor-02-extended');

    const [row] = await web.app.sql(`SELECT new_due_at AS "newDueAt" FROM investigation_extension WHERE report_id = $1`, [report.id]);
    expect(row.newDueAt.toISOString()).toBe(before.investigationExtendableUntil);
    const open = await web.app.sql(
      `SELECT due_at AS "dueAt" FROM deadline WHERE subject_id = $1 AND kind = 'INVESTIGATION' AND cancelled_at IS NULL AND met_at IS NULL`,
      [report.id],
    );
    expect(open.map((d) => d.dueAt.toISOString())).toEqual([before.investigationExtendableUntil]);
  });

  it('assigns the report to a colleague chosen from the list with their open reports and talks', async () => {
    const report = await policeReport('K-9902/26');
    const [{ name }] = await web.app.sql(`SELECT display_name AS name FROM app_user WHERE email = $1`, [SOCSEK]);
    const page = await web.signIn(CHEF);
    await page.goto(`${web.baseUrl}/reports/${report.id}`);
    const choice = page.getByLabel('Tilldela en kollega');
    await choice.locator('option', { hasText: name }).waitFor({ state: 'attached' });
    const option = (await choice.locator('option', { hasText: name }).textContent())!;
    expect(option).toMatch(/\d+ (anmälan|anmälningar), \d+ samtal/);

    await page.getByRole('button', { name: 'Tilldela', exact: true }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Välj vem som ska ta ansvar.' }).waitFor();
    await page.locator('[data-testid="error-summary"]:focus').waitFor();
    await choice.selectOption({ label: option });
    await page.getByRole('button', { name: 'Tilldela', exact: true }).click();
    await page.getByRole('status').getByText(`${name} är ansvarig nu.`).waitFor();
    await expectAccessible(page, 'supervisor-03-assigned');
    const [{ responsible }] = await web.app.sql(
      `SELECT u.email AS responsible FROM report r JOIN app_user u ON u.id = r.responsible_user_id WHERE r.id = $1`,
      [report.id],
    );
    expect(responsible).toBe(SOCSEK);
  });

  it('lists what was escalated, why and since when, one click from the report', async () => {
    const report = await policeReport('K-9903/26');
    // The protection assessment's 24 hours ran out an hour ago: its steps are due, and the reconciler fires them.
    await web.app.sql(
      `UPDATE deadline_step s SET fire_at = now() - interval '1 hour' FROM deadline d
        WHERE s.deadline_id = d.id AND d.subject_id = $1 AND d.kind = 'PROTECTION_ASSESSMENT'`,
      [report.id],
    );
    await web.app.sql(`UPDATE deadline SET due_at = now() - interval '1 hour' WHERE subject_id = $1 AND kind = 'PROTECTION_ASSESSMENT'`, [
      report.id,
    ]);
    await reconcileDeadlines(web.app.runtime);

    const page = await web.signIn(CHEF);
    await page.getByRole('link', { name: 'Eskalerat' }).click();
    const row = page.locator(`tr[data-reference="${report.reference}"]`);
    await row.getByText('Skyddsbedömning: tidsfristen gick ut').waitFor();
    await row.getByText('i dag').waitFor();
    await expectAccessible(page, 'supervisor-04-escalations');
    await row.getByRole('link', { name: report.reference }).click();
    await page.getByRole('heading', { level: 1, name: `Anmälan ${report.reference}` }).waitFor();
  });
});
