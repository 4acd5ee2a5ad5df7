import { DistrictPolicy } from '../districts/district-policy';
import { DEFAULT_DISTRICT_POLICY, DS_2024_30_POLICY } from '../../platform/districts/district-settings';
import { DEADLINE_KINDS } from '../../platform/deadlines/deadline-clocks';
import { DeadlineKind, computeDueAt, resolveDueAt } from './deadline-kinds';
import { DeadlineStatus, deadlineStatus, isReminder, planSteps, stepAudience, stepsStillAhead } from './deadline-steps';

const HOUR = 3_600_000;
const start = new Date('2026-11-02T08:00:00Z');
const in24h = new Date('2026-11-03T08:00:00Z');

const withPercents = (reminderPercents: number[]): DistrictPolicy => ({ ...DEFAULT_DISTRICT_POLICY, reminderPercents });
const plan = (steps: ReturnType<typeof planSteps>) => steps.map((s) => [s.step, s.fireAt.toISOString()]);

describe('planSteps', () => {
  it('reminds at 50 % and 80 % by default, then breaches and escalates at the due time', () => {
    expect(DEFAULT_DISTRICT_POLICY.reminderPercents).toEqual([50, 80]);
    expect(plan(planSteps(DEADLINE_KINDS.PROTECTION_ASSESSMENT, DEFAULT_DISTRICT_POLICY, start, in24h))).toEqual([
      ['remind_50', '2026-11-02T20:00:00.000Z'],
      ['remind_80', '2026-11-03T03:12:00.000Z'],
      ['breach', '2026-11-03T08:00:00.000Z'],
      ['escalate', '2026-11-03T08:00:00.000Z'],
    ]);
  });

  it.each([
    ['other percentages', [25, 75], ['remind_25', 'remind_75']],
    ['unsorted percentages are sorted', [80, 20, 50], ['remind_20', 'remind_50', 'remind_80']],
    ['duplicates are planned once', [80, 50, 80, 50], ['remind_50', 'remind_80']],
    ['sorting is numeric, not by text', [75, 9, 10], ['remind_9', 'remind_10', 'remind_75']],
    ['a single reminder', [90], ['remind_90']],
    ['no reminders at all', [], []],
  ])('uses the policy reminder percentages: %s', (_case, percents, reminders) => {
    const steps = planSteps(DEADLINE_KINDS.PRELIMINARY_ASSESSMENT, withPercents(percents), start, in24h).map((s) => s.step);
    expect(steps).toEqual([...reminders, 'breach', 'escalate']);
  });

  it.each([
    [1, '2026-11-02T08:14:24.000Z'],
    [10, '2026-11-02T10:24:00.000Z'],
    [25, '2026-11-02T14:00:00.000Z'],
    [33, '2026-11-02T15:55:12.000Z'],
    [99, '2026-11-03T07:45:36.000Z'],
  ])('fires remind_%i at that share of a 24-hour window', (percent, expected) => {
    const [reminder] = planSteps(DEADLINE_KINDS.PROTECTION_ASSESSMENT, withPercents([percent]), start, in24h);
    expect(reminder).toEqual({ step: `remind_${percent}`, fireAt: new Date(expected) });
  });

  it('measures the window in elapsed time, so a 14-day window over spring forward is 335 hours', () => {
    const begins = new Date('2027-03-20T09:00:00Z');
    const due = computeDueAt(DEADLINE_KINDS.PRELIMINARY_ASSESSMENT, DEFAULT_DISTRICT_POLICY, begins);
    expect((due.getTime() - begins.getTime()) / HOUR).toBe(335);
    expect(plan(planSteps(DEADLINE_KINDS.PRELIMINARY_ASSESSMENT, DEFAULT_DISTRICT_POLICY, begins, due))).toEqual([
      ['remind_50', '2027-03-27T08:30:00.000Z'], // 167.5 h
      ['remind_80', '2027-03-31T13:00:00.000Z'], // 268 h
      ['breach', '2027-04-03T08:00:00.000Z'],
      ['escalate', '2027-04-03T08:00:00.000Z'],
    ]);
  });

  it('rounds a reminder to the nearest millisecond', () => {
    const from = new Date(0);
    const [at33, at50] = planSteps(DEADLINE_KINDS.FEEDBACK, withPercents([33, 50]), from, new Date(15));
    expect(at33.fireAt.getTime()).toBe(5); // 4.95
    expect(at50.fireAt.getTime()).toBe(8); // 7.5
  });

  it.each((Object.keys(DEADLINE_KINDS) as DeadlineKind[]).filter((k) => DEADLINE_KINDS[k].escalates))(
    '%s breaches and escalates exactly at its due time',
    (kind) => {
      const fromPolicy = DEADLINE_KINDS[kind].due.from === 'policy';
      const due = fromPolicy
        ? (resolveDueAt(DEADLINE_KINDS[kind], DEFAULT_DISTRICT_POLICY, start) ??
          resolveDueAt(DEADLINE_KINDS[kind], DS_2024_30_POLICY, start)!)
        : new Date(start.getTime() + 7 * HOUR);
      const steps = planSteps(DEADLINE_KINDS[kind], DEFAULT_DISTRICT_POLICY, start, due);
      expect(steps.slice(-2)).toEqual([
        { step: 'breach', fireAt: due },
        { step: 'escalate', fireAt: due },
      ]);
      for (const s of steps.slice(0, -2)) {
        expect(s.fireAt.getTime()).toBeGreaterThan(start.getTime());
        expect(s.fireAt.getTime()).toBeLessThan(due.getTime());
      }
    },
  );

  it('plans steps in the order they fire', () => {
    const steps = planSteps(
      DEADLINE_KINDS.INVESTIGATION,
      withPercents([90, 10, 50]),
      start,
      computeDueAt(DEADLINE_KINDS.INVESTIGATION, DEFAULT_DISTRICT_POLICY, start),
    );
    const times = steps.map((s) => s.fireAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('does not change the policy percentages', () => {
    const percents = [80, 50, 80];
    planSteps(DEADLINE_KINDS.FEEDBACK, withPercents(percents), start, in24h);
    expect(percents).toEqual([80, 50, 80]);
  });
});

describe('stepsStillAhead', () => {
  const start = new Date('2026-11-01T08:00:00Z');
  const due = new Date('2026-11-11T08:00:00Z');
  const steps = planSteps(DEADLINE_KINDS.PRELIMINARY_ASSESSMENT, DEFAULT_DISTRICT_POLICY, start, due);
  const at = (iso: string) => stepsStillAhead(steps, new Date(iso)).map((s) => s.step);

  it.each([
    ['created on time: everything', '2026-11-01T08:00:00Z', ['remind_50', 'remind_80', 'breach', 'escalate']],
    ['after the 50 % point: the 80 % reminder and the due steps', '2026-11-06T08:00:01Z', ['remind_80', 'breach', 'escalate']],
    ['exactly at a reminder: it is past', '2026-11-09T08:00:00Z', ['breach', 'escalate']],
    ['after the due time: the breach and escalation, once', '2026-11-20T08:00:00Z', ['breach', 'escalate']],
  ])('%s', (_case, now, expected) => {
    expect(at(now)).toEqual(expected);
  });
});

describe('stepAudience', () => {
  it.each([
    ['remind_50', true, 'responsible'],
    ['remind_50', false, 'supervisors'],
    ['remind_80', true, 'responsible'],
    ['remind_80', false, 'supervisors'],
    ['breach', true, 'responsible'],
    ['breach', false, 'supervisors'],
    ['escalate', true, 'supervisors'],
    ['escalate', false, 'supervisors'],
  ])('sends %s (responsible assigned: %s) to %s', (step, hasResponsible, audience) => {
    expect(stepAudience(step, hasResponsible)).toBe(audience);
  });
});

describe('isReminder', () => {
  it.each([
    ['remind_50', true],
    ['remind_80', true],
    ['remind_5', true],
    ['breach', false],
    ['escalate', false],
  ])('%s → %s', (step, expected) => {
    expect(isReminder(step)).toBe(expected);
  });
});

describe('deadlineStatus', () => {
  const dueAt = new Date('2026-11-16T08:00:00.000Z');
  const ms = (delta: number) => new Date(dueAt.getTime() + delta);

  it.each([
    ['open before the due time', null, null, ms(-HOUR), DeadlineStatus.OPEN],
    ['open exactly at the due time', null, null, ms(0), DeadlineStatus.OPEN],
    ['overdue one millisecond after', null, null, ms(1), DeadlineStatus.OVERDUE],
    ['overdue long after', null, null, ms(30 * 24 * HOUR), DeadlineStatus.OVERDUE],
    ['met before the due time', ms(-HOUR), null, ms(HOUR), DeadlineStatus.MET],
    ['met exactly at the due time', ms(0), null, ms(HOUR), DeadlineStatus.MET],
    ['met late one millisecond after', ms(1), null, ms(HOUR), DeadlineStatus.MET_LATE],
    ['met is final, whatever now is', ms(-HOUR), null, ms(-2 * HOUR), DeadlineStatus.MET],
    ['met late is final, whatever now is', ms(HOUR), null, ms(-HOUR), DeadlineStatus.MET_LATE],
    ['cancelled while open', null, ms(-HOUR), ms(-2 * HOUR), DeadlineStatus.CANCELLED],
    ['cancelled after it was overdue', null, ms(HOUR), ms(2 * HOUR), DeadlineStatus.CANCELLED],
    ['cancelled wins over met', ms(-HOUR), ms(0), ms(HOUR), DeadlineStatus.CANCELLED],
  ])('%s', (_case, metAt, cancelledAt, now, expected) => {
    expect(deadlineStatus({ dueAt, metAt, cancelledAt }, now)).toBe(expected);
  });
});

describe('planSteps for a clock that does not escalate', () => {
  it('ends with the breach alone', () => {
    const start = new Date('2026-11-02T08:00:00Z');
    const due = new Date('2026-11-09T08:00:00Z');
    expect(planSteps(DEADLINE_KINDS.FOLLOW_UP_REMINDER, DEFAULT_DISTRICT_POLICY, start, due).map((s) => s.step)).toEqual([
      'remind_50',
      'remind_80',
      'breach',
    ]);
  });

  it('an overdue plan action escalates to the coordinators; a stale case is one alert at its limit', () => {
    const start = new Date('2026-11-02T08:00:00Z');
    const due = new Date('2026-11-09T08:00:00Z');
    expect(planSteps(DEADLINE_KINDS.PLAN_ACTION_DUE, DEFAULT_DISTRICT_POLICY, start, due).map((s) => s.step)).toEqual([
      'remind_50',
      'remind_80',
      'breach',
      'escalate',
    ]);
    expect(planSteps(DEADLINE_KINDS.CASE_STALE, DEFAULT_DISTRICT_POLICY, start, due)).toEqual([{ step: 'breach', fireAt: due }]);
  });
});

describe('planSteps for a notice kind (TALK_OFFICER_NOTICE)', () => {
  const talkAt = new Date('2026-12-10T13:00:00Z');
  it.each([
    ['the notice hours before the event', 24, new Date('2026-12-01T00:00:00Z'), '2026-12-09T13:00:00.000Z'],
    ["the district's own notice", 48, new Date('2026-12-01T00:00:00Z'), '2026-12-08T13:00:00.000Z'],
    ['at once when the event is nearer than the notice', 24, new Date('2026-12-10T08:00:00Z'), '2026-12-10T08:00:00.000Z'],
  ])('one notice step, %s; no reminders, breach or escalation', (_case, hours, startsAt, fireAt) => {
    const policy = { ...DEFAULT_DISTRICT_POLICY, talkOfficerNoticeHours: hours };
    expect(
      planSteps(DEADLINE_KINDS.TALK_OFFICER_NOTICE, policy, startsAt, talkAt).map((s) => ({
        step: s.step,
        fireAt: s.fireAt.toISOString(),
      })),
    ).toEqual([{ step: 'notice', fireAt }]);
  });
});
