import { randomUUID } from 'node:crypto';
import { Job } from 'bullmq';
import { writeNotifications } from '../db/notifications/notification.repository';
import { FakeClock } from '../domain/time/clock';
import { outboxDeliveryProcessor } from '../workers/notifications/outbox-delivery.job';
import { Email, EmailSender } from '../workers/notifications/email-sender';
import { OutboxJobData } from '../platform/queues/job-scheduler';
import { createTestApp, TestApp } from './helpers/test-app';

let app: TestApp;
const delivered: Email[] = [];
const sender: EmailSender = {
  async send(email) {
    delivered.push(email);
  },
};

async function deliver(key: string, subjectType: string | null, subjectId: string | null): Promise<Email> {
  const userId = await app.idOf('app_user', 'email = $1', ['larare.norr@samverka.test']);
  const [id] = await app.dataSource.transaction((manager) =>
    writeNotifications(manager, [
      {
        userId,
        kind: 'FEEDBACK',
        message: { title: 'Återkoppling', body: 'Socialtjänsten har lämnat återkoppling. Logga in för att läsa den.' },
        subjectType,
        subjectId,
        dedupeKey: key,
        email: true,
      },
    ]),
  );
  await outboxDeliveryProcessor(app.runtime, sender)({ data: { outboxId: id } } as Job<OutboxJobData>);
  return delivered[delivered.length - 1];
}

beforeAll(async () => {
  app = await createTestApp({ clock: new FakeClock('2026-12-07T08:00:00Z') });
});
afterAll(() => app.close());

describe('notification e-mails', () => {
  it('link to the page of what they are about, through the web app, which picks the page for the reader', async () => {
    const base = app.runtime.config.publicUrl;
    expect(base).toMatch(/^http:\/\/localhost:\d+$/);
    const reportId = randomUUID();
    const email = await deliver('link-report', 'REPORT', reportId);
    expect(email.body).toBe(
      `Socialtjänsten har lämnat återkoppling. Logga in för att läsa den.\n\nÖppna i Samverka: ${base}/open/report/${reportId}`,
    );
  });

  it('without a subject, link to the notifications page', async () => {
    const email = await deliver('link-none', null, null);
    expect(email.body.endsWith(`\n\nÖppna i Samverka: ${app.runtime.config.publicUrl}/notifications`)).toBe(true);
  });
});
