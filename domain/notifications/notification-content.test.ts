import { DeadlineKind, DeadlineSubject } from '../deadlines/deadline-kinds';
import { DEADLINE_KINDS, DEADLINE_SUBJECTS } from '../../platform/deadlines/deadline-clocks';
import { deadlineStepMessage } from './notification-content';

const DUE = new Date('2027-01-22T08:00:00Z');
const ZONE = 'Europe/Stockholm';
const REF = 'SSPF-2026-000003';

/** Read as the coordinator receives them (issue 22, item 14): each names the case once, says what happens and what to do. */
describe("the case clocks' messages", () => {
  it.each<[DeadlineKind, DeadlineSubject, string, string, string]>([
    [
      'PLAN_ACTION_DUE',
      'PLAN_ACTION',
      'remind_50',
      `Påminnelse: insats ${REF}`,
      `50 % av tiden har gått. Insats i ärende ${REF} ska vara klar senast 22 jan. 2027 09:00.`,
    ],
    [
      'CONSENT_EXPIRY',
      'CONSENT',
      'remind_90',
      `Samtycket upphör snart: ${REF}`,
      `Samtycket i ärende ${REF} upphör 22 jan. 2027 09:00. Tala med familjen om ett nytt samtycke, eller planera avslutet.`,
    ],
    [
      'CONSENT_EXPIRY',
      'CONSENT',
      'breach',
      `Samtycket har upphört: ${REF}`,
      `Samtycket i ärende ${REF} upphörde 22 jan. 2027 09:00. Uppgifter delas inte längre med stöd av det; be familjen om ett nytt samtycke om samarbetet ska fortsätta.`,
    ],
    [
      'FOLLOW_UP_REMINDER',
      'FOLLOW_UP',
      'remind_75',
      `Uppföljningsmöte snart: ${REF}`,
      `Uppföljningsmötet i ärende ${REF} är 22 jan. 2027 09:00. Förbered mötet med teamet.`,
    ],
    [
      'PLAN_ACTION_DUE',
      'PLAN_ACTION',
      'escalate',
      `Eskalering: insats ${REF}`,
      `Tidsfristen för insats i ärende ${REF} gick ut 22 jan. 2027 09:00 utan åtgärd. Du får detta som samordnare i området.`,
    ],
  ])('%s %s %s', (kind, subject, step, title, body) => {
    const message = deadlineStepMessage(DEADLINE_KINDS[kind], DEADLINE_SUBJECTS[subject], step, REF, DUE, ZONE);
    expect(message).toEqual({ title, body });
    expect(message.body).not.toMatch(/(\w+) i \1 /i);
  });
});
