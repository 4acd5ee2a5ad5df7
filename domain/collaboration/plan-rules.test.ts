import { AgencyKind } from '../access/roles';
import { InformationCategory } from '../consent';
import {
  actionCategory,
  ActionKind,
  ActionStatus,
  actionStatusProblem,
  attendeesOutsideTeam,
  isCrimeInformation,
  isOverdue,
  MeetingKind,
  meetingChangeProblem,
  nextFollowUp,
} from './plan-rules';

describe('actionStatusProblem', () => {
  const S = ActionStatus;
  it.each<[ActionStatus, ActionStatus, string | null, string | null]>([
    [S.PLANNED, S.IN_PROGRESS, null, null],
    [S.IN_PROGRESS, S.DONE, null, null],
    [S.PLANNED, S.CANCELLED, 'Familjen tackade nej', null],
    [S.PLANNED, S.CANCELLED, '', 'CANCEL_WITHOUT_REASON'],
    [S.DONE, S.IN_PROGRESS, null, 'FINISHED'],
    [S.CANCELLED, S.PLANNED, null, 'FINISHED'],
    [S.DONE, S.DONE, null, null],
  ])('%s → %s', (from, to, reason, problem) => expect(actionStatusProblem(from, to, reason)).toBe(problem));
});

describe('crime information and categories', () => {
  it.each<[ActionKind, AgencyKind, boolean, InformationCategory]>([
    [ActionKind.POLICE_COOPERATION, AgencyKind.POLICE, true, InformationCategory.POLICE_CONTACTS],
    [ActionKind.POLICE_COOPERATION, AgencyKind.LEISURE, true, InformationCategory.POLICE_CONTACTS],
    [ActionKind.OTHER, AgencyKind.POLICE, true, InformationCategory.POLICE_CONTACTS],
    [ActionKind.LEISURE_ACTIVITY, AgencyKind.LEISURE, false, InformationCategory.LEISURE],
    [ActionKind.SCHOOL_SUPPORT, AgencyKind.SCHOOL, false, InformationCategory.SCHOOL],
    [ActionKind.GUARDIAN_SUPPORT, AgencyKind.SOCIAL_SERVICES, false, InformationCategory.SOCIAL_SERVICES_CONTACTS],
    [ActionKind.DRUG_SUPPORT, AgencyKind.SOCIAL_SERVICES, false, InformationCategory.SOCIAL_SERVICES_CONTACTS],
  ])('%s by %s', (kind, responsibleAgencyKind, crime, category) => {
    expect(isCrimeInformation({ kind, responsibleAgencyKind })).toBe(crime);
    expect(actionCategory({ kind, responsibleAgencyKind })).toBe(category);
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  it.each<[ActionStatus, string, boolean]>([
    [ActionStatus.PLANNED, '2026-11-30T00:00:00Z', true],
    [ActionStatus.IN_PROGRESS, '2026-11-30T00:00:00Z', true],
    [ActionStatus.DONE, '2026-11-30T00:00:00Z', false],
    [ActionStatus.CANCELLED, '2026-11-30T00:00:00Z', false],
    [ActionStatus.PLANNED, '2026-12-02T00:00:00Z', false],
  ])('%s due %s', (status, dueAt, expected) => expect(isOverdue({ status, dueAt: new Date(dueAt) }, now)).toBe(expected));
});

describe('attendeesOutsideTeam', () => {
  it('names the attendees the consent does not name', () => {
    expect(attendeesOutsideTeam(['a', 'b', 'x', 'x'], ['a', 'b'])).toEqual(['x']);
    expect(attendeesOutsideTeam([], ['a'])).toEqual([]);
  });
});

describe('nextFollowUp', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 11, day, 9));
  it('is the earliest follow-up not yet held; other meetings and held follow-ups do not count', () => {
    expect(
      nextFollowUp([
        { kind: MeetingKind.FOLLOW_UP, scheduledAt: at(20), heldAt: null, cancelledAt: null },
        { kind: MeetingKind.FOLLOW_UP, scheduledAt: at(3), heldAt: at(3), cancelledAt: null },
        { kind: MeetingKind.NETWORK_MEETING, scheduledAt: at(5), heldAt: null, cancelledAt: null },
        { kind: MeetingKind.FOLLOW_UP, scheduledAt: at(8), heldAt: null, cancelledAt: at(2) },
        { kind: MeetingKind.FOLLOW_UP, scheduledAt: at(12), heldAt: null, cancelledAt: null },
      ]),
    ).toEqual(at(12));
    expect(nextFollowUp([{ kind: MeetingKind.FOLLOW_UP, scheduledAt: at(3), heldAt: at(3), cancelledAt: null }])).toBeNull();
    expect(nextFollowUp([{ kind: MeetingKind.FOLLOW_UP, scheduledAt: at(9), heldAt: null, cancelledAt: at(2) }])).toBeNull();
    expect(nextFollowUp([])).toBeNull();
  });
});

describe('meetingChangeProblem', () => {
  const at = new Date(Date.UTC(2026, 11, 3, 9));
  it.each<[Date | null, Date | null, string | null]>([
    [null, null, null],
    [at, null, 'HELD'],
    [null, at, 'CANCELLED'],
  ])('held %s, cancelled %s: %s', (heldAt, cancelledAt, problem) => {
    expect(meetingChangeProblem({ heldAt, cancelledAt })).toBe(problem);
  });
});
