/**
 * The web app all day (issue 24) in a real browser against the real API and database: times in the district's zone
 * with the computer on UTC, failed forms that say what is wrong with a focused error summary, and no page that
 * scrolls sideways on a 390 px phone. Screenshots at both sizes in test-output/web/.
 */
import { Page } from 'playwright-core';
import { openTalkForNorrTeenager } from '../helpers/talk-steps';
import { bookTalkInForm, describeInBrowser, expectAccessible, screenshot, stockholmDay, useWebTestEnvironment } from './browser';

jest.setTimeout(300_000);

const SOCIAL = 'socsek.norr@samverka.test';
const SCHOOL = 'larare.norr@samverka.test';
const ADMIN = 'admin@samverka.test';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
/** Pages the phone sweep also runs axe on, with their screenshots' names. */
const PHONE_AXE: Record<string, string> = {
  '/children/:id': '50-phone-child-page',
  '/children/:id/records': '51-phone-child-records',
  '/police/reports/new': '52-phone-police-form',
};

/** The instant Stockholm's clock shows `date` 10:00 (UTC+1 in winter, UTC+2 in summer). */
function stockholmTenOClock(date: string): Date {
  for (const offset of [1, 2]) {
    const at = new Date(`${date}T${String(10 - offset).padStart(2, '0')}:00:00Z`);
    const shown = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(at);
    if (shown === '10:00') return at;
  }
  throw new Error(`no 10:00 in Stockholm on ${date}`);
}

interface Focused {
  id: string;
  inSummary: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: { id: string; closest(s: string): unknown } | null } }).document;
    const el = doc.activeElement;
    return { id: el?.id ?? '', inSummary: !!el?.closest('[data-testid="error-summary"]') };
  });
}

/** Sideways scroll of the page, in CSS px (0 when it reflows). */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number; clientWidth: number } } }).document
      .scrollingElement;
    return el.scrollWidth - el.clientWidth;
  });
}

/** Submits an empty form: the summary takes the focus and lists, as links, what to fix, in the fields' order. */
async function submitEmpty(page: Page, submit: () => Promise<void>): Promise<string[]> {
  await submit();
  const summary = page.getByTestId('error-summary');
  await summary.waitFor();
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }).document;
    return !!doc.activeElement?.closest('[data-testid="error-summary"]');
  });
  return summary.getByRole('link').allTextContents();
}

/** A summary link leads to its field, which carries the same message and is marked invalid. */
async function followLink(page: Page, message: string): Promise<void> {
  await page.getByTestId('error-summary').getByRole('link', { name: message }).click();
  const field = await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { activeElement: { id: string; getAttribute(a: string): string | null } | null } })
      .document;
    return { id: doc.activeElement?.id ?? '', invalid: doc.activeElement?.getAttribute('aria-invalid') ?? '' };
  });
  expect(field.id).not.toBe('');
  expect(field.invalid).toBe('true');
  expect(await page.locator('main').getByText(message, { exact: true }).count()).toBe(2);
}

