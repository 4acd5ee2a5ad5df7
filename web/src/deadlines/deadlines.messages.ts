import type { Catalogue } from '../i18n/messages';

/** The texts of the deadlines pages: `t.deadlineKinds`, `t.deadlineStatus`, `t.clock`, `t.escalations`. Folded into the catalogue by i18n/messages.ts. */
const sv = {
  deadlineKinds: {
    PROTECTION_ASSESSMENT: 'Skyddsbedömning',
    PRELIMINARY_ASSESSMENT: 'Förhandsbedömning',
    INVESTIGATION: 'Utredning',
    FEEDBACK: 'Återkoppling',
    TALK_HELD: 'Hålla samtalet',
    TALK_SUMMONS: 'Kalla till samtal',
    PLAN_ACTION_DUE: 'Insats klar',
    FOLLOW_UP_REMINDER: 'Uppföljningsmöte',
    CONSENT_EXPIRY: 'Samtycket upphör',
    CASE_STALE: 'Översyn om ärendet står still',
  } as Record<string, string>,
  deadlineStatus: { OPEN: 'Pågår', OVERDUE: 'Försenad', MET: 'Klar i tid', MET_LATE: 'Klar för sent', CANCELLED: 'Avbruten' } as Record<
    string,
    string
  >,
  clock: {
    left: (amount: string) => `${amount} kvar`,
    late: (amount: string) => `${amount} sen`,
    minutes: (n: number) => `${n} min`,
    hours: (n: number) => `${n} h`,
    days: (n: number) => (n === 1 ? '1 dag' : `${n} dagar`),
    none: 'Inga öppna klockor',
    announce: (reference: string, kind: string, level: string) => `${reference}: ${kind} ${level}`,
    levelWarning: 'närmar sig sista dag',
    levelLate: 'är försenad',
  },
  escalations: {
    title: 'Eskalerat till dig',
    intro: 'Tidsfrister i dina områden som gick ut utan åtgärd och eskalerades till enhetschef. En rad försvinner när fristen är uppfylld.',
    empty: 'Inget är eskalerat just nu.',
    what: 'Vad',
    why: 'Varför',
    since: 'Eskalerat',
    responsible: 'Ansvarig',
    reason: (clock: string, due: string) => `${clock}: tidsfristen gick ut ${due}`,
    daysAgo: (days: number) => (days === 0 ? 'i dag' : days === 1 ? 'för 1 dag sedan' : `för ${days} dagar sedan`),
  },
};

const en: typeof sv = {
  deadlineKinds: {
    PROTECTION_ASSESSMENT: 'Protection assessment',
    PRELIMINARY_ASSESSMENT: 'Preliminary assessment',
    INVESTIGATION: 'Investigation',
    FEEDBACK: 'Feedback',
    TALK_HELD: 'Talk held',
    TALK_SUMMONS: 'Summons to the talk',
    PLAN_ACTION_DUE: 'Action done',
    FOLLOW_UP_REMINDER: 'Follow-up meeting',
    CONSENT_EXPIRY: 'Consent ends',
    CASE_STALE: 'Review if the case stands still',
  },
  deadlineStatus: { OPEN: 'Running', OVERDUE: 'Overdue', MET: 'Met on time', MET_LATE: 'Met late', CANCELLED: 'Cancelled' },
  clock: {
    left: (amount) => `${amount} left`,
    late: (amount) => `${amount} late`,
    minutes: (n) => `${n} min`,
    hours: (n) => `${n} h`,
    days: (n) => (n === 1 ? '1 day' : `${n} days`),
    none: 'No open clocks',
    announce: (reference, kind, level) => `${reference}: ${kind} ${level}`,
    levelWarning: 'is nearly due',
    levelLate: 'is overdue',
  },
  escalations: {
    title: 'Escalated to you',
    intro: 'Clocks in your districts that ran out without action and were escalated to the supervisors. A row goes once the clock is met.',
    empty: 'Nothing is escalated right now.',
    what: 'What',
    why: 'Why',
    since: 'Escalated',
    responsible: 'Responsible',
    reason: (clock, due) => `${clock}: the deadline passed ${due}`,
    daysAgo: (days) => (days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`),
  },
};

export const MESSAGES: Catalogue<DeadlinesMessages> = { sv, en };

type DeadlinesMessages = typeof sv;

declare module '../i18n/messages' {
  interface Messages extends DeadlinesMessages {}
}
