import { DistrictPolicy } from '../districts/district-policy';
import { DEFAULT_DISTRICT_POLICY } from '../../platform/districts/district-settings';
import { TalkDeadlineMode } from '../talks/talks.settings';
import { finalAfter, finalAt, lastFinalMonth } from './indicator-finality';
import { periodHours } from './indicator-grid';
import { PeriodUnit } from './indicator-period';
import { Indicator } from './indicators';

const STOCKHOLM = 'Europe/Stockholm';
const NOVEMBER_2026 = 2026 * 12 + 10;
const policy = (changes: Partial<DistrictPolicy>): DistrictPolicy => ({ ...DEFAULT_DISTRICT_POLICY, ...changes });

describe('when a month becomes final', () => {
  it('is the receipt backdating plus the clock counted in it, after the end of the month in the district’s time zone', () => {
    const protection = finalAfter(Indicator.protectionAssessmentOnTimeRate, [DEFAULT_DISTRICT_POLICY])!;
    expect(protection).toEqual({ months: 0, days: 14, hours: 24 });
    // 1 December 00:00 in Stockholm (23:00 UTC), 14 days, 24 hours.
    expect(finalAt(NOVEMBER_2026, protection, STOCKHOLM).toISOString()).toBe('2026-12-15T23:00:00.000Z');
    expect(finalAfter(Indicator.investigationOnTimeRate, [DEFAULT_DISTRICT_POLICY])).toEqual({ months: 4, days: 28, hours: 0 });
    expect(finalAfter(Indicator.reReportRate12mComparison, [DEFAULT_DISTRICT_POLICY])).toEqual({ months: 12, days: 14, hours: 48 });
  });

  it('takes the longest setting of every policy version the district has had', () => {
    const versions = [policy({ feedbackDays: 14 }), policy({ feedbackDays: 30, receiptBackdateDays: 3 })];
    expect(finalAfter(Indicator.feedbackOnTimeRate, versions)).toEqual({ months: 0, days: 14 + 30, hours: 0 });
    const summons = policy({ talkDeadlineMode: TalkDeadlineMode.SUMMONS_WITHIN_HOURS, talkDeadlineHours: 24, talkSummonsToTalkHours: 168 });
    expect(finalAfter(Indicator.talkWithinDeadlineRate, [DEFAULT_DISTRICT_POLICY, summons])).toEqual({
      months: 0,
      days: 14,
      hours: 24 + 168,
    });
  });

  it('never comes where nothing bounds the count: a forum without a clock, overdue actions that may still be done', () => {
    const forum = policy({ talkDeadlineMode: TalkDeadlineMode.FORUM_DECIDES, talkDeadlineHours: null });
    expect(finalAfter(Indicator.talkDeclinedRate, [DEFAULT_DISTRICT_POLICY, forum])).toBeNull();
    expect(finalAfter(Indicator.overduePlanActions, [DEFAULT_DISTRICT_POLICY])).toBeNull();
    expect(lastFinalMonth(NOVEMBER_2026 - 5, NOVEMBER_2026 + 1, null, STOCKHOLM, new Date('2030-01-01'))).toBe(NOVEMBER_2026 - 6);
  });

  it('the last final month moves at the exact instant', () => {
    const horizon = { months: 0, days: 14, hours: 24 };
    expect(lastFinalMonth(NOVEMBER_2026 - 3, NOVEMBER_2026 + 1, horizon, STOCKHOLM, new Date('2026-12-15T22:59:59.999Z'))).toBe(
      NOVEMBER_2026 - 1,
    );
    expect(lastFinalMonth(NOVEMBER_2026 - 3, NOVEMBER_2026 + 1, horizon, STOCKHOLM, new Date('2026-12-15T23:00:00.000Z'))).toBe(
      NOVEMBER_2026,
    );
  });
});

describe('report-to-talk percentiles from the months’ hours', () => {
  it('are PostgreSQL’s percentile_cont over the period, per district and all together', () => {
    const cells = periodHours(
      [
        { districtId: 'a', month: NOVEMBER_2026 - 1, hours: [2.5, 40] },
        { districtId: 'a', month: NOVEMBER_2026, hours: [1] },
        { districtId: 'b', month: NOVEMBER_2026, hours: [10] },
      ],
      { fromMonth: NOVEMBER_2026 - 1, toMonthExclusive: NOVEMBER_2026 + 2 },
      PeriodUnit.QUARTER,
    );
    const find = (indicator: Indicator, districtId: string | null) =>
      cells.find((c) => c.indicator === indicator && c.districtId === districtId);
    // percentile_cont(0.5) over 1, 2.5, 10, 40 is 6.25; (0.9) is 10 + 0.7 × 30 = 31.
    expect(find(Indicator.reportToTalkHoursP50, null)).toMatchObject({ period: '2026-Q4', hours: 6.3, talks: 4 });
    expect(find(Indicator.reportToTalkHoursP90, null)).toMatchObject({ hours: 31, talks: 4 });
    expect(find(Indicator.reportToTalkHoursP50, 'a')).toMatchObject({ hours: 2.5, talks: 3 });
    expect(find(Indicator.reportToTalkHoursP50, 'b')).toMatchObject({ hours: 10, talks: 1 });
  });
});
