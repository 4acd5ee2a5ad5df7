/**
 * The SSPF/SSFF pages in a real browser against the real API, database, queue and workers:
 * the coordinator's case list and case page, a partner's "Mina åtgärder", and the admin's
 * users and agencies, with axe-core on every page. Screenshots go to test-output/web/cases-*.png.
 */
import { Page } from 'playwright-core';
import { expectAccessible, expectContrast, describeInBrowser, useWebTestEnvironment } from './browser';

jest.setTimeout(240_000);

const COORDINATOR = 'sspf.norr@samverka.test';
const LEISURE = 'fritid.norr@samverka.test';
const ADMIN = 'admin@samverka.test';

describeInBrowser('SSPF/SSFF and admin pages in a browser', () => {
  const web = useWebTestEnvironment({ workers: true });

  const signIn = (email: string): Promise<Page> => web.signIn(email);

  it('flow 2: the coordinator opens a case, records consent, adds the leisure worker and an action; withdrawing consent takes the case from the leisure worker', async () => {
    const born = `${new Date().getUTCFullYear() - 14}-03-15`;
    const [{ id: districtId }] = await web.app.sql(`SELECT id FROM district WHERE code = 'norr'`);
    const [{ id: childId }] = await web.app.sql(
      `INSERT INTO child (birth_date, given_name, family_name, district_id) VALUES ($1, 'Tindra', 'Webbsson', $2) RETURNING id`,
      [born, districtId],
    );
    await web.app.sql(
      `INSERT INTO guardian (child_id, name, relation) VALUES ($1, 'Kim Webbsson', 'förälder'), ($1, 'Robin Webbsson', 'förälder')`,
      [childId],
    );

    // The coordinator opens the case from the case list.
    const coordinator = await signIn(COORDINATOR);
    await coordinator.waitForURL('**/cases');
    await coordinator.getByRole('heading', { name: 'Samverkansärenden', level: 1 }).waitFor();
    const newCase = coordinator.locator('section[aria-labelledby="new-case-title"]');
    await newCase.getByLabel('Sök barnet (namn eller personnummer)').fill('Tindra');
    await newCase.getByRole('button', { name: 'Sök' }).click();
    await newCase.getByRole('radio', { name: /Tindra Webbsson/ }).check();
    await newCase
      .getByLabel('Vad oroar? (som det beskrevs för dig)')
      .fill('Fritidsgården ser att Tindra har slutat komma och umgås med äldre.');
    await expectAccessible(coordinator, 'cases-01-coordinator-case-list');
    await newCase.getByRole('button', { name: 'Öppna ärendet' }).click();
    const title = coordinator.getByRole('heading', { name: /^Ärende SSPF-\d{4}-\d+/, level: 1 });
    await title.waitFor();
    const reference = /SSPF-\d{4}-\d+/.exec((await title.textContent()) ?? '')![0];
    await coordinator.getByText('Inget samtycke är registrerat.', { exact: false }).waitFor();
    const team = coordinator.locator('section[aria-labelledby="team-title"]');
    await team.getByText('Ingen att lägga till: registrera ett samtycke som omfattar verksamheten först.').waitFor();

    // Consent: the youth and both guardians, for the youth centre only; a missing agency is caught beside its field first.
    const consent = coordinator.locator('section[aria-labelledby="consent-title"]');
    await consent.getByRole('button', { name: 'Registrera samtycket' }).click();
    await consent
      .getByTestId('error-summary')
      .getByRole('link', { name: 'Välj minst ett alternativ under verksamheter som får dela uppgifter' })
      .waitFor();
    for (const guardian of ['Kim Webbsson (förälder)', 'Robin Webbsson (förälder)'])
      await consent.getByRole('checkbox', { name: guardian }).check();
    await consent.getByLabel('Dokumentreferens').fill('Samtycke 2026-12-01');
    expect(await consent.getByRole('checkbox', { name: 'Fritidsgården Syd' }).count()).toBe(0);
    await consent.getByRole('checkbox', { name: 'Fritidsgården Norr' }).check();
    await consent.getByRole('checkbox', { name: 'Fritid', exact: true }).check();
    await consent.getByRole('button', { name: 'Registrera samtycket' }).click();
    await consent.locator('[data-testid="consent"][data-valid="true"]').waitFor();
    await coordinator.getByTestId('case-state').getByText('Kartläggning').waitFor();

    // Only people of agencies the consent covers are offered: the leisure worker, not the teacher.
    const person = team.getByRole('combobox', { name: 'Person', exact: true });
    await person.locator('option', { hasText: 'Fritidsledare Norr' }).waitFor({ state: 'attached' });
    const offered = await person.locator('option').allTextContents();
    expect(offered.some((o) => o.includes('Lärare Norr'))).toBe(false);
    expect(offered.some((o) => o.includes('Föreningsledare Norr'))).toBe(false);
    await person.selectOption({ label: 'Fritidsledare Norr, Fritidsgården Norr' });
    await team.getByLabel('Roll i teamet (till exempel mentor)').fill('Fritidsledare');
    await team.getByRole('button', { name: 'Lägg till i teamet' }).click();
    await team.getByTestId('team').getByText('Fritidsledare Norr').waitFor();

    // An action on the plan board, for the leisure worker.
    const plan = coordinator.locator('section[aria-labelledby="plan-title"]');
    await plan.getByLabel('Typ av åtgärd').selectOption('LEISURE_ACTIVITY');
    await plan.getByLabel('Ansvarig').selectOption({ label: 'Fritidsledare Norr, Fritidsgården Norr' });
    const due = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await plan.getByLabel('Klart senast').fill(due);
    await plan.getByLabel('Beskrivning').fill('Följa med Tindra till öppet hus på fritidsgården');
    await plan.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    const card = plan.locator('[data-testid="plan-action"][data-status="PLANNED"]');
    await card.getByText('Följa med Tindra till öppet hus på fritidsgården').waitFor();
    await expectAccessible(coordinator, 'cases-02-coordinator-case-page');
    await expectContrast(coordinator, 'cases-02-coordinator-case-page');

    // The page's menu reaches the meetings without scrolling past the plan; the section is in the URL, so a reload
    // (or a link) lands there once the case has loaded.
    const inView = (id: string) =>
      coordinator.waitForFunction(
        `(() => { const box = document.getElementById('${id}')?.getBoundingClientRect();
          return !!box && window.scrollY > 0 && box.top >= 0 && box.top < window.innerHeight / 2; })()`,
      );
    await coordinator.getByRole('navigation', { name: 'På sidan' }).getByRole('link', { name: 'Möten och uppföljning' }).click();
    await coordinator.waitForURL(/#meetings$/);
    await inView('meetings');
    await coordinator.reload();
    await coordinator.getByRole('heading', { name: 'Möten och uppföljning', level: 2 }).waitFor();
    await inView('meetings');
    await coordinator.getByRole('button', { name: 'In English' }).click();
    await coordinator.getByRole('heading', { name: `Case ${reference}`, level: 1 }).waitFor();
    await plan.getByRole('heading', { name: 'Planned (1)' }).waitFor();
    await coordinator.getByRole('button', { name: 'På svenska' }).click();
    await plan.getByRole('heading', { name: 'Planerad (1)' }).waitFor();

    // The leisure worker sees it in "Mina åtgärder", writes a note and starts it.
    const leisure = await signIn(LEISURE);
    await leisure.getByRole('link', { name: 'Mina åtgärder' }).click();
    await leisure.getByRole('heading', { name: 'Mina åtgärder', level: 1 }).waitFor();
    const mine = leisure.locator(`[data-testid="my-action"][data-case="${reference}"]`);
    await mine.getByText('Följa med Tindra till öppet hus på fritidsgården').waitFor();
    await mine.getByLabel('Ny anteckning').fill('Vi ses på torsdag.');
    await mine.getByRole('button', { name: 'Spara anteckningen' }).click();
    // The saved note, not the text field it was typed in (which empties once the note is saved).
    await mine.locator('p', { hasText: 'Vi ses på torsdag.' }).waitFor();
    await mine.getByLabel('Status').selectOption('IN_PROGRESS');
    await mine.getByRole('button', { name: 'Spara ändringen' }).click();
    await mine.getByRole('heading', { name: /Pågår/ }).waitFor();
    await expectAccessible(leisure, 'cases-03-partner-my-actions');

    // The coordinator sees the status on the board, then the consent is withdrawn.
    await coordinator.reload();
    await plan.locator('[data-testid="plan-action"][data-status="IN_PROGRESS"]').waitFor();
    await consent.getByRole('button', { name: 'Återkalla samtycket' }).click();
    await consent.getByLabel('Anteckning om återkallelsen').fill('Vårdnadshavarna ringde och återkallade.');
    await consent.getByRole('button', { name: 'Bekräfta återkallelsen' }).click();
    await consent.getByText(/Återkallat/).waitFor();
    await consent.locator('[data-testid="consent"][data-valid="false"]').waitFor();

    // The leisure worker's open page: the next write says why it failed and the case drops out.
    await mine.getByLabel('Status').selectOption('DONE');
    await mine.getByRole('button', { name: 'Spara ändringen' }).click();
    await leisure.getByText('Åtgärden går inte längre att nå, troligen för att samtycket har återkallats.', { exact: false }).waitFor();
    await mine.waitFor({ state: 'detached' });
    await leisure.reload();
    await leisure.getByText('Du har inga åtgärder.', { exact: false }).waitFor();
    expect(await leisure.locator(`[data-case="${reference}"]`).count()).toBe(0);
    await expectAccessible(leisure, 'cases-04-partner-after-withdrawal');

    // A direct link to the case now says it is out of reach rather than failing.
    const [{ id: caseId }] = await web.app.sql(`SELECT id FROM collaboration_case WHERE reference = $1`, [reference]);
    await leisure.goto(`${web.baseUrl}/cases/${caseId}`);
    await leisure.getByText('Du har inte behörighet till den här sidan.').waitFor();
  });

  it('admin: users (create, roles, disable) and agencies with their districts', async () => {
    const admin = await signIn(ADMIN);
    await admin.getByRole('link', { name: 'Användare' }).click();
    await admin.getByRole('heading', { name: 'Användare', level: 1 }).waitFor();
    await admin.locator('tr[data-email="fritid.norr@samverka.test"]').waitFor();

    const create = admin.locator('section[aria-labelledby="create-user-title"]');
    await create.getByRole('button', { name: 'Lägg till', exact: true }).click();
    expect(await create.getByTestId('error-summary').getByRole('link').count()).toBe(4);
    await expectAccessible(admin, 'cases-05-admin-users-errors');
    await create.getByLabel('E-post').fill('ny.fritid@samverka.test');
    await create.getByLabel('Namn').fill('Ny Fritidsledare');
    await create.getByRole('combobox', { name: 'Verksamhet', exact: true }).selectOption({ label: 'Fritidsgården Norr' });
    await create.getByRole('checkbox', { name: 'Fritid' }).check();
    await create.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await create.getByText('Ny Fritidsledare är tillagd.').waitFor();
    const row = admin.locator('tr[data-email="ny.fritid@samverka.test"]');
    await row.getByText('Fritid').first().waitFor();

    // The API's errors: a malformed address beside the e-mail field, a taken one in Swedish in the summary.
    await create.getByLabel('E-post').fill('inte-en-adress');
    await create.getByLabel('Namn').fill('Dubblett');
    await create.getByRole('combobox', { name: 'Verksamhet', exact: true }).selectOption({ label: 'Fritidsgården Norr' });
    await create.getByRole('checkbox', { name: 'Fritid' }).check();
    await create.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await create.getByText('Ange en e-postadress, till exempel namn@kommun.se.').first().waitFor();
    expect(await create.getByLabel('E-post').getAttribute('aria-invalid')).toBe('true');
    await create.getByLabel('E-post').fill('ny.fritid@samverka.test');
    await create.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await create
      .getByTestId('error-summary')
      .getByText('Det finns redan en användare med den här e-postadressen.', { exact: false })
      .waitFor();

    await row.getByText('Ändra Ny Fritidsledare').click();
    await row.getByRole('checkbox', { name: 'SSPF-samordnare' }).check();
    await row.getByRole('button', { name: 'Spara roller och verksamhet' }).click();
    await row.getByText('Fritid, SSPF-samordnare').waitFor();
    await row.getByText('Ändra Ny Fritidsledare').click();
    await row.getByRole('button', { name: 'Stäng av' }).click();
    await row.getByText(/Avstängd sedan/).waitFor();
    const [{ disabled_at: disabledAt }] = await web.app.sql(`SELECT disabled_at FROM app_user WHERE email = 'ny.fritid@samverka.test'`);
    expect(disabledAt).not.toBeNull();
    await expectAccessible(admin, 'cases-06-admin-users');

    await admin.getByRole('link', { name: 'Verksamheter' }).click();
    await admin.getByRole('heading', { name: 'Verksamheter', level: 1 }).waitFor();
    const agency = admin.getByRole('row').filter({ hasText: 'Idrottsföreningen Norr' });
    await agency.getByRole('cell', { name: 'Fritid · Förening' }).waitFor();
    expect(await agency.getByTestId('agency-districts').textContent()).toBe('Norr');
    await agency.getByText('Områden för Idrottsföreningen Norr').click();
    await agency.getByRole('checkbox', { name: 'Syd' }).check();
    await agency.getByRole('button', { name: 'Spara områden' }).click();
    await agency.getByTestId('agency-districts').getByText('Norr, Syd').waitFor();
    await expectAccessible(admin, 'cases-07-admin-agencies');
  });
});
