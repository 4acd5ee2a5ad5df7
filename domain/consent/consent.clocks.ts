import { fromCaller, ModuleClocks } from '../deadlines/deadline-kinds';
import { SSPF_COORDINATORS } from '../deadlines/deadline-subjects';

/** A consent's end: not done late, it ends, so it has texts of its own. */
export const CONSENT_CLOCKS = {
  kinds: {
    CONSENT_EXPIRY: {
      label: 'samtycke',
      due: fromCaller,
      escalates: false,
      message: ({ step, reference, where, due }) =>
        step === 'breach'
          ? {
              title: `Samtycket har upphört: ${reference}`,
              body: `Samtycket i ${where} upphörde ${due}. Uppgifter delas inte längre med stöd av det; be familjen om ett nytt samtycke om samarbetet ska fortsätta.`,
            }
          : {
              title: `Samtycket upphör snart: ${reference}`,
              body: `Samtycket i ${where} upphör ${due}. Tala med familjen om ett nytt samtycke, eller planera avslutet.`,
            },
    },
  },
  // It carries the case's reference: "samtycke i ärende SSPF-…".
  subjects: { CONSENT: { noun: 'ärende', escalateTo: SSPF_COORDINATORS } },
} as const satisfies ModuleClocks;

declare module '../deadlines/deadline-kinds' {
  interface DeadlineKindRules extends Record<keyof typeof CONSENT_CLOCKS.kinds, KindRule> {}
  interface DeadlineSubjectRules extends Record<keyof typeof CONSENT_CLOCKS.subjects, SubjectRule> {}
}
