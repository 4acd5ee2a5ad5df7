import { AgencyKind, Role } from '../access/roles';
import { DeadlineSubject } from './deadline-kinds';

/** How staff messages name a subject, and who hears about it when nobody is responsible or a breach escalates. */
export interface SubjectRule {
  /** Swedish noun before the reference: "i ärende OA-2026-000042". */
  readonly noun: string;
  /** The users of this role in the district's agencies of this kind. */
  readonly escalateTo: { readonly agencyKind: AgencyKind; readonly role: Role };
}

const socialServicesSupervisors = { agencyKind: AgencyKind.SOCIAL_SERVICES, role: Role.SOCIAL_SERVICES_SUPERVISOR } as const;
const coordinators = { agencyKind: AgencyKind.SOCIAL_SERVICES, role: Role.SSPF_COORDINATOR } as const;

export const DEADLINE_SUBJECTS: { readonly [S in DeadlineSubject]: SubjectRule } = {
  [DeadlineSubject.REPORT]: { noun: 'ärende', escalateTo: socialServicesSupervisors },
  [DeadlineSubject.TALK]: { noun: 'samtal', escalateTo: socialServicesSupervisors },
  [DeadlineSubject.SUMMONS]: { noun: 'kallelse', escalateTo: socialServicesSupervisors },
  [DeadlineSubject.COLLABORATION_CASE]: { noun: 'samverkansärende', escalateTo: coordinators },
  // A case's parts carry the case's reference: "insats i ärende SSPF-…", not "insats i insats …" or "samtycke i samtycke …".
  [DeadlineSubject.PLAN_ACTION]: { noun: 'ärende', escalateTo: coordinators },
  [DeadlineSubject.CONSENT]: { noun: 'ärende', escalateTo: coordinators },
  [DeadlineSubject.FOLLOW_UP]: { noun: 'ärende', escalateTo: coordinators },
};

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
