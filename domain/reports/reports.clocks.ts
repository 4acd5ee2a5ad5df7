import { fromPolicy, ModuleClocks } from '../deadlines/deadline-kinds';
import { SOCIAL_SERVICES_SUPERVISORS } from '../deadlines/deadline-subjects';
import { addHours, addLocalDays, addLocalMonths } from '../time/local-time';

/** A concern report's legal clocks (SoL 11:1a, 11:1, 11:2) and the police officer's feedback. */
export const REPORTS_CLOCKS = {
  kinds: {
    PROTECTION_ASSESSMENT: {
      label: 'skyddsbedömning',
      due: fromPolicy((p, start) => addHours(start, p.protectionAssessmentHours)),
      escalates: true,
    },
    PRELIMINARY_ASSESSMENT: {
      label: 'förhandsbedömning',
      due: fromPolicy((p, start) => addLocalDays(start, p.preliminaryAssessmentDays, p.timeZone)),
      escalates: true,
    },
    INVESTIGATION: {
      label: 'utredning',
      due: fromPolicy((p, start) => addLocalMonths(start, p.investigationMonths, p.timeZone)),
      escalates: true,
    },
    FEEDBACK: {
      label: 'återkoppling',
      due: fromPolicy((p, start) => addLocalDays(start, p.feedbackDays, p.timeZone)),
      escalates: true,
    },
  },
  subjects: { REPORT: { noun: 'ärende', escalateTo: SOCIAL_SERVICES_SUPERVISORS } },
} as const satisfies ModuleClocks;

declare module '../deadlines/deadline-kinds' {
  interface DeadlineKindRules extends Record<keyof typeof REPORTS_CLOCKS.kinds, KindRule> {}
  interface DeadlineSubjectRules extends Record<keyof typeof REPORTS_CLOCKS.subjects, SubjectRule> {}
}
