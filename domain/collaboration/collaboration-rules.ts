import { DistrictPolicy } from '../districts/district-policy';
import { AgeBand } from './collaboration.settings';
import { DAY_MS } from '../time/clock';
import { CollaborationModel } from '../consent';

export { CollaborationModel };

/** INTAKE → CONSENT_PENDING → MAPPING → PLAN_ACTIVE → FOLLOW_UP → CLOSED (SSPF process steps). */
export enum CaseState {
  INTAKE = 'INTAKE',
  CONSENT_PENDING = 'CONSENT_PENDING',
  MAPPING = 'MAPPING',
  PLAN_ACTIVE = 'PLAN_ACTIVE',
  FOLLOW_UP = 'FOLLOW_UP',
  CLOSED = 'CLOSED',
}

export enum ClosingReason {
  GOALS_MET = 'GOALS_MET',
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  MOVED_AWAY = 'MOVED_AWAY',
  REFERRED_ELSEWHERE = 'REFERRED_ELSEWHERE',
  OTHER = 'OTHER',
}

/** Where the case came from. */
export enum CaseSource {
  COORDINATOR = 'COORDINATOR',
  /** A serious talk's outcome "referred to SSPF/SSFF". */
  TALK_REFERRAL = 'TALK_REFERRAL',
}

/** Ages are whole years; a band holds min ≤ age < max, so 12–18 ends on the 18th birthday. */
export function inBand(age: number, band: AgeBand): boolean {
  return age >= band.min && age < band.max;
}

/** The model the district's bands give this age, or null outside both (the older band wins where they overlap). */
export function modelForAge(age: number, policy: Pick<DistrictPolicy, 'ssffAgeBand' | 'sspfAgeBand'>): CollaborationModel | null {
  if (inBand(age, policy.sspfAgeBand)) return CollaborationModel.SSPF;
  if (inBand(age, policy.ssffAgeBand)) return CollaborationModel.SSFF;
  return null;
}

export interface ModelOverride {
  readonly model: CollaborationModel;
  readonly reason: string;
}

export type ModelDecision =
  | { readonly ok: true; readonly model: CollaborationModel; readonly overrideReason: string | null }
  | { readonly ok: false; readonly problem: 'OUTSIDE_BANDS' | 'OVERRIDE_WITHOUT_REASON' };

/** A child inside a band gets its model; outside both only a coordinator override with a reason opens a case. */
export function decideModel(
  age: number,
  policy: Pick<DistrictPolicy, 'ssffAgeBand' | 'sspfAgeBand'>,
  override: ModelOverride | null,
): ModelDecision {
  if (override) {
    const reason = override.reason.trim();
    if (!reason) return { ok: false, problem: 'OVERRIDE_WITHOUT_REASON' };
    return { ok: true, model: override.model, overrideReason: reason };
  }
  const model = modelForAge(age, policy);
  return model ? { ok: true, model, overrideReason: null } : { ok: false, problem: 'OUTSIDE_BANDS' };
}

/**
 * The model to suggest when the child's age has left the case's band, or null.
 * Switching model means collecting consent again from the people the new model names.
 */
export function suggestedModelSwitch(
  current: CollaborationModel,
  age: number,
  policy: Pick<DistrictPolicy, 'ssffAgeBand' | 'sspfAgeBand'>,
): CollaborationModel | null {
  const byAge = modelForAge(age, policy);
  return byAge && byAge !== current ? byAge : null;
}

const NEXT: { readonly [S in CaseState]: readonly CaseState[] } = {
  [CaseState.INTAKE]: [CaseState.CONSENT_PENDING, CaseState.MAPPING, CaseState.CLOSED],
  [CaseState.CONSENT_PENDING]: [CaseState.MAPPING, CaseState.CLOSED],
  [CaseState.MAPPING]: [CaseState.PLAN_ACTIVE, CaseState.CLOSED],
  [CaseState.PLAN_ACTIVE]: [CaseState.FOLLOW_UP, CaseState.CLOSED],
  [CaseState.FOLLOW_UP]: [CaseState.PLAN_ACTIVE, CaseState.CLOSED],
  [CaseState.CLOSED]: [],
};

export function canMove(from: CaseState, to: CaseState): boolean {
  return NEXT[from].includes(to);
}

/** A plan is running: a next follow-up date is required, and silence counts as staleness. */
export function isPlanRunning(state: CaseState): boolean {
  return state === CaseState.PLAN_ACTIVE || state === CaseState.FOLLOW_UP;
}

export function isOpen(state: CaseState): boolean {
  return state !== CaseState.CLOSED;
}

/** The state a case moves to when a consent is recorded, or null to stay. */
export function stateAfterConsent(state: CaseState, complete: boolean): CaseState | null {
  if (state === CaseState.INTAKE) return complete ? CaseState.MAPPING : CaseState.CONSENT_PENDING;
  if (state === CaseState.CONSENT_PENDING && complete) return CaseState.MAPPING;
  return null;
}

/** Goals set during mapping start the plan. */
export function stateAfterGoals(state: CaseState): CaseState | null {
  return state === CaseState.MAPPING ? CaseState.PLAN_ACTIVE : null;
}

/** A held follow-up moves an active plan into follow-up. */
export function stateAfterFollowUp(state: CaseState): CaseState | null {
  return state === CaseState.PLAN_ACTIVE ? CaseState.FOLLOW_UP : null;
}

export type ClosingProblem = 'ALREADY_CLOSED' | 'OTHER_WITHOUT_NOTE';

export function closingProblem(state: CaseState, reason: ClosingReason, note: string | null | undefined): ClosingProblem | null {
  if (state === CaseState.CLOSED) return 'ALREADY_CLOSED';
  if (reason === ClosingReason.OTHER && !note?.trim()) return 'OTHER_WITHOUT_NOTE';
  return null;
}

/** When an open case with no activity since `lastActivityAt` counts as stale. */
export function staleAt(lastActivityAt: Date, policy: Pick<DistrictPolicy, 'staleCaseDays'>): Date {
  return new Date(lastActivityAt.getTime() + policy.staleCaseDays * DAY_MS);
}

/** The coordinator's reminder before a follow-up meeting; at once when the meeting is sooner than the lead. */
export function followUpReminderAt(scheduledAt: Date, now: Date, policy: Pick<DistrictPolicy, 'followUpReminderDays'>): Date {
  const at = scheduledAt.getTime() - policy.followUpReminderDays * DAY_MS;
  return new Date(Math.max(at, now.getTime()));
}
