import { EntityManager } from 'typeorm';
import { DeadlineKind, resolveDueAt } from '../domain/deadlines/deadline-kinds';
import { DEADLINE_KINDS } from '../platform/deadlines/deadline-clocks';
import { planSteps, stepsStillAhead } from '../domain/deadlines/deadline-steps';
import { ClockSubject, SubjectRef } from '../domain/deadlines/deadline-subjects';
import { DistrictPolicy } from '../domain/districts/district-policy';
import { DeadlineRow, deadlineRepository, PendingStep } from './deadlines/deadline.repository';

/** What the clocks need from the unit of work they belong to. */
export interface ClockWork {
  readonly manager: EntityManager;
  readonly now: Date;
  policy(districtId: string, version: number): Promise<DistrictPolicy>;
  enqueueSteps(steps: readonly PendingStep[]): void;
}

export interface StartClock {
  /** When the clock starts counting; default: now. */
  readonly startsAt?: Date;
  /**
   * The due time from the caller: required for kinds whose due time comes
   * from the caller (a forum's target date, an action's due date); for the
   * others it overrides the policy (an extended investigation).
   */
  readonly dueAt?: Date | null;
}

export interface StartedClock {
  readonly deadlineId: string;
  readonly dueAt: Date;
}

/**
 * Clocks for any subject, inside one unit of work: the deadline rows and
 * their steps are written in the transaction, the steps are enqueued after commit.
 */
export class Clocks {
  constructor(private readonly work: ClockWork) {}

  /** Starts a clock; returns null, writing nothing, when the subject's district policy sets no clock of this kind. */
  async start(subject: ClockSubject, kind: DeadlineKind, options: StartClock = {}): Promise<StartedClock | null> {
    const startsAt = options.startsAt ?? this.work.now;
    const policy = await this.work.policy(subject.districtId, subject.policyVersion);
    const dueAt = resolveDueAt(DEADLINE_KINDS[kind], policy, startsAt, options.dueAt);
    if (!dueAt) return null;
    // A clock started late (a letter registered days after it arrived) plans only the steps still ahead.
    const steps = stepsStillAhead(planSteps(DEADLINE_KINDS[kind], policy, startsAt, dueAt), this.work.now);
    const created = await deadlineRepository.create(this.work.manager, { kind, subject, startsAt, dueAt, steps });
    this.work.enqueueSteps(created.steps);
    return { deadlineId: created.deadlineId, dueAt };
  }

  /**
   * Starts several clocks of one subject: one statement for all of them and their steps.
   * Kinds the subject's district policy sets no clock for are left out (null), as `start` does.
   */
  async startMany(
    subject: ClockSubject,
    clocks: readonly (StartClock & { readonly kind: DeadlineKind })[],
  ): Promise<(StartedClock | null)[]> {
    const policy = await this.work.policy(subject.districtId, subject.policyVersion);
    const specs = clocks.map(({ kind, ...options }) => {
      const startsAt = options.startsAt ?? this.work.now;
      const dueAt = resolveDueAt(DEADLINE_KINDS[kind], policy, startsAt, options.dueAt);
      return dueAt
        ? {
            kind,
            subject,
            startsAt,
            dueAt,
            steps: stepsStillAhead(planSteps(DEADLINE_KINDS[kind], policy, startsAt, dueAt), this.work.now),
          }
        : null;
    });
    const created = await deadlineRepository.createMany(
      this.work.manager,
      specs.filter((s) => s !== null),
    );
    let next = 0;
    return specs.map((spec) => {
      if (!spec) return null;
      const { deadlineId, steps } = created[next++];
      this.work.enqueueSteps(steps);
      return { deadlineId, dueAt: spec.dueAt };
    });
  }

  /** Meets the subject's open clock of this kind (if any), now or at a recorded time (an investigation closed on a date); its pending steps become no-ops. */
  async meet(subject: SubjectRef, kind: DeadlineKind, at: Date = this.work.now): Promise<void> {
    await deadlineRepository.meet(this.work.manager, subject, kind, at);
  }

  async cancel(subject: SubjectRef, kind: DeadlineKind): Promise<void> {
    await deadlineRepository.cancel(this.work.manager, subject, kind, this.work.now);
  }

  /** Hands every open clock of the subject to a new responsible user (null: nobody, the escalation role hears). */
  assign(subject: SubjectRef, userId: string | null): Promise<void> {
    return deadlineRepository.assign(this.work.manager, subject, userId);
  }

  /** The subject's running clock of this kind, or null. */
  open(subject: SubjectRef, kind: DeadlineKind): Promise<DeadlineRow | null> {
    return deadlineRepository.open(this.work.manager, subject, kind);
  }
}
