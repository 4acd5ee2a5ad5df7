import { Queue } from 'bullmq';
import { Clock } from '../../domain/clock';
import { QueueFactory } from './queue-backend';
import { QueueName } from './queue-names';

export interface ScheduledStep {
  readonly id: string;
  readonly fireAt: Date;
}

/** What the API and workers may ask of the queues. Jobs carry ids only. */
export interface JobScheduler {
  ping(): Promise<void>;
  /** Idempotent: the job id is derived from the step id. */
  enqueueDeadlineSteps(steps: readonly ScheduledStep[]): Promise<void>;
  enqueueOutbox(ids: readonly string[]): Promise<void>;
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
export const outboxJobId = (outboxId: string) => `outbox-${outboxId}`;

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

export class QueueJobScheduler implements JobScheduler {
  private readonly deadlineSteps: Queue<DeadlineStepJobData>;
  private readonly outbox: Queue<OutboxJobData>;
  private readonly maintenance: Queue;

  constructor(private readonly factory: QueueFactory, private readonly clock: Clock, private readonly horizonMs: number) {
    this.deadlineSteps = factory.queue<DeadlineStepJobData>(QueueName.DEADLINE_STEPS);
    this.outbox = factory.queue<OutboxJobData>(QueueName.OUTBOX);
    this.maintenance = factory.queue(QueueName.MAINTENANCE);
  }

  async ping(): Promise<void> {
    await this.deadlineSteps.getJobCounts('waiting');
  }

  /** Steps beyond the horizon are left to the reconciler, which keeps the queue small. */
  async enqueueDeadlineSteps(steps: readonly ScheduledStep[]): Promise<void> {
    const now = this.clock.now().getTime();
    const due = steps.filter((s) => s.fireAt.getTime() - now <= this.horizonMs);
    if (due.length === 0) return;
    await this.deadlineSteps.addBulk(due.map((s) => ({
      name: 'fire',
      data: { stepId: s.id },
      opts: { ...JOB_DEFAULTS, jobId: deadlineStepJobId(s.id), delay: Math.max(0, s.fireAt.getTime() - now) },
    })));
  }

  async enqueueOutbox(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.outbox.addBulk(ids.map((id) => ({
      name: 'deliver',
      data: { outboxId: id },
      opts: { ...JOB_DEFAULTS, jobId: outboxJobId(id) },
    })));
  }

  queues(): Queue[] {
    return [this.deadlineSteps, this.outbox, this.maintenance] as Queue[];
  }

  async close(): Promise<void> {
    await Promise.all(this.queues().map((q) => q.close()));
  }
}
