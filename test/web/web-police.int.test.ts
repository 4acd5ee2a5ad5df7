/**
 * The police's own page in a real browser against the real API and database: the report form (K-number, offence, the
 * suspicion's facts, several children under one K-number), the area's reports with their feedback, and the two
 * decisions only the police make. axe-core on every page.
 */
import { expectAccessible, describeInBrowser, useWebTestEnvironment } from './browser';

jest.setTimeout(180_000);

const POLICE = 'polis.norr@samverka.test';

describeInBrowser("the police's page in the browser", () => {
  const web = useWebTestEnvironment({ workers: false });

  it('files one incident for two children under one K-number, lists them with their feedback, and lifts the hold', async () => {
    const [{ pin }] = await web.app.sql(
      `SELECT c.personal_identity_number AS pin FROM child c JOIN district d ON d.id = c.district_id
        WHERE d.code = 'norr' AND c.personal_identity_number IS NOT NULL ORDER BY c.id LIMIT 1`,
    );
    const page = await web.signIn(POLICE);
    await page.getByRole('link', { name: 'Ny anmälan' }).click();
    const form = page.locator('form');
    await page.getByRole('heading', { level: 1, name: 'Polisens anmälan till socialtjänsten' }).waitFor();

    await form.getByLabel('Kategori').selectOption('SUSPECTED_CRIME');
    await form.getByRole('button', { name: 'Skicka anmälan' }).click();
    // Said in the summary, which takes the focus, and beside each field.
    const summary = form.getByTestId('error-summary');
    await summary.getByRole('link', { name: 'Ange K-numret: anmälan bygger på misstanke om brott.' }).waitFor();
    await summary.getByRole('link', { name: 'Fyll i personnummer eller förnamn och efternamn.' }).waitFor();
    await expectAccessible(page, 'police-01-form-errors');

    await form.getByLabel('Polisens diarienummer (K-nummer)').fill('K-7001/26');
    await form.getByLabel('Misstänkt brott').fill('Snatteri');
    await form.getByLabel('Första kända misstanke').check();
    await form.getByLabel('Vänta med kontakt med vårdnadshavare').check();
    await form.getByLabel('Beskrivning').fill('Två barn gripna för snatteri i köpcentret.');
    await form.getByLabel('Personnummer').first().fill(pin);
    await form.getByRole('button', { name: 'Lägg till ett barn till' }).click();
    const second = form.locator('fieldset', { hasText: 'Barn 2' });
    await second.getByLabel('Förnamn').fill('Kalle');
    await second.getByLabel('Efternamn').fill('Polisanmäld');
    await form.getByRole('button', { name: 'Skicka 2 anmälningar' }).click();
    await page.getByRole('status').getByText('Skickat:').waitFor();

    const filed = await web.app.sql(
      `SELECT reference, guardian_contact_on_hold AS hold, first_known_suspicion AS first FROM report WHERE police_reference = 'K-7001/26' ORDER BY reference`,
    );
    expect(filed).toHaveLength(2);
    expect(filed.every((r) => r.hold && r.first)).toBe(true);
    for (const r of filed) await page.getByText(r.reference, { exact: false }).waitFor();

    await page.locator('#main').getByRole('link', { name: 'Anmälningar' }).click();
    const row = page.locator(`tr[data-reference="${filed[0].reference}"]`);
    await row.getByText('Väntar på återkoppling').waitFor();
    await expectAccessible(page, 'police-02-list');
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Häv spärren (LUL 5 §)' }).click();
    await row.getByRole('button', { name: 'Häv spärren (LUL 5 §)' }).waitFor({ state: 'detached' });
    const [after] = await web.app.sql(`SELECT guardian_contact_on_hold AS hold FROM report WHERE reference = $1`, [filed[0].reference]);
    expect(after.hold).toBe(false);
  });
});