describeInBrowser('the web app all day', () => {
  const web = useWebTestEnvironment({ workers: false });
  let talkId: string;
  let reference: string;
  let reportId: string;
  let childId: string;

  beforeAll(async () => {
    ({ talkId, reference, childId } = await openTalkForNorrTeenager(web.app, SOCIAL, stockholmDay(7), 'web-everyday-open'));
    const flagged = await web.app.as(SCHOOL, `mutation($input: FlagConcernInput!) { flagConcern(input: $input) { id } }`, {
      input: {
        child: { givenName: 'Nora', familyName: 'Nyström-Lindqvistsson' },
        category: 'SCHOOL_ABSENCE',
        description: 'Hög frånvaro sedan oktober, mest måndagar och fredagar.',
        feedbackRequested: true,
        idempotencyKey: 'web-everyday-flag',
      },
    });
    expect(flagged.errors).toBeUndefined();
    reportId = flagged.data.flagConcern.id;
  });

  it('one sign-in per browser: a second tab needs none, a link asked for before signing in is where the sign-in lands, signing out signs out every tab', async () => {
    const first = await web.signIn(SOCIAL);
    const second = await first.context().newPage();
    await second.goto(`${web.baseUrl}/reports/${reportId}`);
    await second.locator('nav[aria-label="Huvudmeny"]').waitFor();
    await second.locator('main h1').first().waitFor();
    expect(new URL(second.url()).pathname).toBe(`/reports/${reportId}`);

    // Signing out in one tab takes the other to the sign-in page as well.
    await first.getByRole('button', { name: 'Logga ut' }).click();
    await second.waitForURL('**/sign-in');
    await first.context().close();

    // A link opened before signing in: after the sign-in, the page it asked for, not the home page.
    const { page, context } = await web.browser.newPage();
    await page.goto(`${web.baseUrl}/talks/${talkId}`);
    await page.waitForURL('**/sign-in');
    await page.locator(`button[data-email="${SOCIAL}"]`).click();
    await page.getByRole('heading', { name: `Samtal ${reference}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/talks/${talkId}`);
    await context.close();

    // The link in a notification e-mail (/open/report/<id>): the reporter lands on their own list after signing in.
    const mail = await web.browser.newPage();
    await mail.page.goto(`${web.baseUrl}/open/report/${reportId}`);
    await mail.page.locator(`button[data-email="${SCHOOL}"]`).click();
    await mail.page.waitForURL('**/reports/mine');
    await mail.context.close();
  });

  it('a list that cannot load says so and offers "Försök igen"; an empty list says only that it is empty', async () => {
    const { page, context } = await web.browser.newPage();
    await page.goto(`${web.baseUrl}/`);
    await page.locator(`button[data-email="${SCHOOL}"]`).click();
    await page.locator('nav[aria-label="Huvudmeny"]').waitFor();
    let down = true;
    await page.route('**/graphql', (route) =>
      down && route.request().postData()?.includes('query MyReports') ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto(`${web.baseUrl}/reports/mine`);
    const retry = page.getByRole('button', { name: 'Försök igen' });
    await retry.waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Samverka svarar inte just nu');
    await expectAccessible(page, '44-network-error-retry');
    down = false;
    await retry.click();
    await page.locator('table.stacked-table tbody tr').first().waitFor();
    expect(await retry.count()).toBe(0);
    await context.close();

    // The leisure worker has filed nothing: the list says it is empty and nothing else.
    const leisure = await web.signIn('fritid.norr@samverka.test');
    await leisure.goto(`${web.baseUrl}/reports/mine`);
    await leisure.locator('main .empty').waitFor();
    expect(await leisure.getByText('Alla visas.').count()).toBe(0);
    await leisure.context().close();
  });

  it('a booking made with the browser on UTC shows and saves Stockholm time; "Flytta samtalet" keeps it', async () => {
    const social = await web.signIn(SOCIAL, { timezoneId: 'UTC' });
    // The computer's zone is not the district's: every page says which zone its times are in.
    await social.getByTestId('zone-note').first().waitFor();
    expect(await social.getByTestId('zone-note').first().textContent()).toBe('Tider anges och visas i svensk tid.');

    await social.goto(`${web.baseUrl}/talks/${talkId}`);
    await social.getByRole('heading', { name: `Samtal ${reference}` }).waitFor();
    await social.getByRole('button', { name: 'Kalla till samtal' }).click();
    const booking = social.locator('section[aria-labelledby="scheduling-title"]');
    await booking.getByLabel('Datum').waitFor();

    // A failed submit: the summary takes the focus, says what to do, and links to the field.
    await booking.getByRole('button', { name: 'Boka samtalet' }).click();
    const summary = social.getByTestId('error-summary');
    await summary.waitFor();
    await social.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown } | null } }).document;
      return !!doc.activeElement?.closest('[data-testid="error-summary"]');
    });
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Ange datum som år-månad-dag',
      'Ange klockslag som timmar och minuter, till exempel 10:00',
      'Fyll i plats eller form',
    ]);
    await expectAccessible(social, '40-talk-booking-error-summary');
    await summary.getByRole('link', { name: 'Fyll i plats eller form' }).click();
    expect(await focused(social)).toEqual({ id: 'talk-location', inSummary: false });

    const date = stockholmDay(2);
    await bookTalkInForm(booking, date);
    const expected = stockholmTenOClock(date);
    const saved = async () => (await web.app.sql(`SELECT scheduled_at FROM talk WHERE id = $1`, [talkId]))[0].scheduled_at as Date;
    expect((await saved()).toISOString()).toBe(expected.toISOString());
    expect(await booking.getByTestId('zone-note').textContent()).toBe('Tider anges och visas i svensk tid.');
    await expectAccessible(social, '41-talk-booked-browser-on-utc');

    // "Flytta samtalet" opens with the district's 10:00, so saving it unchanged moves nothing.
    await social.reload();
    await booking.getByLabel('Klockslag').waitFor();
    expect(await booking.getByLabel('Klockslag').inputValue()).toBe('10:00');
    expect(await booking.getByLabel('Datum').inputValue()).toBe(date);
    await Promise.all([
      social.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().postData()?.includes('scheduleTalk') === true),
      booking.getByRole('button', { name: 'Flytta samtalet' }).click(),
    ]);
    expect((await saved()).toISOString()).toBe(expected.toISOString());
  });

  it('"tjugo" in an hours field says to enter a number, in a summary that takes the focus and links to the field', async () => {
    const admin = await web.signIn(ADMIN);
    await admin.goto(`${web.baseUrl}/settings/districts`);
    const form = admin.getByRole('region', { name: /^Norr/ }).locator('form');
    const hours = form.getByLabel('Skyddsbedömning (timmar)');
    await hours.fill('tjugo');
    await form.getByRole('button', { name: 'Spara' }).click();
    const summary = admin.getByTestId('error-summary');
    await summary.waitFor();
    expect((await focused(admin)).inSummary).toBe(true);
    const message = 'Ange skyddsbedömning (timmar) som en siffra, till exempel 24';
    expect(await summary.getByRole('link').allTextContents()).toEqual([message]);
    // The same words beside the field, and the field is marked invalid.
    expect(await form.getByText(message).count()).toBe(2);
    expect(await hours.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(admin, '42-policy-error-summary');
    await summary.getByRole('link', { name: message }).click();
    expect((await focused(admin)).id).toBe(await hours.getAttribute('id'));
  });

  it('the police, flag, case and admin forms say what is wrong, in a focused summary whose links lead to the fields', async () => {
    const police = await web.signIn('polis.norr@samverka.test', { viewport: DESKTOP });
    await police.goto(`${web.baseUrl}/police/reports/new`);
    const send = police.getByRole('button', { name: 'Skicka anmälan' });
    expect(await submitEmpty(police, () => send.click())).toEqual([
      'Välj kategori',
      'Fyll i beskrivning',
      'Fyll i personnummer eller förnamn och efternamn.',
    ]);
    expect(await police.getByLabel('Kategori').getAttribute('aria-required')).toBe('true');
    await expectAccessible(police, '46-police-form-error-summary');
    await followLink(police, 'Fyll i beskrivning');
    await police.getByLabel('Kategori').selectOption('SUSPECTED_CRIME');
    await police.getByLabel('Personnummer').fill('20100101-0000');
    await send.click();
    await police.getByTestId('error-summary').getByRole('link', { name: 'Ange K-numret: anmälan bygger på misstanke om brott.' }).waitFor();
    await police.setViewportSize(PHONE);
    await screenshot(police, '46-police-form-error-summary-phone');
    await police.context().close();

    const school = await web.signIn(SCHOOL, { viewport: DESKTOP });
    await school.goto(`${web.baseUrl}/concerns/new`);
    expect(await submitEmpty(school, () => school.getByRole('button', { name: 'Skicka anmälan' }).click())).toEqual([
      'Fyll i personnummer eller förnamn och efternamn.',
      'Välj kategori',
      'Fyll i beskrivning',
      'Välj om du vill ha återkoppling: ja eller nej',
    ]);
    await expectAccessible(school, '47-flag-form-error-summary');
    await followLink(school, 'Välj om du vill ha återkoppling: ja eller nej');
    // The names are the way round a missing number; given one name, the other is what is missing.
    await school.getByLabel('Förnamn').fill('Nora');
    await school.getByRole('button', { name: 'Skicka anmälan' }).click();
    await school.getByTestId('error-summary').getByRole('link', { name: 'Fyll i efternamn' }).waitFor();
    await school.setViewportSize(PHONE);
    await screenshot(school, '47-flag-form-error-summary-phone');
    await school.context().close();

    const opened = await web.app.as(
      'sspf.norr@samverka.test',
      `mutation($input: OpenCollaborationCaseInput!) { openCollaborationCase(input: $input) { id } }`,
      { input: { childId, concern: 'Har slutat komma till fritidsgården.', idempotencyKey: 'web-everyday-case' } },
    );
    expect(opened.errors).toBeUndefined();
    const coordinator = await web.signIn('sspf.norr@samverka.test', { viewport: DESKTOP });
    await coordinator.goto(`${web.baseUrl}/cases/${opened.data.openCollaborationCase.id}`);
    const close = coordinator.locator('section[aria-labelledby="close-title"]');
    expect(await submitEmpty(coordinator, () => close.getByRole('button', { name: 'Avsluta ärendet' }).click())).toEqual(['Välj skäl']);
    await expectAccessible(coordinator, '48-case-close-error-summary');
    await followLink(coordinator, 'Välj skäl');
    await close.getByLabel('Skäl').selectOption('OTHER');
    await close.getByRole('button', { name: 'Avsluta ärendet' }).click();
    await close.getByTestId('error-summary').getByRole('link', { name: 'Fyll i anteckning' }).waitFor();
    await coordinator.setViewportSize(PHONE);
    await screenshot(coordinator, '48-case-close-error-summary-phone');
    await coordinator.context().close();

    const admin = await web.signIn(ADMIN, { viewport: DESKTOP });
    await admin.goto(`${web.baseUrl}/admin/users`);
    const create = admin.locator('section[aria-labelledby="create-user-title"]');
    expect(await submitEmpty(admin, () => create.getByRole('button', { name: 'Lägg till', exact: true }).click())).toEqual([
      'Fyll i e-post',
      'Fyll i namn',
      'Välj verksamhet',
      'Välj minst ett alternativ under roller',
    ]);
    await expectAccessible(admin, '49-admin-create-user-error-summary');
    await followLink(admin, 'Välj minst ett alternativ under roller');
    await admin.setViewportSize(PHONE);
    await screenshot(admin, '49-admin-create-user-error-summary-phone');
    await admin.context().close();
  });

  it("the administrator gives the school head's role and sets an agency's duty to report from the pages", async () => {
    const [association] = await web.app.sql(
      `SELECT id, name FROM agency WHERE NOT is_public_authority AND NOT duty_to_report ORDER BY name LIMIT 1`,
    );
    const admin = await web.signIn(ADMIN);
    await admin.goto(`${web.baseUrl}/admin/agencies`);
    await admin.getByRole('heading', { name: 'Verksamheter' }).waitFor();
    await admin.locator('table.stacked-table').waitFor();
    const duty = admin.getByRole('switch', { name: `Anmälningsplikt (SoL 14:1) för ${association.name}` });
    expect(await duty.isChecked()).toBe(false);
    await Promise.all([
      admin.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().postData()?.includes('setAgencyDutyToReport') === true),
      duty.click(),
    ]);
    await admin.getByRole('switch', { name: `Anmälningsplikt (SoL 14:1) för ${association.name}`, checked: true }).waitFor();
    expect((await web.app.sql(`SELECT duty_to_report FROM agency WHERE id = $1`, [association.id]))[0].duty_to_report).toBe(true);
    await expectAccessible(admin, '45-admin-agency-duty-to-report');

    await admin.goto(`${web.baseUrl}/admin/users`);
    await admin.getByRole('checkbox', { name: 'Verksamhetschef, rektor' }).first().waitFor();
    await admin.context().close();
  });

  it('no page scrolls sideways on a 390 px phone: lists become stacked rows', async () => {
    const users = [
      SCHOOL,
      'polis.norr@samverka.test',
      SOCIAL,
      'chef.norr@samverka.test',
      'sspf.norr@samverka.test',
      'rektor.norr@samverka.test',
      'fritid.norr@samverka.test',
      ADMIN,
    ];
    const [aCase] = await web.app.sql(`SELECT id FROM collaboration_case ORDER BY created_at LIMIT 1`).catch(() => [undefined]);
    const extra: Record<string, string[]> = {
      [SOCIAL]: [`/reports/${reportId}`, `/talks/${talkId}`, `/children/${childId}`],
      'chef.norr@samverka.test': [`/children/${childId}/records`],
      'polis.norr@samverka.test': ['/police/reports/new'],
      ...(aCase ? { 'sspf.norr@samverka.test': [`/cases/${aCase.id}`] } : {}),
    };
    const wide: string[] = [];
    let visited = 0;
    for (const email of users) {
      const page = await web.signIn(email, { viewport: PHONE });
      const links = await page.locator('nav[aria-label="Huvudmeny"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of [...links, '/notifications', ...(extra[email] ?? [])]) {
        await page.goto(`${web.baseUrl}${href}`);
        await page
          .locator('main h1')
          .first()
          .waitFor({ timeout: 20_000 })
          .catch(async (e: Error) => {
            await screenshot(page, `phone-no-heading-${email.split('@')[0]}-${href.replace(/\W+/g, '-')}`);
            throw new Error(`${email} ${href}: ${e.message}`);
          });
        await page.waitForFunction(
          () => !(globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('main .loading'),
        );
        visited += 1;
        if (PHONE_AXE[href.replace(childId, ':id')]) await expectAccessible(page, PHONE_AXE[href.replace(childId, ':id')]);
        const over = await sidewaysScroll(page);
        if (over > 0) {
          wide.push(`${email} ${href}: ${over} px`);
          await screenshot(page, `phone-too-wide-${email.split('@')[0]}-${href.replace(/\W+/g, '-')}`);
        }
      }
      if (email === SCHOOL) {
        await page.goto(`${web.baseUrl}/reports/mine`);
        await page.locator('table.stacked-table tbody tr').first().waitFor();
        await screenshot(page, '43-phone-school-my-reports');
      }
      await page.context().close();
    }
    expect(visited).toBeGreaterThanOrEqual(20);
    expect(wide).toEqual([]);
  });

  it('"Visa fler" puts the next page of reports below the first, then says all are shown', async () => {
    const filed = async (): Promise<number> =>
      (await web.app.as(SCHOOL, `{ myReports(first: 100) { edges { cursor } } }`)).data.myReports.edges.length;
    for (let n = await filed(); n <= 20; n += 1) {
      const flagged = await web.app.as(SCHOOL, `mutation($input: FlagConcernInput!) { flagConcern(input: $input) { id } }`, {
        input: {
          child: { givenName: 'Ella', familyName: `Sidbläddrare ${n}` },
          category: 'SCHOOL_ABSENCE',
          description: 'Hög frånvaro, en av flera anmälningar i listan.',
          feedbackRequested: false,
          idempotencyKey: `web-everyday-page-${n}`,
        },
      });
      expect(flagged.errors).toBeUndefined();
    }
    const total = await filed();
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThanOrEqual(40);
    const page = await web.signIn(SCHOOL);
    await page.goto(`${web.baseUrl}/reports/mine`);
    const rows = page.locator('table.stacked-table tbody tr');
    await rows.nth(19).waitFor();
    expect(await rows.count()).toBe(20);
    await page.getByRole('button', { name: 'Visa fler' }).click();
    await rows.nth(total - 1).waitFor();
    expect(await rows.count()).toBe(total);
    await page.getByText('Alla visas.').waitFor();
    await page.context().close();
  });
});
