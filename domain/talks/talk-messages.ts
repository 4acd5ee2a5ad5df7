import { Message } from '../notifications';
import { formatForMessage } from '../time/local-time';

/**
 * Texts about talks for staff, in-app and by e-mail. Like every message they
 * name the talk's reference, never the child.
 */
export function talkInvitationMessage(reference: string, scheduledAt: Date | null, location: string | null, timeZone: string): Message {
  const when = scheduledAt ? ` ${formatForMessage(scheduledAt, timeZone)}${location ? `, ${location}` : ''}` : '';
  return {
    title: `Inbjudan: samtal ${reference}`,
    body: `Du är inbjuden till samtal ${reference}${when}. Logga in för tid, plats och deltagare.`,
  };
}

export function talkScheduledMessage(reference: string, scheduledAt: Date, location: string, timeZone: string): Message {
  return {
    title: `Tid och plats: samtal ${reference}`,
    body: `Samtal ${reference} hålls ${formatForMessage(scheduledAt, timeZone)}, ${location}.`,
  };
}

/** A booked talk moved: the old and the new time, so nobody goes at the old one. */
export function talkMovedMessage(reference: string, from: Date, to: Date, location: string, timeZone: string): Message {
  return {
    title: `Ny tid: samtal ${reference}`,
    body: `Samtal ${reference} är flyttat från ${formatForMessage(from, timeZone)} till ${formatForMessage(to, timeZone)}, ${location}. Kalenderposten är uppdaterad.`,
  };
}

/** A booked talk will not take place. No reason: it may say more about the child than a reference does. */
export function talkCancelledMessage(reference: string, was: Date, timeZone: string): Message {
  return {
    title: `Inställt: samtal ${reference}`,
    body: `Samtal ${reference} den ${formatForMessage(was, timeZone)} blir inte av. Kalenderposten är borttagen.`,
  };
}

export function talkOfficerNoticeMessage(reference: string, scheduledAt: Date, location: string | null, timeZone: string): Message {
  return {
    title: `Snart: samtal ${reference}`,
    body: `Samtal ${reference} hålls ${formatForMessage(scheduledAt, timeZone)}${location ? `, ${location}` : ''}. Du är inbjuden.`,
  };
}

export function collaborationReferralOpenedMessage(talkReference: string, caseReference: string, model: string): Message {
  return {
    title: `Nytt ${model}-ärende ${caseReference} från samtal ${talkReference}`,
    body: `Samtal ${talkReference} hänvisade till samverkan. Ärende ${caseReference} är öppnat och väntar på mottagning: logga in för att ta kontakt och inhämta samtycke.`,
  };
}

export function collaborationReferralIntoOpenCaseMessage(talkReference: string, caseReference: string): Message {
  return {
    title: `Hänvisning från samtal ${talkReference} till ärende ${caseReference}`,
    body: `Samtal ${talkReference} hänvisade till samverkan. Barnet har redan det öppna ärendet ${caseReference}: hänvisningen finns där.`,
  };
}

export function collaborationReferralMessage(reference: string, programme: 'SSPF' | 'SSFF'): Message {
  return {
    title: `Ny ${programme}-förfrågan från samtal ${reference}`,
    body: `Samtal ${reference} hänvisade till ${programme}. Logga in för att ta emot förfrågan.`,
  };
}
