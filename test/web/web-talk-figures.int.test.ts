/**
 * The politicians' page, "Allvarssamtal: hur många, hur snabbt, vilken effekt", in a real browser on the demo's history
 * (db/seed/demo-history.ts), with axe. Its screenshot for the docs is made by web-indicator-screenshots.int.test.ts.
 */
import { asSystem } from '../../db/access/row-scope';
import { seedDemoHistory } from '../../db/seed/demo-history';
import { expectAccessible, expectContrast, describeInBrowser, useWebTestEnvironment } from './browser';

jest.setTimeout(180_000);

describeInBrowser("the politicians' page in a browser", () => {
  const web = useWebTestEnvironment({ workers: false });

  beforeAll(async () => {
    await asSystem(web.app.dataSource, (manager) => seedDemoHistory(manager, new Date()));
  });

  it('the analyst reads how many talks, how fast and with what effect, per district and year, with the caution and a table beside each chart', async () => {
    const page = await web.signIn('analytiker@samverka.test');
    await page.getByRole('link', { name: 'Allvarssamtal i siffror' }).click();
    await page.getByRole('heading', { level: 1, name: 'Allvarssamtal: hur många, hur snabbt, vilken effekt' }).waitFor();
    const year = String(new Date().getFullYear() - 1);
    const summary = page.locator('table.talk-summary');
    await summary.getByRole('rowheader', { name: 'Norr' }).waitFor();
    const norr = summary.getByRole('row', { name: /^Norr/ });
    // Talks held, a share within the deadline with its count, the median in hours, the share declined.
    await norr.getByRole('cell', { name: /^\d+$/ }).first().waitFor();
    await norr
      .getByRole('cell', { name: /^\d+ % \(\d+\/\d+\)$/ })
      .first()
      .waitFor();
    expect(await summary.getByText('för få barn').count()).toBe(0);

    await page.getByRole('heading', { level: 2, name: 'Hur många' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hur snabbt' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vilken effekt' }).waitFor();
    await page
      .locator('.talk-caution')
      .getByText(/Detta är en jämförelse, inte ett bevis/)
      .waitFor();
    // Every chart is an image with a name and has its numbers in a table with a caption.
    const charts = page.locator('svg[role="img"]');
    expect(await charts.count()).toBe(7);
    for (const label of await charts.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')))) expect(label).toBeTruthy();
    expect(await page.locator('table caption').count()).toBe(8);

    // The 6-month follow-up of last year has passed: both groups show a share; this year's 12 months have not.
    const sixMonths = page.locator('table', { has: page.locator('caption', { hasText: 'Ny anmälan inom 6 månader' }) });
    const lastYear = sixMonths.getByRole('row', { name: new RegExp(`^Norr ${year}`) });
    await expect(lastYear.getByRole('cell', { name: /^\d+ % \(\d+\/\d+\)$/ }).count()).resolves.toBe(2);
    const twelveMonths = page.locator('table', { has: page.locator('caption', { hasText: 'Ny anmälan inom 12 månader' }) });
    await twelveMonths
      .getByRole('row', { name: new RegExp(`^Norr ${new Date().getFullYear()}`) })
      .getByText('uppföljningen pågår')
      .first()
      .waitFor();

    await expectAccessible(page, '20-analyst-talk-figures');
    await expectContrast(page, '20-analyst-talk-figures');

    // Quarters: the same page, a quarter at a time.
    await page.getByLabel('Periodtyp').selectOption('QUARTER');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByRole('heading', { name: /^I korthet: \d{4}-Q\d$/ }).waitFor();
    expect(await page.getByRole('cell', { name: 'för få barn' }).count()).toBe(0);
  });

  it('a supervisor sees the own district; a police officer is not let in', async () => {
    const supervisor = await web.signIn('chef.syd@samverka.test');
    await supervisor.getByRole('link', { name: 'Allvarssamtal i siffror' }).click();
    const summary = supervisor.locator('table.talk-summary');
    await summary.getByRole('rowheader', { name: 'Syd' }).waitFor();
    expect(await summary.getByRole('rowheader', { name: 'Norr' }).count()).toBe(0);
    await expectAccessible(supervisor, '21-supervisor-talk-figures');

    const police = await web.signIn('polis.norr@samverka.test');
    expect(await police.getByRole('link', { name: 'Allvarssamtal i siffror' }).count()).toBe(0);
    await police.goto(`${web.baseUrl}/indicators/talks`);
    await police.getByText('Du har inte behörighet till den här sidan.').waitFor();
  });
});
