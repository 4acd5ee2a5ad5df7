import { Queue } from 'bullmq';
import { Clock } from '../../domain/time/clock';
import { QueueFactory } from './queue-backend';
import { PLATFORM_QUEUES } from './queue-names';

export interface ScheduledStep {
  readonly id: string;
  readonly fireAt: Date;
}

/** What the API and workers may ask of the queues. Jobs carry ids only. */
export interface JobScheduler {
  ping(): Promise<void>;
  /** Idempotent: the job id is derived from the step id. */
  enqueueDeadlineSteps(steps: readonly ScheduledStep[]): Promise<void>;
  /** An id alone is round 0; a parked e-mail given a new round comes with its round. */
  enqueueOutbox(ids: readonly (string | OutboxRef)[]): Promise<void>;
  /** The queues, for the operators' dashboard. */
  queues?(): Queue[];
  close(): Promise<void>;
}

export interface DeadlineStepJobData {
  readonly stepId: string;
}

export interface OutboxJobData {
  readonly outboxId: string;
}

export const deadlineStepJobId = (stepId: string) => `deadline-step-${stepId}`;
export interface OutboxRef {
  readonly id: string;
  readonly round: number;
}

/** Each retry round of a parked e-mail has its own job id, so it is not a no-op behind the failed job of the round before. */
export const outboxJobId = (outboxId: string, round = 0) => (round === 0 ? `outbox-${outboxId}` : `outbox-${outboxId}-r${round}`);

/**
 * Retries: 8 attempts with exponential backoff from 2 s give waits of
 * 2+4+8+16+32+64+128 s ≈ 4 min before a job is parked in the failed set,
 * where an operator can retry it; the reconciler re-creates it anyway.
 */
export const JOB_ATTEMPTS = 8;
export const JOB_BACKOFF_MS = 2_000;

const JOB_DEFAULTS = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * A ping that has not answered by then counts as "queue down" (/readyz must
 * answer within 2 s). Adds need no timer: with Redis away they fail at once
 * (the producer connection has no offline queue, see queue-backend.ts).
 */
export const QUEUE_PING_TIMEOUT_MS = 1_000;

export class QueueUnavailable extends Error {
  constructor() {
    super(`the queue did not answer a ping within ${QUEUE_PING_TIMEOUT_MS} ms`);
  }
}

function pingWithinTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new QueueUnavailable()), QUEUE_PING_TIMEOUT_MS);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Jobs go to the queue in chunks of this many. A chunk of 1,000 took 0.26 s on
 * the shared 2-core machine (one Lua call per job; a bulk INSERT on the
 * PostgreSQL backend), so it stays inside the producer's 20 s command timeout
 * even 50 times slower. One bulk of everything (335,000 steps at ten times the
 * chaos drill) outlived that timeout, failed the same way on every retry, and
 * held Redis away from the workers while it ran. A failed chunk loses nothing:
 * the ids are deterministic, and the reconciler's next run adds the rest.
 */
export const ENQUEUE_CHUNK = 1_000;

export class QueueJobScheduler implements JobScheduler {
  private readonly deadlineSteps: Queue<DeadlineStepJobData>;
  private readonly outbox: Queue<OutboxJobData>;
  private readonly maintenance: Queue;

  constructor(
    private readonly factory: QueueFactory,
    private readonly clock: Clock,
    private readonly horizonMs: number,
    private readonly chunkSize = ENQUEUE_CHUNK,
  ) {
    this.deadlineSteps = factory.queue<DeadlineStepJobData>(PLATFORM_QUEUES.deadlineSteps);
    this.outbox = factory.queue<OutboxJobData>(PLATFORM_QUEUES.outbox);
    this.maintenance = factory.queue(PLATFORM_QUEUES.maintenance);
  }

  async ping(): Promise<void> {
    await pingWithinTimeout(this.deadlineSteps.getJobCounts('waiting'));
  }

  /** Steps beyond the horizon are left to the reconciler, which keeps the queue small. */
  async enqueueDeadlineSteps(steps: readonly ScheduledStep[]): Promise<void> {
    const now = this.clock.now().getTime();
    const due = steps.filter((s) => s.fireAt.getTime() - now <= this.horizonMs);
    await this.inChunks(due, (chunk) =>
      this.deadlineSteps.addBulk(
        chunk.map((s) => ({
          name: 'fire',
          data: { stepId: s.id },
          opts: { ...JOB_DEFAULTS, jobId: deadlineStepJobId(s.id), delay: Math.max(0, s.fireAt.getTime() - now) },
        })),
      ),
    );
  }

  async enqueueOutbox(ids: readonly (string | OutboxRef)[]): Promise<void> {
    const refs = ids.map((ref) => (typeof ref === 'string' ? { id: ref, round: 0 } : ref));
    await this.inChunks(refs, (chunk) =>
      this.outbox.addBulk(
        chunk.map(({ id, round }) => ({
          name: 'deliver',
          data: { outboxId: id },
          opts: { ...JOB_DEFAULTS, jobId: outboxJobId(id, round) },
        })),
      ),
    );
  }

  /** One chunk after the other: a chunk that fails stops the rest, which the reconciler adds later. */
  private async inChunks<T>(items: readonly T[], add: (chunk: readonly T[]) => Promise<unknown>): Promise<void> {
    for (let start = 0; start < items.length; start += this.chunkSize) {
      await add(items.slice(start, start + this.chunkSize));
    }
  }

  queues(): Queue[] {
    return [this.deadlineSteps, this.outbox, this.maintenance] as Queue[];
  }

  async close(): Promise<void> {
    await Promise.all(this.queues().map((q) => q.close()));
  }
}
