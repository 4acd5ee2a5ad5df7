import { fromCaller, ModuleClocks } from '../deadlines/deadline-kinds';
import { SSPF_COORDINATORS } from '../deadlines/deadline-subjects';

/** An SSPF/SSFF case's clocks: its plan's actions, its follow-ups, and a case nobody has touched for long. */
export const COLLABORATION_CLOCKS = {
  kinds: {
    // Overdue actions escalate to the district's coordinators.
    PLAN_ACTION_DUE: { label: 'insats', due: fromCaller, escalates: true },
    FOLLOW_UP_REMINDER: {
      label: 'uppföljning',
      due: fromCaller,
      escalates: false,
      // A follow-up is a meeting to prepare, not work to finish.
      message: ({ step, reference, where, due }) =>
        step === 'breach'
          ? null
          : { title: `Uppföljningsmöte snart: ${reference}`, body: `Uppföljningsmötet i ${where} är ${due}. Förbered mötet med teamet.` },
    },
    CASE_STALE: {
      label: 'samverkansärende',
      due: fromCaller,
      escalates: false,
      reminders: false,
      message: ({ step, reference, where, due }) =>
        step === 'breach'
          ? {
              title: `Inaktivt ärende: ${reference}`,
              body: `Inget har hänt i ${where} sedan länge (gränsen nåddes ${due}). Planera nästa steg eller avsluta ärendet.`,
            }
          : null,
    },
  },
  // A case's parts carry the case's reference: "insats i ärende SSPF-…", not "insats i insats …".
  subjects: {
    COLLABORATION_CASE: { noun: 'samverkansärende', escalateTo: SSPF_COORDINATORS },
    PLAN_ACTION: { noun: 'ärende', escalateTo: SSPF_COORDINATORS },
    FOLLOW_UP: { noun: 'ärende', escalateTo: SSPF_COORDINATORS },
  },
} as const satisfies ModuleClocks;

declare module '../deadlines/deadline-kinds' {
  interface DeadlineKindRules extends Record<keyof typeof COLLABORATION_CLOCKS.kinds, KindRule> {}
  interface DeadlineSubjectRules extends Record<keyof typeof COLLABORATION_CLOCKS.subjects, SubjectRule> {}
}
