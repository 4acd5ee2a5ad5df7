import { TalkDelayReason, TalkParticipantRole, TalkState } from './talk-enums';
import {
  checkClose,
  checkHappenedAt,
  checkHold,
  checkSchedule,
  checkSummons,
  HoldCheck,
  nextState,
  ScheduleCheck,
  participatingAgencies,
  TalkAction,
} from './talk-state.rules';

const { PROPOSED, SUMMONED, SCHEDULED, HELD, DECLINED, CANCELLED } = TalkState;
const ACTIONS: TalkAction[] = ['summon', 'schedule', 'hold', 'decline', 'cancel'];

describe('nextState', () => {
  const table: Record<TalkState, Partial<Record<TalkAction, TalkState>>> = {
    [PROPOSED]: { summon: SUMMONED, decline: DECLINED, cancel: CANCELLED },
    [SUMMONED]: { schedule: SCHEDULED, decline: DECLINED, cancel: CANCELLED },
    [SCHEDULED]: { schedule: SCHEDULED, hold: HELD, decline: DECLINED, cancel: CANCELLED },
    [HELD]: {},
    [DECLINED]: {},
    [CANCELLED]: {},
  };
  const cases = Object.values(TalkState).flatMap((state) =>
    ACTIONS.map((action) => [state, action, table[state][action] ?? null] as const),
  );
  it.each(cases)('%s --%s--> %s', (state, action, expected) => {
    expect(nextState(state, action)).toBe(expected);
  });
});

describe('checkSummons', () => {
  const summons = { preInvestigationRunning: false, policeClearedAt: null };
  it.each([
    [
      'a running pre-investigation without clearance',
      { ...summons, preInvestigationRunning: true, state: PROPOSED, guardianContactOnHold: false, includesGuardians: true },
      'CLEARANCE_REQUIRED',
    ],
    [
      'a running pre-investigation with clearance',
      {
        ...summons,
        preInvestigationRunning: true,
        policeClearedAt: new Date(),
        state: PROPOSED,
        guardianContactOnHold: false,
        includesGuardians: true,
      },
      null,
    ],
    ['a proposed talk', { ...summons, state: PROPOSED, guardianContactOnHold: false, includesGuardians: true }, null],
    [
      'guardian contact on hold',
      { ...summons, state: PROPOSED, guardianContactOnHold: true, includesGuardians: true },
      'GUARDIAN_CONTACT_ON_HOLD',
    ],
    [
      'a young adult while guardian contact is on hold',
      { ...summons, state: PROPOSED, guardianContactOnHold: true, includesGuardians: false },
      null,
    ],
    ['a talk already summoned', { ...summons, state: SUMMONED, guardianContactOnHold: false, includesGuardians: true }, 'WRONG_STATE'],
  ])('%s', (_case, check, expected) => {
    expect(checkSummons(check)?.code ?? null).toBe(expected);
  });
});

describe('checkSchedule', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const base: ScheduleCheck = {
    state: SUMMONED,
    scheduledAt: new Date('2026-12-02T10:00:00Z'),
    now,
    preInvestigationRunning: false,
    policeClearedAt: null,
  };
  it.each<[string, Partial<ScheduleCheck>, string | null]>([
    ['a summoned talk tomorrow', {}, null],
    ['moving a scheduled talk', { state: SCHEDULED }, null],
    ['a proposed talk (not yet summoned)', { state: PROPOSED }, 'WRONG_STATE'],
    ['a held talk', { state: HELD }, 'WRONG_STATE'],
    ['in the past', { scheduledAt: new Date('2026-12-01T09:00:00Z') }, 'IN_THE_PAST'],
    ['now', { scheduledAt: now }, 'IN_THE_PAST'],
    ['a pre-investigation without clearance', { preInvestigationRunning: true }, 'CLEARANCE_REQUIRED'],
    ['a pre-investigation with clearance', { preInvestigationRunning: true, policeClearedAt: now }, null],
  ])('%s', (_case, change, expected) => {
    expect(checkSchedule({ ...base, ...change })?.code ?? null).toBe(expected);
  });
});

