import { recordAudit } from '../../domain/audit';
import { UnitOfWork } from '../../db/unit-of-work';
import { NewTalk, TalkRow, talkRepository } from '../../db/talks/talk.repository';
import { LegalBasis } from '../../domain/access/legal-basis';
import { AuditAction, WriteAudit } from '../../domain/audit/audit-event';
import { ageOn, calendarDateAt, parseCalendarDate } from '../../domain/time/calendar-date';
import { DeadlineKind } from '../../domain/deadlines/deadline-kinds';
import { ClockSubject } from '../../domain/deadlines/deadline-subjects';
import { DistrictPolicy } from '../../domain/districts/district-policy';
import { withPolicyDefaults } from '../../platform/districts/district-settings';
import { BadInput } from '../../domain/errors';
import { PlannedTalkClock, TalkClockKind } from '../../domain/talks/talk-deadline.rules';

/** The parts of a talk every write needs. */
export type TalkRef = Pick<TalkRow, 'id' | 'reference' | 'childId' | 'districtId' | 'policyVersion' | 'responsibleUserId'>;

/** The summons clock runs on its own subject, so its reminders say "kallelse". */
export function talkClockSubject(talk: TalkRef, kind: TalkClockKind): ClockSubject {
  return {
    type: kind === TalkClockKind.TALK_SUMMONS ? 'SUMMONS' : 'TALK',
    id: talk.id,
    reference: talk.reference,
    districtId: talk.districtId,
    policyVersion: talk.policyVersion,
    responsibleUserId: talk.responsibleUserId,
  };
}

export function deadlineKindOf(kind: TalkClockKind): DeadlineKind {
  return kind === TalkClockKind.TALK_SUMMONS ? 'TALK_SUMMONS' : 'TALK_HELD';
}

export async function startTalkClocks(uow: UnitOfWork, talk: TalkRef, clocks: readonly PlannedTalkClock[]): Promise<void> {
  for (const c of clocks) {
    await uow.clocks.start(talkClockSubject(talk, c.kind), deadlineKindOf(c.kind), { startsAt: c.startsAt, dueAt: c.dueAt });
  }
}

export async function talkPolicy(uow: UnitOfWork, districtId: string, version: number): Promise<DistrictPolicy> {
  return withPolicyDefaults(await uow.policy(districtId, version));
}

export function talkAudit(
  talk: Pick<TalkRow, 'id' | 'childId' | 'districtId'>,
  action: WriteAudit['action'],
  fields: string[],
  legalBasis?: LegalBasis,
): WriteAudit {
  return recordAudit('Talk', talk, action, fields, legalBasis);
}

/** The child's age on a day in the district's time zone; null without a birth date. */
export function ageAt(birthDate: string | null, at: Date, timeZone: string): number | null {
  return birthDate ? ageOn(parseCalendarDate(birthDate), calendarDateAt(at, timeZone)) : null;
}

/** A new talk as a service asks for it: the holder agency is looked up, the clocks are started. */
export interface TalkSpec extends Omit<NewTalk, 'holderAgencyId'> {
  readonly clocks: readonly PlannedTalkClock[];
}

/** Creates a talk, links its report's assessment, starts its clocks and audits it. */
export async function createTalk(uow: UnitOfWork, spec: TalkSpec): Promise<TalkRef> {
  const holderAgencyId = await talkRepository.socialServicesAgencyOf(uow.manager, spec.districtId);
  if (!holderAgencyId)
    throw new BadInput(
      'input',
      'The district has no social services office to hold the talk.',
      'Området har inget socialkontor som kan hålla samtalet.',
    );
  const reference = await talkRepository.nextReference(uow.manager, uow.now.getUTCFullYear());
  const id = await talkRepository.insert(uow.manager, reference, { ...spec, holderAgencyId });
  const talk: TalkRef = {
    id,
    reference,
    childId: spec.childId,
    districtId: spec.districtId,
    policyVersion: spec.policyVersion,
    responsibleUserId: spec.responsibleUserId,
  };
  if (spec.reportId) await talkRepository.linkAssessment(uow.manager, spec.reportId, id);
  await startTalkClocks(uow, talk, spec.clocks);
  uow.audit(talkAudit(talk, AuditAction.CREATE, ['kind', 'child', 'report', 'holderKind']));
  return talk;
}
