/**
 * The supervisor's retention pages (issue 26) in a real browser against the real API and database: a legal hold placed
 * with a reason and lifted with one, and a register extract reviewed part by part until it can be downloaded; and the
 * administrator's machine clients (issue 23), registered and disabled on the users page.
 */
import fs from 'node:fs';
import { suspectedCrimeInput } from '../helpers/reports';
import { ok } from '../helpers/collaboration';
import { expectAccessible, describeInBrowser, useWebTestEnvironment } from './browser';

jest.setTimeout(180_000);

const POLICE = 'polis.norr@samverka.test';
const CHEF = 'chef.norr@samverka.test';
const ADMIN = 'admin@samverka.test';

describeInBrowser("the supervisor's retention pages in the browser", () => {
  const web = useWebTestEnvironment({ workers: false });
  let childId: string;

  beforeAll(async () => {
    const [child] = await web.app.sql(
      `SELECT c.id, c.personal_identity_number AS pin FROM child c JOIN district d ON d.id = c.district_id
        WHERE d.code = 'norr' ORDER BY c.id LIMIT 1`,
    );
    childId = child.id;
    // A police report gives the extract parts that wait for the secrecy review (the reporter, the police's text).
    await ok(web.app, POLICE, `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id } }`, {
      i: suspectedCrimeInput({
        policeReference: 'K-9931/26',
        child: { personalIdentityNumber: child.pin },
        description: 'Misstänkt för stöld.',
        suspectedOffence: 'Stöld',
        firstKnownSuspicion: false,
        feedbackRequested: false,
        idempotencyKey: `web-retention-${Date.now()}`,
      }),
    });
  });

  it('places a legal hold on the child with a reason and lifts it with another, from the child page', async () => {
    const page = await web.signIn(CHEF);
    await page.goto(`${web.baseUrl}/children/${childId}`);
    await page.getByRole('link', { name: 'Bevarande och registerutdrag' }).click();
    const holds = page.locator('section[aria-labelledby="holds-title"]');
    await holds.getByText('Inga gällande bevarandebeslut.').waitFor();

    await holds.getByRole('button', { name: 'Besluta om bevarande' }).click();
    await holds.getByTestId('error-summary').getByRole('link', { name: 'Fyll i skäl' }).waitFor();
    await holds.locator('[data-testid="error-summary"]:focus').waitFor();
    await expectAccessible(page, 'retention-01-hold-errors');
    expect(await web.app.sql(`SELECT id FROM legal_hold WHERE child_id = $1`, [childId])).toEqual([]);

    await holds.getByRole('textbox', { name: 'Skäl', exact: true }).fill('Vårdnadshavaren har överklagat beslutet.');
    await holds.getByRole('button', { name: 'Besluta om bevarande' }).click();
    await holds.getByRole('status').getByText('Bevarandebeslutet är registrerat.').waitFor();
    const row = holds.getByTestId('legal-holds').getByRole('row', { name: /Vårdnadshavaren har överklagat beslutet\./ });
    await row.getByText('Alla uppgifter om barnet').waitFor();
    await expectAccessible(page, 'retention-02-hold-placed');

    await row.getByLabel('Skäl att häva').fill('Överklagandet är avgjort.');
    await row.getByRole('button', { name: 'Häv beslutet' }).click();
    await holds.getByText('Inga gällande bevarandebeslut.').waitFor();
    const [hold] = await web.app.sql(
      `SELECT reason, lift_reason AS "liftReason", lifted_at AS "liftedAt" FROM legal_hold WHERE child_id = $1`,
      [childId],
    );
    expect(hold).toMatchObject({ reason: 'Vårdnadshavaren har överklagat beslutet.', liftReason: 'Överklagandet är avgjort.' });
    expect(hold.liftedAt).toBeInstanceOf(Date);
  });

  it('reviews a register extract part by part: one released, the others withheld, then the download', async () => {
    const page = await web.signIn(CHEF);
    await page.goto(`${web.baseUrl}/children/${childId}/records`);
    const extracts = page.locator('section[aria-labelledby="extracts-title"]');
    await extracts.getByText('Inga registerutdrag är begärda.').waitFor();
    await extracts.getByRole('button', { name: 'Begär registerutdrag' }).click();
    await extracts
      .getByTestId('extract-state')
      .getByText(/delar? väntar på sekretessprövning/)
      .waitFor();
    const download = extracts.getByRole('button', { name: 'Ladda ner utdraget' });
    expect(await download.isDisabled()).toBe(true);
    await expectAccessible(page, 'retention-03-extract-pending');

    const police = extracts.locator('tr[data-part="reports.police"]');
    await police.getByRole('button', { name: 'Lämna ut' }).click();
    await police.getByTestId('error-summary').getByRole('link', { name: 'Fyll i skäl till beslutet' }).waitFor();
    await police.locator('[data-testid="error-summary"]:focus').waitFor();
    await police.getByLabel('Skäl till beslutet').fill('Förundersökningen är nedlagd.');
    await police.getByRole('button', { name: 'Lämna ut' }).click();
    await police.getByText('Lämnas ut', { exact: true }).waitFor();

    const reporter = extracts.locator('tr[data-part="reports.reporter"]');
    await reporter.getByLabel('Skäl till beslutet').fill('OSL 26 kap. 5 §: anmälarens identitet.');
    await reporter.getByRole('button', { name: 'Håll inne' }).click();
    await reporter.getByText('Hålls inne', { exact: true }).waitFor();
    await expectAccessible(page, 'retention-04-extract-decided-two');

    // The rest (other persons' data) is withheld, one part at a time as the reviewer would.
    const pending = extracts.locator('tr[data-part]', { has: page.getByRole('button', { name: 'Håll inne' }) });
    while ((await pending.count()) > 0) {
      const next = pending.first();
      const key = await next.getAttribute('data-part');
      await next.getByLabel('Skäl till beslutet').fill('Andra personers uppgifter.');
      await next.getByRole('button', { name: 'Håll inne' }).click();
      await extracts.locator(`tr[data-part="${key}"]`).getByText('Hålls inne', { exact: true }).waitFor();
    }
    await extracts.getByTestId('extract-state').getByText('Alla delar är prövade. Utdraget kan laddas ner.').waitFor();
    expect(await download.isEnabled()).toBe(true);
    await expectAccessible(page, 'retention-05-extract-ready');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const parts: { key: string; released: boolean; reason: string; rows?: unknown[] }[] = JSON.parse(
      fs.readFileSync((await file.path())!, 'utf8'),
    ).parts;
    const byKey = Object.fromEntries(parts.map((p) => [p.key, p]));
    expect(byKey['reports.police']).toMatchObject({ released: true, reason: 'Förundersökningen är nedlagd.' });
    expect(byKey['reports.reporter']).toEqual(
      expect.objectContaining({ released: false, reason: 'OSL 26 kap. 5 §: anmälarens identitet.' }),
    );
    expect(byKey['reports.reporter'].rows).toBeUndefined();
  });

  // Issue 23: the same administration pages register the case systems that send reports (docs/machine-clients.md).
  it('registers a machine client for one agency and disables it, both in the users list', async () => {
    const page = await web.signIn(ADMIN);
    await page.goto(`${web.baseUrl}/admin/users`);
    const clients = page.locator('section[aria-labelledby="clients-title"]');
    await clients.getByText('Inga systemklienter är registrerade.').waitFor();
    await clients.getByRole('button', { name: 'Registrera klient' }).click();
    await page.getByTestId('error-summary').getByRole('link', { name: 'Välj verksamhet' }).waitFor();
    await expectAccessible(page, 'retention-06-client-errors');

    await clients.getByLabel('Verksamhet').selectOption({ label: 'Lokalpolisområde Norr' });
    await clients.getByLabel('Tokenets subject (sub)').fill('rar-norr-test');
    await clients.getByLabel('Systemets namn').fill('Polisens RAR');
    await clients.getByRole('button', { name: 'Registrera klient' }).click();
    await clients.getByRole('status').getByText('Polisens RAR är registrerad.').waitFor();
    const row = clients.getByTestId('intake-clients').getByRole('row', { name: /Polisens RAR/ });
    await row.getByText('Lokalpolisområde Norr').waitFor();
    await expectAccessible(page, 'retention-07-client-registered');
    const [client] = await web.app.sql(`SELECT id, roles FROM app_user WHERE display_name = 'Polisens RAR'`);
    expect(client.roles).toEqual(['INTAKE_CLIENT']);

    await row.getByRole('button', { name: 'Stäng av Polisens RAR' }).click();
    await row.getByText(/Avstängd sedan/).waitFor();
    const [after] = await web.app.sql(`SELECT disabled_at AS "disabledAt" FROM app_user WHERE id = $1`, [client.id]);
    expect(after.disabledAt).toBeInstanceOf(Date);
  });
});