describe('participatingAgencies', () => {
  it('is the holder and every professional not recorded absent', () => {
    expect(
      participatingAgencies('soc', [
        { role: TalkParticipantRole.CHILD, agencyId: null, attended: true },
        { role: TalkParticipantRole.GUARDIAN, agencyId: null, attended: true },
        { role: TalkParticipantRole.SOCIAL_WORKER, agencyId: 'soc', attended: null },
        { role: TalkParticipantRole.POLICE_OFFICER, agencyId: 'police', attended: true },
        { role: TalkParticipantRole.COORDINATOR, agencyId: 'sspf', attended: false },
        { role: TalkParticipantRole.INTERPRETER, agencyId: 'interpreters', attended: true },
      ]).sort(),
    ).toEqual(['police', 'soc']);
  });
});

describe('checkHold', () => {
  const due = new Date('2026-12-03T10:00:00Z');
  const base: HoldCheck = {
    state: SCHEDULED,
    participatingAgencyIds: ['soc', 'police'],
    disclosedAgencyIds: ['police', 'soc'],
    heldAt: new Date('2026-12-02T10:00:00Z'),
    heldDueAt: due,
    delayReason: null,
    delayReasonText: null,
    scheduledAt: new Date('2026-12-02T09:00:00Z'),
    heldAtGiven: false,
  };
  it.each<[string, Partial<HoldCheck>, string | null]>([
    ['every agency disclosed, in time', {}, null],
    ['not scheduled', { state: SUMMONED }, 'WRONG_STATE'],
    ['the police have not disclosed', { disclosedAgencyIds: ['soc'] }, 'DISCLOSURE_MISSING'],
    ['late without a reason', { heldAt: new Date('2026-12-04T10:00:00Z') }, 'DELAY_REASON_REQUIRED'],
    ['late with a reason', { heldAt: new Date('2026-12-04T10:00:00Z'), delayReason: TalkDelayReason.POLICE_UNAVAILABLE }, null],
    [
      'late with OTHER and no text',
      { heldAt: new Date('2026-12-04T10:00:00Z'), delayReason: TalkDelayReason.OTHER, delayReasonText: ' ' },
      'DELAY_REASON_TEXT_REQUIRED',
    ],
    [
      'late with OTHER and a text',
      { heldAt: new Date('2026-12-04T10:00:00Z'), delayReason: TalkDelayReason.OTHER, delayReasonText: 'Storm' },
      null,
    ],
    ['now, before the booked time', { scheduledAt: new Date('2026-12-02T11:00:00Z') }, 'BEFORE_BOOKED_TIME'],
    ['a given time before the booked time', { scheduledAt: new Date('2026-12-02T11:00:00Z'), heldAtGiven: true }, null],
    ['no clock', { heldDueAt: null, heldAt: new Date('2027-01-01T00:00:00Z') }, null],
  ])('%s', (_case, change, expected) => {
    expect(checkHold({ ...base, ...change })?.code ?? null).toBe(expected);
  });

  it('names the agencies that have not disclosed', () => {
    expect(checkHold({ ...base, disclosedAgencyIds: [] })).toEqual({ code: 'DISCLOSURE_MISSING', agencyIds: ['soc', 'police'] });
  });
});

describe('checkHappenedAt', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const learned = new Date('2026-12-01T10:00:00Z');
  it.each<[string, Date, string | null]>([
    ['now', now, null],
    ['yesterday evening, after the report arrived', new Date('2026-12-01T18:00:00Z'), null],
    ['in the future', new Date('2026-12-02T10:00:01Z'), 'IN_THE_FUTURE'],
    ['before the report arrived', new Date('2026-12-01T09:59:59Z'), 'BEFORE_REPORT'],
  ])('%s', (_case, at, expected) => {
    expect(checkHappenedAt(at, now, learned)?.code ?? null).toBe(expected);
  });
});

describe('checkClose', () => {
  it.each<[TalkState, 'decline' | 'cancel', string | null, string | null]>([
    [PROPOSED, 'decline', 'Familjen tackar nej', null],
    [SCHEDULED, 'cancel', 'Flyttat', null],
    [SUMMONED, 'cancel', '  ', 'REASON_REQUIRED'],
    [SUMMONED, 'decline', null, 'REASON_REQUIRED'],
    [HELD, 'cancel', 'x', 'WRONG_STATE'],
    [DECLINED, 'decline', 'x', 'WRONG_STATE'],
    [CANCELLED, 'cancel', 'x', 'WRONG_STATE'],
  ])('%s %s (%p) → %p', (state, action, reason, expected) => {
    expect(checkClose(state, action, reason)?.code ?? null).toBe(expected);
  });
});
