/**
 * "One child, one record" in a real browser against the real API and database: matches for a report by name only,
 * linking, the mismatch warning, the open-case notice, and the supervisor's merge. axe-core on every page.
 */
import { Page } from 'playwright-core';
import { luhnCheckDigit } from '../../domain/children/personal-identity-number';
import { ok, openCase } from '../helpers/collaboration';
import { expectAccessible, screenshot, describeInBrowser, useWebTestEnvironment } from './browser';

jest.setTimeout(180_000);

const TEACHER = 'larare.norr@samverka.test';
const SOCSEK = 'socsek.norr@samverka.test';
const CHEF = 'chef.norr@samverka.test';
const FLAG = `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id reference } }`;
/** How the pages write a number: YYYYMMDD-XXXX. */
const shown = (pin: string) => `${pin.slice(0, 8)}-${pin.slice(8)}`;
const pnr = (yyyymmdd: string, serial: string) => `${yyyymmdd}${serial}${luhnCheckDigit(`${yyyymmdd.slice(2)}${serial}`)}`;

describeInBrowser('one child, one record in the browser', () => {
  const web = useWebTestEnvironment({ workers: false });
  let districtId: string;
  let keyCounter = 0;

  beforeAll(async () => {
    districtId = await web.app.idOf('district', `code = 'norr'`, []);
  });

  const flag = async (child: Record<string, string>): Promise<{ id: string; reference: string }> =>
    (
      await ok(web.app, TEACHER, FLAG, {
        i: {
          child,
          category: 'SCHOOL_ABSENCE',
          description: 'Hög frånvaro sedan oktober.',
          feedbackRequested: false,
          idempotencyKey: `web-identity-${++keyCounter}-${Date.now()}`,
        },
      })
    ).flagConcern;
  const createChild = async (givenName: string, familyName: string, personalIdentityNumber: string): Promise<string> =>
    (
      await ok(web.app, SOCSEK, `mutation($i: CreateChildInput!) { createChild(input: $i) { id } }`, {
        i: { givenName, familyName, personalIdentityNumber, districtId },
      })
    ).createChild.id;

  const signIn = (email: string): Promise<Page> => web.signIn(email);

  it('a report by name only: the social worker sees the match, links it, and the report shows the child; a mismatch shows its warning', async () => {
    const pin = pnr('20140305', '417');
    const childId = await createChild('Ylva', 'Webbström', pin);
    await openCase(web.app, childId);
    const mismatched = await flag({ personalIdentityNumber: pin, givenName: 'Olle', familyName: 'Annanson' });
    const byName = await flag({ givenName: 'ylva', familyName: 'WEBBSTROM', birthDate: '2014-03-05' });

    const social = await signIn(SOCSEK);
    await social.waitForURL('**/intake');
    const nameRow = social.locator(`tr[data-reference="${byName.reference}"]`);
    await nameRow.getByText('Identitet ej bekräftad').waitFor();
    const mismatchRow = social.locator(`tr[data-reference="${mismatched.reference}"]`);
    await mismatchRow.getByText('Namnet stämmer inte').waitFor();
    await mismatchRow.getByText('Öppet ärende').waitFor();
    expect(await mismatchRow.getByText('Identitet ej bekräftad').count()).toBe(0);
    await expectAccessible(social, 'identity-01-intake-markers');

    await nameRow.getByRole('link', { name: byName.reference }).click();
    const identity = social.getByRole('region', { name: 'Identitet' });
    await identity.getByText('Identiteten är inte bekräftad').waitFor();
    const match = identity.locator(`tr[data-child-id="${childId}"]`);
    await match.getByText('Ylva Webbström').waitFor();
    expect(await match.textContent()).toContain('2014');
    expect(await match.textContent()).toContain('Norr');
    // Only what intake needs: the other child's personal identity number is not listed among the matches.
    expect(await match.textContent()).not.toContain(pin);
    await identity.getByRole('button', { name: 'Bekräfta som nytt barn' }).waitFor();
    expect(await identity.getByText('Slå ihop två poster för samma barn').count()).toBe(0);
    await expectAccessible(social, 'identity-02-report-matches');

    await match.getByRole('button', { name: 'Koppla till detta barn' }).click();
    await identity.getByTestId('identity-status').getByText('Identiteten är bekräftad.').waitFor();
    await identity.getByTestId('identity-outcome').getByText('Anmälan är kopplad till Ylva Webbström.').waitFor();
    await expect(
      identity.getByTestId('identity-outcome').evaluate((element) => element === element.ownerDocument.activeElement),
    ).resolves.toBe(true);
    expect(await identity.getByTestId('identity-child').textContent()).toBe(`Ylva Webbström ${shown(pin)}`);
    await social
      .locator('.facts')
      .first()
      .getByText(`Ylva Webbström ${shown(pin)}`)
      .waitFor();
    expect(await identity.getByRole('button', { name: 'Koppla till detta barn' }).count()).toBe(0);
    // Linked, the report turns out to concern a child with an open case, and one with an earlier report.
    await identity.getByTestId('identity-open-case').waitFor();
    const earlier = identity.getByTestId('earlier-reports');
    await earlier.getByRole('link', { name: mismatched.reference }).waitFor();
    await identity.getByTestId('identity-reporter').getByText('larare.norr@samverka.test', { exact: false }).waitFor();
    await expectAccessible(social, 'identity-03-report-linked');

    await earlier.getByRole('link', { name: mismatched.reference }).click();
    await social.getByRole('heading', { name: `Anmälan ${mismatched.reference}` }).waitFor();
    const warning = social.getByRole('alert').filter({ hasText: 'Namnet stämmer inte med personnumret' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Olle Annanson');
    expect(await warning.textContent()).toContain('Ylva Webbström');
    await social
      .getByTestId('identity-open-case')
      .getByText(/öppet ärende/)
      .waitFor();
    expect(await social.getByRole('alert').count()).toBe(1);
    await expectAccessible(social, 'identity-04-report-mismatch');

    await social.getByRole('button', { name: 'In English' }).click();
    await social.getByRole('heading', { name: 'The name does not match the personal identity number' }).waitFor();
  });

  it('a supervisor merges a duplicate chosen among the matches, after a dialog saying what moves', async () => {
    const pin = pnr('20121118', '512');
    const registeredId = await createChild('Malte', 'Dubbelgård', pin);
    const byName = await flag({ givenName: 'Malte', familyName: 'Dubbelgård', birthDate: '2012-11-18' });
    const [{ child_id: provisionalId }] = await web.app.sql(`SELECT child_id FROM report WHERE id = $1`, [byName.id]);

    const chef = await signIn(CHEF);
    await chef.goto(`${web.baseUrl}/reports/${byName.id}`);
    const merge = chef.getByRole('form', { name: 'Slå ihop två poster för samma barn' });
    await merge.waitFor();
    await merge.getByRole('button', { name: 'Slå ihop …' }).click();
    await merge.locator('[data-testid="error-summary"]:focus').waitFor();
    expect(await merge.getByTestId('error-summary').getByRole('link').allTextContents()).toEqual([
      'Välj post som behålls',
      'Välj dubblett som slås ihop',
    ]);

    await merge.getByLabel('Post som behålls').selectOption(registeredId);
    await merge.getByLabel('Dubblett som slås ihop').selectOption(provisionalId);
    await merge.getByRole('button', { name: 'Slå ihop …' }).click();
    const dialog = chef.getByRole('dialog', { name: 'Slå ihop posterna?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('anmälningar, allvarssamtal, samverkansärenden och vårdnadshavare');
    await expectAccessible(chef, 'identity-05-merge-dialog');

    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await web.app.sql(`SELECT merged_into_id FROM child WHERE id = $1`, [provisionalId])).toEqual([{ merged_into_id: null }]);

    await merge.getByRole('button', { name: 'Slå ihop …' }).click();
    await dialog.getByRole('button', { name: 'Slå ihop', exact: true }).click();
    await chef
      .getByTestId('identity-child')
      .getByText(`Malte Dubbelgård ${shown(pin)}`)
      .waitFor();
    expect(await web.app.sql(`SELECT merged_into_id FROM child WHERE id = $1`, [provisionalId])).toEqual([
      { merged_into_id: registeredId },
    ]);
    expect(await web.app.sql(`SELECT child_id FROM report WHERE id = $1`, [byName.id])).toEqual([{ child_id: registeredId }]);
    // The merge confirmed the report on the kept child: the panel and the intake list say so, also after a reload.
    const identity = chef.getByRole('region', { name: 'Identitet' });
    await identity.getByTestId('identity-status').getByText('Identiteten är bekräftad.').waitFor();
    expect(await identity.getByRole('button', { name: 'Bekräfta som nytt barn' }).count()).toBe(0);
    await expectAccessible(chef, 'identity-06-merged');
    await chef.reload();
    await chef.getByRole('region', { name: 'Identitet' }).getByTestId('identity-status').getByText('Identiteten är bekräftad.').waitFor();
    await chef.goto(`${web.baseUrl}/intake`);
    const row = chef.locator(`tr[data-reference="${byName.reference}"]`);
    await row.waitFor();
    expect(await row.getByText('Identitet ej bekräftad').count()).toBe(0);
  });

  it('a duplicate found later, after the report was confirmed, is merged from a search of the records', async () => {
    const pin = pnr('20121119', '514');
    const registeredId = await createChild('Tove', 'Senarehittad', pin);
    const report = await flag({ personalIdentityNumber: pin });
    // Registered later by hand without the number: a second record of the same child, not among any report's matches.
    const duplicateId = (
      await ok(web.app, SOCSEK, `mutation($i: CreateChildInput!) { createChild(input: $i) { id } }`, {
        i: { givenName: 'Tove', familyName: 'Senarehittad', districtId },
      })
    ).createChild.id as string;

    const chef = await signIn(CHEF);
    await chef.goto(`${web.baseUrl}/reports/${report.id}`);
    const merge = chef.getByRole('form', { name: 'Slå ihop två poster för samma barn' });
    await merge.getByRole('searchbox', { name: 'Sök en annan post' }).fill('Senarehittad');
    await merge.getByRole('button', { name: 'Sök post' }).click();
    await merge.getByText('1 post hittades och finns nu i listorna nedan.').waitFor();
    await merge.getByLabel('Post som behålls').selectOption(registeredId);
    await merge.getByLabel('Dubblett som slås ihop').selectOption(duplicateId);
    await expectAccessible(chef, 'identity-07-merge-from-search');
    await merge.getByRole('button', { name: 'Slå ihop …' }).click();
    await chef.getByRole('dialog', { name: 'Slå ihop posterna?' }).getByRole('button', { name: 'Slå ihop', exact: true }).click();
    await merge.getByText('Posterna är ihopslagna.').waitFor();
    expect(await web.app.sql(`SELECT merged_into_id FROM child WHERE id = $1`, [duplicateId])).toEqual([{ merged_into_id: registeredId }]);
  });

  it('an API refusal shows beside the field it names: the same birth year but another birth date is not the same child', async () => {
    const registeredId = await createChild('Siri', 'Tvåsdotter', pnr('20110902', '335'));
    const byName = await flag({ givenName: 'Siri', familyName: 'Tvåsdotter', birthDate: '2011-03-14' });
    const [{ child_id: provisionalId }] = await web.app.sql(`SELECT child_id FROM report WHERE id = $1`, [byName.id]);

    const social = await signIn(SOCSEK);
    await social.goto(`${web.baseUrl}/reports/${byName.id}`);
    const match = social.locator(`tr[data-child-id="${registeredId}"]`);
    await match.getByRole('button', { name: 'Koppla till detta barn' }).click();
    await match.locator('.ds-validation-message').getByText('olika födelsedatum').waitFor();
    await screenshot(social, 'identity-07-link-refused');

    const chef = await signIn(CHEF);
    await chef.goto(`${web.baseUrl}/reports/${byName.id}`);
    const merge = chef.getByRole('form', { name: 'Slå ihop två poster för samma barn' });
    await merge.getByLabel('Post som behålls').selectOption(registeredId);
    await merge.getByLabel('Dubblett som slås ihop').selectOption(provisionalId);
    await merge.getByRole('button', { name: 'Slå ihop …' }).click();
    await chef.getByRole('dialog', { name: 'Slå ihop posterna?' }).getByRole('button', { name: 'Slå ihop', exact: true }).click();
    const duplicateField = merge.locator('.ds-field', { has: chef.getByLabel('Dubblett som slås ihop') });
    await duplicateField.locator('.ds-validation-message').getByText('olika födelsedatum').waitFor();
    expect(await web.app.sql(`SELECT merged_into_id FROM child WHERE id = $1`, [provisionalId])).toEqual([{ merged_into_id: null }]);
    await expectAccessible(chef, 'identity-08-merge-refused');
  });
});
