/**
 * The screenshots of docs/indicators.md, at 1366 px on the demo's history (db/seed/demo-history.ts): the indicator
 * page (analyst), the compliance report as a supervisor prints it, and the politicians' page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Locator, Page } from 'playwright-core';
import { asSystem } from '../../db/access/row-scope';
import { seedDemoHistory } from '../../db/seed/demo-history';
import { describeInBrowser, openIndicatorCard, screenshot, SCREENSHOT_DIR, useWebTestEnvironment } from './browser';

jest.setTimeout(180_000);

const VIEWPORT = { width: 1366, height: 900 };
const IMAGES = path.resolve(__dirname, '../../docs/images');

/** The page (or one part of it) into the test output, and a copy for the docs. */
async function keep(page: Page, name: string, image: string, part?: Locator) {
  if (part) await part.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
  else await screenshot(page, name);
  fs.mkdirSync(IMAGES, { recursive: true });
  fs.copyFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), path.join(IMAGES, image));
}

describeInBrowser('the indicator pages at 1366 px, for the docs', () => {
  const web = useWebTestEnvironment({ workers: false });

  beforeAll(async () => {
    await asSystem(web.app.dataSource, (manager) => seedDemoHistory(manager, new Date()));
  });

  it('the analyst’s indicator page draws each indicator per district, with figures, not "too few children"', async () => {
    const page = await web.signIn('analytiker@samverka.test', { viewport: VIEWPORT });
    await openIndicatorCard(page, 'talkWithinDeadlineRate');
    await keep(page, '30-analyst-indicators-1366', 'indicators.png');

    // The periods to choose from are named in words: a month by its name, a quarter by its number.
    const year = new Date().getFullYear();
    const fromOption = (name: string) => page.getByLabel('Från').locator('option', { hasText: name });
    await fromOption(`januari ${year}`).waitFor({ state: 'attached' });
    await page.getByLabel('Periodtyp').selectOption('QUARTER');
    await fromOption(`Kvartal 1 ${year}`).waitFor({ state: 'attached' });
  });

  it('the supervisor prints the compliance report with the page', async () => {
    const page = await web.signIn('chef.norr@samverka.test', { viewport: VIEWPORT });
    await page.getByRole('link', { name: 'Indikatorer' }).click();
    const compliance = page.locator('section.compliance');
    await compliance.getByRole('heading', { name: 'Efterlevnad: lagens frister och återkoppling' }).waitFor();
    await compliance.locator('tbody tr').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await keep(page, '31-supervisor-compliance-print-1366', 'compliance-print.png', compliance);
  });

  it("the politicians' page", async () => {
    const page = await web.signIn('analytiker@samverka.test', { viewport: VIEWPORT });
    await page.getByRole('link', { name: 'Allvarssamtal i siffror' }).click();
    await page.getByRole('heading', { level: 1, name: 'Allvarssamtal: hur många, hur snabbt, vilken effekt' }).waitFor();
    await page.locator('table.talk-summary').getByRole('rowheader', { name: 'Norr' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vilken effekt' }).waitFor();
    await keep(page, '32-analyst-talk-figures-1366', 'talk-figures.png');
  });
});
