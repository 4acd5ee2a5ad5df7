/**
 * The coordinator moves a case meeting and cancels it from the case page in a real browser, on a 390 px phone: the
 * new time in the district's zone, the reason asked for before the cancellation goes through, the outcome announced,
 * and axe-core after each step. Screenshots go to test-output/web/meetings-*.png.
 */
import { Page } from 'playwright-core';
import { COORDINATOR, insertChild, ok, openCase } from '../helpers/collaboration';
import { describeInBrowser, expectAccessible, stockholmDay, useWebTestEnvironment } from './browser';

jest.setTimeout(240_000);

const PHONE = { width: 390, height: 844 };

function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number; clientWidth: number } } }).document
      .scrollingElement;
    return el.scrollWidth - el.clientWidth;
  });
}

describeInBrowser('moving and cancelling a case meeting in a browser', () => {
  const web = useWebTestEnvironment({ workers: false });

  it('moves a network meeting to a new time, then cancels it with a reason', async () => {
    const { childId } = await insertChild(web.app, `${new Date().getUTCFullYear() - 14}-04-02`, 'Selma');
    const caseId = await openCase(web.app, childId);
    const data = await ok(web.app, COORDINATOR, `mutation($i: ScheduleFollowUpInput!) { scheduleFollowUp(input: $i) { id } }`, {
      i: { caseId, kind: 'NETWORK_MEETING', scheduledAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), attendeeUserIds: [] },
    });
    const meetingId: string = data.scheduleFollowUp.id;

    const page = await web.signIn(COORDINATOR, { viewport: PHONE });
    await page.goto(`${web.baseUrl}/cases/${caseId}#meetings`);
    const meetings = page.locator('section[aria-labelledby="meetings-title"]');
    const meeting = meetings.getByTestId('meeting');
    await meeting.getByText('Nätverksmöte').waitFor();

    // Move: the form opens with the current time, takes a new one in the district's zone, and says where it went.
    await meeting.getByRole('button', { name: 'Flytta', exact: true }).click();
    const newTime = meeting.getByLabel('Ny tid');
    expect(await newTime.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const day = stockholmDay(7);
    await newTime.fill(`${day}T10:30`);
    await expectAccessible(page, 'meetings-01-move-form');
    await meeting.getByRole('button', { name: 'Flytta mötet' }).click();
    await meeting
      .getByRole('status')
      .getByText(/Mötet är flyttat till .*10:30\. Deltagarna har fått besked\./)
      .waitFor();
    await meeting.getByText(/Planerat .*10:30/).waitFor();
    const [moved] = await web.app.sql(`SELECT scheduled_at, calendar_sequence FROM collaboration_meeting WHERE id = $1`, [meetingId]);
    expect(moved.calendar_sequence).toBe(1);
    expect(
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }).format(moved.scheduled_at),
    ).toBe(`${day} 10:30`);

    // Cancel: the reason comes first; without it the form says so, with it the meeting is marked cancelled.
    await meeting.getByRole('button', { name: 'Ställ in', exact: true }).click();
    await meeting.getByRole('button', { name: 'Bekräfta: ställ in mötet' }).click();
    await meeting
      .getByTestId('error-summary')
      .getByRole('link', { name: /skäl till att mötet ställs in/i })
      .waitFor();
    await meeting.getByLabel('Skäl till att mötet ställs in').fill('Skolan har studiedag.');
    await expectAccessible(page, 'meetings-02-cancel-form');
    await meeting.getByRole('button', { name: 'Bekräfta: ställ in mötet' }).click();
    await meeting.getByRole('status').getByText('Mötet är inställt. Deltagarna har fått besked.').waitFor();
    await meetings
      .locator('[data-testid="meeting"][data-cancelled="true"]')
      .getByText(/^Inställt /)
      .waitFor();
    await meeting.getByText('Skäl till att mötet ställs in: Skolan har studiedag.').waitFor();
    expect(await meeting.getByRole('button', { name: 'Flytta', exact: true }).count()).toBe(0);
    expect(await sidewaysScroll(page)).toBe(0);
    await expectAccessible(page, 'meetings-03-cancelled');
    await page.context().close();
  });
});
