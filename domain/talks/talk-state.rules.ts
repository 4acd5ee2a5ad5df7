import { TalkDelayReason, TalkParticipantRole, TalkState } from './talk-enums';

export type TalkAction = 'summon' | 'schedule' | 'hold' | 'decline' | 'cancel';

const TERMINAL: ReadonlySet<TalkState> = new Set([TalkState.HELD, TalkState.DECLINED, TalkState.CANCELLED]);

/** PROPOSED → SUMMONED → SCHEDULED (again, to move it) → HELD; DECLINED and CANCELLED from any open state. */
const ALLOWED_FROM: { readonly [A in TalkAction]: (state: TalkState) => boolean } = {
  summon: (s) => s === TalkState.PROPOSED,
  schedule: (s) => s === TalkState.SUMMONED || s === TalkState.SCHEDULED,
  hold: (s) => s === TalkState.SCHEDULED,
  decline: (s) => !TERMINAL.has(s),
  cancel: (s) => !TERMINAL.has(s),
};

const TARGET: { readonly [A in TalkAction]: TalkState } = {
  summon: TalkState.SUMMONED,
  schedule: TalkState.SCHEDULED,
  hold: TalkState.HELD,
  decline: TalkState.DECLINED,
  cancel: TalkState.CANCELLED,
};

/** The state after `action`, or null when the action is not possible from `state`. */
export function nextState(state: TalkState, action: TalkAction): TalkState | null {
  return ALLOWED_FROM[action](state) ? TARGET[action] : null;
}

export function isOpen(state: TalkState): boolean {
  return !TERMINAL.has(state);
}

export type TalkProblem =
  | { readonly code: 'WRONG_STATE'; readonly state: TalkState; readonly action: TalkAction }
  | { readonly code: 'IN_THE_PAST' }
  | { readonly code: 'IN_THE_FUTURE' }
  | { readonly code: 'BEFORE_REPORT' }
  | { readonly code: 'BEFORE_BOOKED_TIME' }
  | { readonly code: 'CLEARANCE_REQUIRED' }
  | { readonly code: 'GUARDIAN_CONTACT_ON_HOLD' }
  | { readonly code: 'DISCLOSURE_MISSING'; readonly agencyIds: readonly string[] }
  | { readonly code: 'DELAY_REASON_REQUIRED' }
  | { readonly code: 'DELAY_REASON_TEXT_REQUIRED' }
  | { readonly code: 'REASON_REQUIRED' };

function wrongState(state: TalkState, action: TalkAction): TalkProblem | null {
  return nextState(state, action) ? null : { code: 'WRONG_STATE', state, action };
}

/** When it happened, as the user tells it: never in the future, never before social services learned of it. */
export function checkHappenedAt(at: Date, now: Date, learnedAt: Date): TalkProblem | null {
  if (at.getTime() > now.getTime()) return { code: 'IN_THE_FUTURE' };
  return at.getTime() < learnedAt.getTime() ? { code: 'BEFORE_REPORT' } : null;
}

export interface SummonsCheck {
  readonly state: TalkState;
  /** LUL 5 §: the investigation leader delays telling the guardians. */
  readonly guardianContactOnHold: boolean;
  readonly includesGuardians: boolean;
  /** LUL 31 §: a summons is contact with the suspected child, so it needs the police's clearance like booking. */
  readonly preInvestigationRunning: boolean;
  readonly policeClearedAt: Date | null;
}

export function checkSummons(c: SummonsCheck): TalkProblem | null {
  return (
    wrongState(c.state, 'summon') ??
    (c.preInvestigationRunning && !c.policeClearedAt ? { code: 'CLEARANCE_REQUIRED' } : null) ??
    (c.guardianContactOnHold && c.includesGuardians ? { code: 'GUARDIAN_CONTACT_ON_HOLD' } : null)
  );
}

export interface ScheduleCheck {
  readonly state: TalkState;
  readonly scheduledAt: Date;
  readonly now: Date;
  /** LUL 31 §: contact with a suspect child goes through the police while a pre-investigation runs. */
  readonly preInvestigationRunning: boolean;
  readonly policeClearedAt: Date | null;
}

export function checkSchedule(c: ScheduleCheck): TalkProblem | null {
  return (
    wrongState(c.state, 'schedule') ??
    (c.scheduledAt.getTime() <= c.now.getTime() ? { code: 'IN_THE_PAST' } : null) ??
    (c.preInvestigationRunning && !c.policeClearedAt ? { code: 'CLEARANCE_REQUIRED' } : null)
  );
}

export interface ParticipantFacts {
  readonly role: TalkParticipantRole;
  readonly agencyId: string | null;
  /** Null until recorded; a participant recorded as absent takes no part. */
  readonly attended: boolean | null;
}

const AGENCY_ROLES: ReadonlySet<TalkParticipantRole> = new Set([
  TalkParticipantRole.SOCIAL_WORKER,
  TalkParticipantRole.POLICE_OFFICER,
  TalkParticipantRole.COORDINATOR,
]);

/** The agencies that take part and so must explain the talk's purpose first: the holder's and every attending professional's. */
export function participatingAgencies(holderAgencyId: string, participants: readonly ParticipantFacts[]): string[] {
  const agencies = new Set<string>([holderAgencyId]);
  for (const p of participants) {
    if (AGENCY_ROLES.has(p.role) && p.agencyId && p.attended !== false) agencies.add(p.agencyId);
  }
  return [...agencies];
}

export interface HoldCheck {
  readonly state: TalkState;
  readonly scheduledAt: Date | null;
  /** Whether the user gave the time it was held; without it, now before the booked time is refused. */
  readonly heldAtGiven: boolean;
  readonly participatingAgencyIds: readonly string[];
  readonly disclosedAgencyIds: readonly string[];
  readonly heldAt: Date;
  readonly heldDueAt: Date | null;
  readonly delayReason: TalkDelayReason | null;
  readonly delayReasonText: string | null;
}

export function checkHold(c: HoldCheck): TalkProblem | null {
  const stateProblem = wrongState(c.state, 'hold');
  if (stateProblem) return stateProblem;
  if (!c.heldAtGiven && c.scheduledAt && c.heldAt.getTime() < c.scheduledAt.getTime()) return { code: 'BEFORE_BOOKED_TIME' };
  const disclosed = new Set(c.disclosedAgencyIds);
  const missing = c.participatingAgencyIds.filter((a) => !disclosed.has(a));
  if (missing.length) return { code: 'DISCLOSURE_MISSING', agencyIds: missing };
  const late = c.heldDueAt !== null && c.heldAt.getTime() > c.heldDueAt.getTime();
  if (late && !c.delayReason) return { code: 'DELAY_REASON_REQUIRED' };
  if (c.delayReason === TalkDelayReason.OTHER && !c.delayReasonText?.trim()) return { code: 'DELAY_REASON_TEXT_REQUIRED' };
  return null;
}

export function checkClose(state: TalkState, action: 'decline' | 'cancel', reason: string | null | undefined): TalkProblem | null {
  return wrongState(state, action) ?? (reason?.trim() ? null : { code: 'REASON_REQUIRED' });
}
