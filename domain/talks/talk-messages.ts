import { Message } from '../notifications/notification-content';
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
