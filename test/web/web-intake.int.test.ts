/**
 * Issue 23 in a real browser against the real API and database: social services register a report that came by phone
 * (errors first, then saved), and find reports again by reference, the police's K-number and "mine". axe on every page.
 */
import { Page } from 'playwright-core';
import { luhnCheckDigit } from '../../domain/children/personal-identity-number';
import { ok } from '../helpers/collaboration';
import { expectAccessible, describeInBrowser, useWebTestEnvironment } from './browser';

jest.setTimeout(180_000);

const SOCSEK = 'socsek.norr@samverka.test';
const POLICE = 'polis.norr@samverka.test';
const pnr = (yyyymmdd: string, serial: string) => `${yyyymmdd}${serial}${luhnCheckDigit(`${yyyymmdd.slice(2)}${serial}`)}`;
/** What a `datetime-local` input holds for this instant, in the browser's own zone. */
const localInput = (page: Page, at: Date) =>
  page.evaluate((ms) => {
    const d = new Date(ms);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
  }, at.getTime());

describeInBrowser('intake by phone and the intake search in the browser', () => {
  const web = useWebTestEnvironment({ workers: false });

  it('registers a call on the reporter’s behalf: a summary of what to correct, the API’s refusal beside its field, then saved', async () => {
    const page = await web.signIn(SOCSEK);
    await page.goto(`${web.baseUrl}/intake`);
    await page.getByRole('link', { name: 'Registrera anmälan som kom på annat sätt' }).click();
    await page.getByRole('heading', { name: 'Registrera anmälan', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Registrera' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await expect(summary.evaluate((element) => element === element.ownerDocument.activeElement)).resolves.toBe(true);
    expect(await summary.textContent()).toContain('Välj hur anmälan kom in');
    await expectAccessible(page, 'intake-01-register-errors');

    const pin = pnr('20140615', '452');
    await page.getByLabel('Hur anmälan kom in').selectOption('PHONE');
    await page.getByRole('combobox', { name: 'Anmälare', exact: true }).selectOption('PRIVATE_PERSON');
    await page.getByLabel('Anmälarens namn').fill('Greta Granne');
    await page.getByLabel('Anmälarens kontaktuppgifter').fill('070-000 00 00');
    await page.getByLabel('Personnummer').fill(pin);
    await page.getByLabel('Kategori').selectOption('UNSUITABLE_ENVIRONMENT');
    await page.getByLabel('Beskrivning').fill('Grannen ringde och berättade om oro.');
    // A receipt time in the future: the API refuses it, and says so beside the field.
    await page.getByLabel('När anmälan kom in').fill(await localInput(page, new Date(Date.now() + 2 * 86_400_000)));
    await page.getByRole('button', { name: 'Registrera' }).click();
    await page.getByText('Tidpunkten då anmälan kom in kan inte ligga i framtiden.').first().waitFor();
    expect(await web.app.sql(`SELECT count(*)::int AS n FROM report WHERE reporter_name = 'Greta Granne'`)).toEqual([{ n: 0 }]);

    const arrived = new Date(Date.now() - 3 * 3_600_000);
    await page.getByLabel('När anmälan kom in').fill(await localInput(page, arrived));
    await page.getByRole('button', { name: 'Registrera' }).click();
    const saved = page.getByRole('status').filter({ hasText: 'är registrerad' });
    await saved.waitFor();
    await expectAccessible(page, 'intake-02-registered');
    const [row] = await web.app.sql(
      `SELECT reference, channel, reporter_contact, received_at FROM report WHERE reporter_name = 'Greta Granne'`,
    );
    expect(row).toMatchObject({ channel: 'PHONE', reporter_contact: '070-000 00 00' });
    expect(Math.abs(new Date(row.received_at).getTime() - arrived.getTime())).toBeLessThan(60_000);
    expect(await saved.textContent()).toContain(row.reference);

    await page.getByRole('link', { name: 'Öppna anmälan' }).click();
    await page.getByRole('heading', { name: `Anmälan ${row.reference}` }).waitFor();
    await page.getByText('Greta Granne').first().waitFor();
  });

  it('finds a report in two clicks by reference, by the police’s K-number, and "mine"', async () => {
    const police = await ok(web.app, POLICE, `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id reference } }`, {
      i: {
        policeReference: '5000-K765432-26',
        child: { givenName: 'Sixten', familyName: 'Sökesson' },
        category: 'SUSPECTED_CRIME',
        description: 'Misstänkt för skadegörelse.',
        firstKnownSuspicion: true,
        preInvestigationRunning: false,
        guardianContactOnHold: false,
        feedbackRequested: true,
        idempotencyKey: `web-intake-${Date.now()}`,
      },
    });
    const { id, reference } = police.reportConcern;
    const page = await web.signIn(SOCSEK);
    await page.goto(`${web.baseUrl}/intake`);

    const field = page.getByRole('searchbox', { name: 'Sök i inkorgen' });
    await field.fill('K765432');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByTestId('search-status').getByText('1 träff för ”K765432”').waitFor();
    await page.locator(`tr[data-reference="${reference}"]`).waitFor();
    await expectAccessible(page, 'intake-03-search-knumber');

    await field.fill(reference.toLowerCase());
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByTestId('search-status').getByText(`1 träff för ”${reference.toLowerCase()}”`).waitFor();
    await page.locator(`tr[data-reference="${reference}"]`).getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { name: `Anmälan ${reference}` }).waitFor();

    await page.goto(`${web.baseUrl}/intake`);
    await field.fill('Sökesson');
    await page.getByRole('checkbox', { name: 'Bara mina (där jag är ansvarig)' }).check();
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('Ingen anmälan i dina områden matchar sökningen.').waitFor();

    const socsekId = await web.app.idOf('app_user', 'email = $1', [SOCSEK]);
    await ok(web.app, 'chef.norr@samverka.test', `mutation($i: AssignReportInput!) { assignReport(input: $i) { id } }`, {
      i: { reportId: id, userId: socsekId },
    });
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.locator(`tr[data-reference="${reference}"]`).waitFor();
    await expectAccessible(page, 'intake-04-search-mine');

    // A broken personal identity number is refused beside the field, in Swedish.
    await field.fill('201403128710');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('Skriv hela personnumret').waitFor();
  });
});
