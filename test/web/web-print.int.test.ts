/**
 * Paper: a report with its decisions, a talk record and a case's commitment plan print from the browser on A4, without
 * the navigation or the forms, with the reference, the print date and the page number in every page's margin.
 */
import { Page } from 'playwright-core';
import { COORDINATOR, insertChild, ok, openCase } from '../helpers/collaboration';
import { describeInBrowser, useWebTestEnvironment } from './browser';

jest.setTimeout(180_000);

const SOCSEK = 'socsek.norr@samverka.test';
/** A4 in PDF points (1/72 inch): 210 × 297 mm. */
const A4 = { width: 595.28, height: 841.89 };

/** Every page's size in the PDF: Chromium writes one /MediaBox per page. */
function pageSizes(pdf: Buffer): { width: number; height: number }[] {
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  return boxes.map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

async function expectPrintable(page: Page, reference: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('nav[aria-label="Huvudmeny"]').isVisible()).toBe(false);
  for (const form of await page.locator('main form').all()) expect(await form.isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: 'Skriv ut' }).isVisible()).toBe(false);
  // The running header is an @page rule naming this reference, the print date and the page counter.
  const rule = (await page.locator('style[data-print-header]').textContent()) ?? '';
  expect(rule).toContain(`@top-left { content: "Samverka · ${reference}"`);
  expect(rule).toMatch(/@top-right \{ content: "Utskriven \d{1,2} [a-zé]+\.? \d{4}"/);
  expect(rule).toContain('counter(page)');
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  const sizes = pageSizes(pdf);
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) {
    expect(size.width).toBeCloseTo(A4.width, 0);
    expect(size.height).toBeCloseTo(A4.height, 0);
  }
  await page.emulateMedia({ media: 'screen' });
}

describeInBrowser('printing on A4', () => {
  const web = useWebTestEnvironment({ workers: false });

  it('prints a report with its decisions and a talk record', async () => {
    const { childId } = await insertChild(web.app, '2012-04-01', 'Utskrift');
    const flagged = await ok(
      web.app,
      'larare.norr@samverka.test',
      `mutation($i: FlagConcernInput!) { flagConcern(input: $i) { id reference } }`,
      {
        i: {
          child: { givenName: 'Ulla', familyName: 'Utskrift', birthDate: '2012-04-01' },
          category: 'SCHOOL_ABSENCE',
          description: 'Hög frånvaro.',
          feedbackRequested: false,
          idempotencyKey: `web-print-${Date.now()}`,
        },
      },
    );
    const report = flagged.flagConcern;
    await ok(web.app, SOCSEK, `mutation($i: ProtectionAssessmentInput!) { recordProtectionAssessment(input: $i) { id } }`, {
      i: { reportId: report.id, acuteDanger: false, note: 'Ingen akut fara.' },
    });
    const page = await web.signIn(SOCSEK);
    await page.goto(`${web.baseUrl}/reports/${report.id}`);
    await page.getByTestId('protection-done').waitFor();
    await expectPrintable(page, report.reference);

    const talk = await ok(
      web.app,
      SOCSEK,
      `mutation($c: ID!) { openTalk(input: { childId: $c, kind: SERIOUS_TALK, idempotencyKey: "web-print-talk" }) { id reference } }`,
      { c: childId },
    );
    await page.goto(`${web.baseUrl}/talks/${talk.openTalk.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(talk.openTalk.reference) }).waitFor();
    await expectPrintable(page, talk.openTalk.reference);
  });

  it("prints a case's commitment plan", async () => {
    const { childId } = await insertChild(web.app, '2011-02-02', 'Planutskrift');
    const caseId = await openCase(web.app, childId);
    const [{ reference }] = await web.app.sql(`SELECT reference FROM collaboration_case WHERE id = $1`, [caseId]);
    const page = await web.signIn(COORDINATOR);
    await page.goto(`${web.baseUrl}/cases/${caseId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    await expectPrintable(page, reference);
  });
});
