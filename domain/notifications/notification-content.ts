import { Role } from '../access/roles';
import { Clock, SubjectRule } from '../deadlines/deadline-kinds';
import { formatForMessage } from '../time/local-time';

export interface Message {
  readonly title: string;
  readonly body: string;
}

/**
 * Texts for staff. They name the report reference and the deadline, never the
 * child: no personal identity number and no name, in-app or by e-mail. A clock may word a step its own way.
 */
export function deadlineStepMessage(
  clock: Clock,
  subject: SubjectRule,
  step: string,
  reference: string,
  dueAt: Date,
  timeZone: string,
): Message {
  const what = clock.label;
  const where = `${subject.noun} ${reference}`;
  const due = formatForMessage(dueAt, timeZone);
  const own = clock.message?.({ step, reference, where, due });
  if (own) return own;
  if (step === 'breach') {
    return { title: `Försenad ${what}: ${reference}`, body: `Tidsfristen för ${what} i ${where} gick ut ${due}.` };
  }
  if (step === 'notice') {
    return {
      title: `Snart: ${what} ${reference}`,
      body: `${what[0].toUpperCase()}${what.slice(1)} ${reference} börjar ${due}. Du är inbjuden.`,
    };
  }
  if (step === 'escalate') {
    const receiver = subject.escalateTo.role === Role.SSPF_COORDINATOR ? 'samordnare i området' : 'ansvarig chef';
    return {
      title: `Eskalering: ${what} ${reference}`,
      body: `Tidsfristen för ${what} i ${where} gick ut ${due} utan åtgärd. Du får detta som ${receiver}.`,
    };
  }
  const percent = step.replace('remind_', '');
  return {
    title: `Påminnelse: ${what} ${reference}`,
    body: `${percent} % av tiden har gått. ${what[0].toUpperCase()}${what.slice(1)} i ${where} ska vara klar senast ${due}.`,
  };
}

/** An invitation to a case's meeting: the case's reference, the kind of meeting and its time, never the child. */
export function meetingInvitationMessage(caseReference: string, meeting: string, scheduledAt: Date, timeZone: string): Message {
  return {
    title: `Inbjudan: ${meeting} i ärende ${caseReference}`,
    body: `Du är inbjuden till ${meeting} i ärende ${caseReference} ${formatForMessage(scheduledAt, timeZone)}. Logga in för att se ärendet.`,
  };
}

/** A case's meeting moved: the reference, the kind of meeting and both times, never the child. */
export function meetingMovedMessage(caseReference: string, meeting: string, from: Date, to: Date, timeZone: string): Message {
  return {
    title: `Ny tid: ${meeting} i ärende ${caseReference}`,
    body: `${capitalised(meeting)} i ärende ${caseReference} är flyttat från ${formatForMessage(from, timeZone)} till ${formatForMessage(to, timeZone)}. Kalenderposten är uppdaterad.`,
  };
}

/** A case's meeting will not be held. No reason: it may say more about the child than a reference does. */
export function meetingCancelledMessage(caseReference: string, meeting: string, was: Date, timeZone: string): Message {
  return {
    title: `Inställt: ${meeting} i ärende ${caseReference}`,
    body: `${capitalised(meeting)} i ärende ${caseReference} den ${formatForMessage(was, timeZone)} är inställt. Kalenderposten är borttagen.`,
  };
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** A protection assessment found acute danger and nobody is responsible for the report yet. */
export function acuteDangerUnassignedMessage(reference: string): Message {
  return {
    title: `Akut fara, ingen ansvarig: ${reference}`,
    body: `Skyddsbedömningen i ärende ${reference} visar akut fara och ingen handläggare är utsedd. Utse en ansvarig nu.`,
  };
}

/** The police changed what they told social services (LUL 5 § hold, pre-investigation). */
export function policeInformationChangedMessage(
  reference: string,
  changes: { holdLifted: boolean; preInvestigationEnded: boolean },
): Message {
  const parts = [
    ...(changes.holdLifted ? ['polisen har hävt spärren mot kontakt med vårdnadshavarna (LUL 5 §)'] : []),
    ...(changes.preInvestigationEnded ? ['förundersökningen är avslutad'] : []),
  ];
  return { title: `Ny information från polisen: ${reference}`, body: `I ärende ${reference}: ${parts.join(' och ')}.` };
}

/** Feedback is secret at the reporter's end too: the message says only that it is there. */
export function feedbackAvailableMessage(reference: string): Message {
  return {
    title: `Återkoppling: ${reference}`,
    body: `Socialtjänsten har lämnat återkoppling på din anmälan ${reference}. Logga in för att läsa den.`,
  };
}

/** A report was assigned to the recipient. */
export function reportAssignedMessage(reference: string): Message {
  return { title: `Ny anmälan att handlägga: ${reference}`, body: `Du är utsedd till ansvarig handläggare för anmälan ${reference}.` };
}

/** A new report about a child whose investigation or collaboration case is open: the responsible worker reads it into the case. */
export function reportIntoOpenCaseMessage(reference: string, openCase: 'INVESTIGATION' | 'COLLABORATION_CASE'): Message {
  const what = openCase === 'INVESTIGATION' ? 'en pågående utredning' : 'ett pågående samverkansärende';
  return {
    title: `Ny anmälan i aktuellt ärende: ${reference}`,
    body: `Anmälan ${reference} gäller ett barn med ${what} som du ansvarar för. Läs in den i ärendet.`,
  };
}

/** When team members leave a case (consent withdrawn, or removed): the actions that lost their owner, by kind and due date. */
export function actionsWithoutOwnerMessage(
  reference: string,
  actions: readonly { kind: string; dueAt: Date }[],
  timeZone: string,
): Message {
  const list = actions.map((a) => `${ACTION_KIND_LABELS[a.kind] ?? a.kind} (senast ${formatForMessage(a.dueAt, timeZone)})`).join(', ');
  return actions.length
    ? {
        title: `Insatser utan ansvarig: ${reference}`,
        body: `Teammedlemmar har lämnat ärende ${reference}. Dessa insatser saknar nu ansvarig: ${list}. Utse en ny ansvarig eller avbryt dem.`,
      }
    : {
        title: `Teamet har ändrats: ${reference}`,
        body: `Teammedlemmar har lämnat ärende ${reference}. Inga öppna insatser saknar ansvarig.`,
      };
}

/** The web app's labels (web/src/collaboration/collaboration.messages.ts). */
const ACTION_KIND_LABELS: Readonly<Record<string, string>> = {
  POLICE_COOPERATION: 'Samarbete med polisen',
  GUARDIAN_SUPPORT: 'Stöd till vårdnadshavare',
  LEISURE_ACTIVITY: 'Fritidsaktivitet',
  DRUG_SUPPORT: 'Stöd kring droger',
  SCHOOL_SUPPORT: 'Stöd i skolan',
  OTHER: 'Annat',
};

/**
 * The web app's page for a notification's subject: `/open/<type>/<id>` picks the page the reader's role opens (the
 * report itself for social services, the reporter's own list for the reporter); no subject, the notifications page.
 */
export function notificationLink(publicUrl: string, subjectType: string | null, subjectId: string | null): string {
  const base = publicUrl.replace(/\/+$/, '');
  return subjectType && subjectId ? `${base}/open/${subjectType.toLowerCase()}/${subjectId}` : `${base}/notifications`;
}
