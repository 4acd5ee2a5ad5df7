/**
 * Practice (issue 22) in a real browser against the real API, database, queue and workers, with axe-core on every page:
 * the social worker's child page. Screenshots go to test-output/web/practice-*.png.
 */
import { TestApp } from '../helpers/test-app';
import { personalNumberAged } from '../helpers/talk-steps';
import { CHROMIUM_PATH, chromiumAvailable, expectAccessible, startWebTestEnvironment, WebTestEnvironment } from './browser';

const required = process.env.CI === 'true' || process.env.SAMVERKA_REQUIRE_BROWSER === '1';
const run = chromiumAvailable() || required ? describe : describe.skip;
if (!chromiumAvailable()) {
  process.stdout.write(
    `\n[test] !!!!!!!! NO CHROMIUM at ${CHROMIUM_PATH}: the browser tests are SKIPPED. apt-get install chromium. !!!!!!!!\n`,
  );
}

jest.setTimeout(240_000);

const SOCIAL_WORKER = 'socsek.norr@samverka.test';
const POLICE = 'polis.norr@samverka.test';

run('practice pages in a browser', () => {
  let app: TestApp;
  let web: WebTestEnvironment;
  let baseUrl: string;

  beforeAll(async () => {
    web = await startWebTestEnvironment({ workers: true });
    ({ app, baseUrl } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  async function policeReport(givenName: string): Promise<{ reportId: string; reference: string }> {
    const answer = await app.as(POLICE, `mutation($i: ReportConcernInput!) { reportConcern(input: $i) { id reference } }`, {
      i: {
        policeReference: `K-${Math.floor(Math.random() * 90000) + 10000}/26`,
        child: { personalIdentityNumber: personalNumberAged(13), givenName, familyName: 'Webbsson' },
        category: 'SUSPECTED_CRIME',
        description: 'Misstänkt för snatteri för första gången.',
        suspectedOffence: 'Snatteri',
        offenceCanLeadToPrison: true,
        firstKnownSuspicion: true,
        preInvestigationRunning: false,
        guardianContactOnHold: false,
        feedbackRequested: true,
        idempotencyKey: `web-practice-${givenName}`,
      },
    });
    expect(answer.errors ?? []).toEqual([]);
    return { reportId: answer.data!.reportConcern.id, reference: answer.data!.reportConcern.reference };
  }

  it("the social worker goes from a report to the child's page: the clocks running, the report, the talk, and on to the talk", async () => {
    const { reportId, reference } = await policeReport('Alva');
    const [{ reference: talkReference }] = await app.sql(
      `SELECT t.reference FROM talk t JOIN report r ON r.child_id = t.child_id WHERE r.id = $1`,
      [reportId],
    );

    const social = await web.signIn(SOCIAL_WORKER);
    await social.goto(`${baseUrl}/reports/${reportId}`);
    await social.getByRole('link', { name: /Alva Webbsson/ }).click();
    await social.getByRole('heading', { name: 'Alva Webbsson', level: 1 }).waitFor();

    const clocks = social.locator('section[aria-labelledby="child-clocks-title"]');
    await clocks.getByRole('heading', { name: 'Tidsfrister som löper' }).waitFor();
    await clocks.getByText(`${reference}: Skyddsbedömning`, { exact: false }).waitFor();
    await clocks.getByText(`${talkReference}:`, { exact: false }).waitFor();
    const reports = social.locator('section[aria-labelledby="child-reports-title"]');
    await reports.getByRole('link', { name: reference }).waitFor();
    const cases = social.locator('section[aria-labelledby="child-cases-title"]');
    await cases.getByText('Inga samverkansärenden.').waitFor();
    await expectAccessible(social, 'practice-01-child-page');

    await social
      .locator('section[aria-labelledby="child-talks-title"]')
      .getByRole('link', { name: new RegExp(talkReference) })
      .click();
    await social.getByRole('heading', { name: new RegExp(talkReference), level: 1 }).waitFor();
    await social.getByRole('link', { name: /Alva Webbsson/ }).click();
    await social.getByRole('heading', { name: 'Alva Webbsson', level: 1 }).waitFor();
  });
});
