import { Job } from 'bullmq';
import { writeNotifications } from '../db/notifications/notification.repository';
import { FakeClock } from '../domain/time/clock';
import { reconcileDeadlines } from '../workers/deadlines/deadline-reconciler';
import { outboxDeliveryProcessor } from '../workers/notifications/outbox-delivery.job';
import { Email, EmailSender } from '../workers/notifications/email-sender';
import { JOB_ATTEMPTS, OutboxJobData, outboxJobId } from '../platform/queues/job-scheduler';
import { PLATFORM_QUEUES } from '../platform/queues/queue-names';
import { createTestApp, TestApp } from './helpers/test-app';

const clock = new FakeClock('2026-11-23T08:00:00Z');
let app: TestApp;
let mailServerUp = false;
const delivered: Email[] = [];
const sender: EmailSender = {
  async send(email) {
    if (!mailServerUp) throw new Error('421 4.3.2 service not available');
    delivered.push(email);
  },
};
const PARKED = `{ parkedEmails { id recipientEmail subject attempts retryRound lastError parkedAt } }`;

async function newEmail(key: string): Promise<string> {
  const userId = await app.idOf('app_user', 'email = $1', ['socsek.norr@samverka.test']);
  const [id] = await app.dataSource.transaction((manager) =>
    writeNotifications(manager, [
      {
        userId,
        kind: 'REMINDER',
        message: { title: `Påminnelse ${key}`, body: 'Förhandsbedömning ska vara klar.' },
        subjectType: null,
        subjectId: null,
        dedupeKey: key,
        email: true,
      },
    ]),
  );
  return id;
}

/** Runs the delivery job for every attempt BullMQ would make, as the worker would. */
async function runAllAttempts(outboxId: string): Promise<void> {
  const deliver = outboxDeliveryProcessor(app.runtime, sender);
  for (let attempt = 0; attempt < JOB_ATTEMPTS; attempt++) {
    await deliver({ data: { outboxId } } as Job<OutboxJobData>).catch(() => undefined);
  }
}

beforeAll(async () => {
  app = await createTestApp({ clock });
});
afterAll(() => app.close());

describe('e-mails whose attempts all failed', () => {
  it('are parked, visible to an administrator only, retried by the reconciler an hour later under a new job id, then delivered', async () => {
    const id = await newEmail('parking-1');
    await runAllAttempts(id);
    const [row] = await app.sql(`SELECT status, attempts, parked_at FROM outbox WHERE id = $1`, [id]);
    expect(row).toMatchObject({ status: 'PARKED', attempts: JOB_ATTEMPTS });

    const seen = await app.as('admin@samverka.test', PARKED);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.parkedEmails).toEqual([
      expect.objectContaining({
        id,
        recipientEmail: 'socsek.norr@samverka.test',
        attempts: JOB_ATTEMPTS,
        retryRound: 0,
        lastError: '421 4.3.2 service not available',
      }),
    ]);
    expect((await app.as('chef.norr@samverka.test', PARKED)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect((await reconcileDeadlines(app.runtime)).outboxUnparked).toBe(0);
    clock.advance(61 * 60_000);
    expect((await reconcileDeadlines(app.runtime)).outboxUnparked).toBe(1);
    expect(await app.sql(`SELECT status, attempts, retry_round FROM outbox WHERE id = $1`, [id])).toEqual([
      { status: 'PENDING', attempts: 0, retry_round: 1 },
    ]);
    expect(await app.runtime.queues.queue(PLATFORM_QUEUES.outbox).getJob(outboxJobId(id, 1))).toBeTruthy();

    mailServerUp = true;
    await outboxDeliveryProcessor(app.runtime, sender)({ data: { outboxId: id } } as Job<OutboxJobData>);
    expect(await app.sql(`SELECT status FROM outbox WHERE id = $1`, [id])).toEqual([{ status: 'DELIVERED' }]);
    expect(delivered.map((e) => e.subject)).toEqual(['Påminnelse parking-1']);
    mailServerUp = false;
  });

  it('stop being retried by themselves after 3 rounds, and an administrator can retry one at once', async () => {
    const id = await newEmail('parking-2');
    await runAllAttempts(id);
    await app.sql(`UPDATE outbox SET retry_round = 3 WHERE id = $1`, [id]);
    clock.advance(2 * 60 * 60_000);
    expect((await reconcileDeadlines(app.runtime)).outboxUnparked).toBe(0);

    const retried = await app.as('admin@samverka.test', `mutation($id: ID!) { retryParkedEmail(id: $id) { id retryRound parkedAt } }`, {
      id,
    });
    expect(retried).toMatchObject({ data: { retryParkedEmail: { id, retryRound: 4, parkedAt: null } } });
    expect(await app.sql(`SELECT status, retry_round FROM outbox WHERE id = $1`, [id])).toEqual([{ status: 'PENDING', retry_round: 4 }]);
    expect(await app.runtime.queues.queue(PLATFORM_QUEUES.outbox).getJob(outboxJobId(id, 4))).toBeTruthy();
    const again = await app.as('admin@samverka.test', `mutation($id: ID!) { retryParkedEmail(id: $id) { id } }`, { id });
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
