import { DistrictPolicy } from '../districts/district-policy';
import { addHours, addLocalDays, addLocalMonths } from './local-time';

/** Every legal clock the product keeps. Talks and plans add their kinds here. */
export enum DeadlineKind {
  PROTECTION_ASSESSMENT = 'PROTECTION_ASSESSMENT',
  PRELIMINARY_ASSESSMENT = 'PRELIMINARY_ASSESSMENT',
  INVESTIGATION = 'INVESTIGATION',
  FEEDBACK = 'FEEDBACK',
}

export enum DeadlineSubject {
  REPORT = 'REPORT',
}

interface KindRule {
  /** Swedish label used in messages to staff. */
  readonly label: string;
  readonly dueAt: (policy: DistrictPolicy, startsAt: Date) => Date;
  /** Escalate to the district's supervisors when breached. */
  readonly escalates: boolean;
}

export const DEADLINE_KINDS: { readonly [K in DeadlineKind]: KindRule } = {
  [DeadlineKind.PROTECTION_ASSESSMENT]: {
    label: 'skyddsbedömning',
    dueAt: (p, start) => addHours(start, p.protectionAssessmentHours),
    escalates: true,
  },
  [DeadlineKind.PRELIMINARY_ASSESSMENT]: {
    label: 'förhandsbedömning',
    dueAt: (p, start) => addLocalDays(start, p.preliminaryAssessmentDays, p.timeZone),
    escalates: true,
  },
  [DeadlineKind.INVESTIGATION]: {
    label: 'utredning',
    dueAt: (p, start) => addLocalMonths(start, p.investigationMonths, p.timeZone),
    escalates: true,
  },
  [DeadlineKind.FEEDBACK]: {
    label: 'återkoppling',
    dueAt: (p, start) => addLocalDays(start, p.feedbackDays, p.timeZone),
    escalates: true,
  },
};

export function computeDueAt(kind: DeadlineKind, policy: DistrictPolicy, startsAt: Date): Date {
  return DEADLINE_KINDS[kind].dueAt(policy, startsAt);
}
