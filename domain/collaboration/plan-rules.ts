import { AgencyKind } from '../access/roles';
import { categoryOfAgency, InformationCategory } from '../consent';

/** The commitment plan's (åtagandeplan) actions. */
export enum ActionStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

/** Typical actions from the municipal guides. */
export enum ActionKind {
  POLICE_COOPERATION = 'POLICE_COOPERATION',
  GUARDIAN_SUPPORT = 'GUARDIAN_SUPPORT',
  LEISURE_ACTIVITY = 'LEISURE_ACTIVITY',
  DRUG_SUPPORT = 'DRUG_SUPPORT',
  SCHOOL_SUPPORT = 'SCHOOL_SUPPORT',
  OTHER = 'OTHER',
}

export enum MeetingKind {
  MAPPING_TALK = 'MAPPING_TALK',
  NETWORK_MEETING = 'NETWORK_MEETING',
  FOLLOW_UP = 'FOLLOW_UP',
}

/** The meeting's name in Swedish, as invitations say it. */
export const MEETING_KIND_LABELS: { readonly [K in MeetingKind]: string } = {
  [MeetingKind.MAPPING_TALK]: 'kartläggningssamtal',
  [MeetingKind.NETWORK_MEETING]: 'nätverksmöte',
  [MeetingKind.FOLLOW_UP]: 'uppföljningsmöte',
};

/** When the plan is next reviewed: the earliest follow-up meeting neither held nor cancelled, or null. */
export function nextFollowUp(
  meetings: readonly { kind: MeetingKind; scheduledAt: Date; heldAt: Date | null; cancelledAt: Date | null }[],
): Date | null {
  let next: Date | null = null;
  for (const m of meetings) {
    if (m.kind === MeetingKind.FOLLOW_UP && !m.heldAt && !m.cancelledAt && (!next || m.scheduledAt < next)) next = m.scheduledAt;
  }
  return next;
}

/** Only a meeting still ahead can be moved, cancelled or recorded: not one already held or cancelled. */
export function meetingChangeProblem(meeting: { heldAt: Date | null; cancelledAt: Date | null }): 'HELD' | 'CANCELLED' | null {
  if (meeting.heldAt) return 'HELD';
  return meeting.cancelledAt ? 'CANCELLED' : null;
}

export function isFinished(status: ActionStatus): boolean {
  return status === ActionStatus.DONE || status === ActionStatus.CANCELLED;
}

export type ActionStatusProblem = 'FINISHED' | 'CANCEL_WITHOUT_REASON';

export function actionStatusProblem(
  from: ActionStatus,
  to: ActionStatus,
  cancelReason: string | null | undefined,
): ActionStatusProblem | null {
  if (isFinished(from) && from !== to) return 'FINISHED';
  if (to === ActionStatus.CANCELLED && !cancelReason?.trim()) return 'CANCEL_WITHOUT_REASON';
  return null;
}

export interface ActionFacts {
  readonly kind: ActionKind;
  readonly responsibleAgencyKind: AgencyKind;
}

/** Police-related actions carry criminal-offence data (GDPR art. 10). */
export function isCrimeInformation(action: ActionFacts): boolean {
  return action.kind === ActionKind.POLICE_COOPERATION || action.responsibleAgencyKind === AgencyKind.POLICE;
}

/** The texts of a case that carry their own criminal-offence mark. */
export enum CaseText {
  AGENCY_GOAL = 'AGENCY_GOAL',
  PLAN_ACTION = 'PLAN_ACTION',
  ACTION_NOTE = 'ACTION_NOTE',
}

/**
 * DOMAIN.md §4: what the police write on a case is criminal-offence data until a public authority marks it otherwise.
 * `speakers`: the kinds of the agencies whose words the text is (its author's; an agency goal's own agency).
 */
export function crimeInformationByDefault(...speakers: readonly AgencyKind[]): boolean {
  return speakers.includes(AgencyKind.POLICE);
}

/** The consent category an action's content falls under. */
export function actionCategory(action: ActionFacts): InformationCategory {
  return isCrimeInformation(action) ? InformationCategory.POLICE_CONTACTS : categoryOfAgency(action.responsibleAgencyKind);
}

export function isOverdue(action: { readonly status: ActionStatus; readonly dueAt: Date }, now: Date): boolean {
  return !isFinished(action.status) && action.dueAt.getTime() < now.getTime();
}

/** Meeting attendees must be on the case's team (or coordinate it): only people the consent names take part. */
export function attendeesOutsideTeam(attendeeUserIds: readonly string[], teamUserIds: readonly string[]): string[] {
  const team = new Set(teamUserIds);
  return [...new Set(attendeeUserIds)].filter((id) => !team.has(id));
}
