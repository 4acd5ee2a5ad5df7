import { AgencyKind, Role } from '../access/roles';
import { DeadlineSubject } from './deadline-kinds';

/** Who hears of a breach of a clock on a report or a talk: the district's social services supervisors. */
export const SOCIAL_SERVICES_SUPERVISORS = { agencyKind: AgencyKind.SOCIAL_SERVICES, role: Role.SOCIAL_SERVICES_SUPERVISOR } as const;
/** Who hears of a breach of a clock in a collaboration case: the district's SSPF coordinators. */
export const SSPF_COORDINATORS = { agencyKind: AgencyKind.SOCIAL_SERVICES, role: Role.SSPF_COORDINATOR } as const;

/** Which subject a clock runs on. */
export interface SubjectRef {
  readonly type: DeadlineSubject;
  readonly id: string;
}

/**
 * Everything a clock needs from its subject, given by the module when it
 * starts one. The reference is stored on the deadline row, so firing a step
 * never joins the subject's table; it must never be a name or an identity number.
 */
export interface ClockSubject extends SubjectRef {
  /** Shown in reminders: OA-2026-000042, a talk's or case's reference. */
  readonly reference: string;
  readonly districtId: string;
  /** The district policy version the subject runs under. */
  readonly policyVersion: number;
  readonly responsibleUserId: string | null;
}
