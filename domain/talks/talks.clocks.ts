import { fromCaller, fromPolicy, ModuleClocks } from '../deadlines/deadline-kinds';
import { SOCIAL_SERVICES_SUPERVISORS } from '../deadlines/deadline-subjects';
import { addHours, addLocalDays } from '../time/local-time';
import { TalkDeadlineMode } from './talks.settings';

/** The serious talk's clocks: held (Stockholm model, or within days) or summoned (DS 2024:30), and the officer's notice. */
export const TALKS_CLOCKS = {
  kinds: {
    TALK_HELD: {
      label: 'allvarssamtal',
      // Under SUMMONS_WITHIN_HOURS the summons clock runs instead; under FORUM_DECIDES no clock (the forum's date comes from the caller).
      due: fromPolicy((p, start) => {
        if (p.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_HOURS && p.talkDeadlineHours) return addHours(start, p.talkDeadlineHours);
        if (p.talkDeadlineMode === TalkDeadlineMode.HELD_WITHIN_DAYS && p.talkDeadlineDays)
          return addLocalDays(start, p.talkDeadlineDays, p.timeZone);
        return null;
      }),
      escalates: true,
    },
    TALK_SUMMONS: {
      label: 'kallelse till allvarssamtal',
      due: fromPolicy((p, start) =>
        p.talkDeadlineMode === TalkDeadlineMode.SUMMONS_WITHIN_HOURS && p.talkDeadlineHours ? addHours(start, p.talkDeadlineHours) : null,
      ),
      escalates: true,
    },
    /** Not a deadline but a notice: the invited officer hears of the talk before it (due = the talk's time). */
    TALK_OFFICER_NOTICE: {
      label: 'samtal',
      due: fromCaller,
      escalates: false,
      noticeHoursBefore: (p) => p.talkOfficerNoticeHours,
    },
  },
  subjects: {
    TALK: { noun: 'samtal', escalateTo: SOCIAL_SERVICES_SUPERVISORS },
    SUMMONS: { noun: 'kallelse', escalateTo: SOCIAL_SERVICES_SUPERVISORS },
  },
} as const satisfies ModuleClocks;

declare module '../deadlines/deadline-kinds' {
  interface DeadlineKindRules extends Record<keyof typeof TALKS_CLOCKS.kinds, KindRule> {}
  interface DeadlineSubjectRules extends Record<keyof typeof TALKS_CLOCKS.subjects, SubjectRule> {}
}
