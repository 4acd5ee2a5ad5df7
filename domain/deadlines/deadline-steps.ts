import { DistrictPolicy } from '../districts/district-policy';
import { Clock } from './deadline-kinds';

/** `remind_50`, `remind_80`, … then `breach` and `escalate` at the due time. */
export type StepName = `remind_${number}` | 'breach' | 'escalate' | 'notice';

export interface PlannedStep {
  readonly step: StepName;
  readonly fireAt: Date;
}

export function planSteps(clock: Clock, policy: DistrictPolicy, startsAt: Date, dueAt: Date): PlannedStep[] {
  const notice = clock.noticeHoursBefore;
  if (notice) return [{ step: 'notice', fireAt: new Date(Math.max(startsAt.getTime(), dueAt.getTime() - notice(policy) * 3_600_000)) }];
  const window = dueAt.getTime() - startsAt.getTime();
  const percents = clock.reminders === false ? [] : policy.reminderPercents;
  const reminders = [...new Set(percents)]
    .sort((a, b) => a - b)
    .map((percent): PlannedStep => ({
      step: `remind_${percent}`,
      fireAt: new Date(startsAt.getTime() + Math.round((window * percent) / 100)),
    }));
  const steps: PlannedStep[] = [...reminders, { step: 'breach', fireAt: dueAt }];
  if (clock.escalates) steps.push({ step: 'escalate', fireAt: dueAt });
  return steps;
}

/**
 * A deadline created late (a letter registered days after it arrived) plans
 * only the steps still ahead: reminders already past are dropped, a breach or
 * escalation already past stays and fires once.
 */
export function stepsStillAhead(steps: readonly PlannedStep[], now: Date): PlannedStep[] {
  return steps.filter((s) => !isReminder(s.step) || s.fireAt.getTime() > now.getTime());
}

export type StepAudience = 'responsible' | 'supervisors';

/** Reminders and the breach go to the responsible worker (supervisors while nobody is); escalation to supervisors. */
export function stepAudience(step: string, hasResponsible: boolean): StepAudience {
  if (step === 'escalate') return 'supervisors';
  return hasResponsible ? 'responsible' : 'supervisors';
}

export function isReminder(step: string): boolean {
  return step.startsWith('remind_');
}

export enum DeadlineStatus {
  OPEN = 'OPEN',
  OVERDUE = 'OVERDUE',
  MET = 'MET',
  MET_LATE = 'MET_LATE',
  CANCELLED = 'CANCELLED',
}

export interface DeadlineTimes {
  readonly dueAt: Date;
  readonly metAt: Date | null;
  readonly cancelledAt: Date | null;
}

export function deadlineStatus(d: DeadlineTimes, now: Date): DeadlineStatus {
  if (d.cancelledAt) return DeadlineStatus.CANCELLED;
  if (d.metAt) return d.metAt.getTime() <= d.dueAt.getTime() ? DeadlineStatus.MET : DeadlineStatus.MET_LATE;
  return now.getTime() > d.dueAt.getTime() ? DeadlineStatus.OVERDUE : DeadlineStatus.OPEN;
}
