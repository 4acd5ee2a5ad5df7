import { UnitOfWork } from '../../db/unit-of-work';
import { talkRepository } from '../../db/talks/talk.repository';
import { collaborationReferralMessage } from '../../domain/talks/talk-messages';

export interface CollaborationReferral {
  readonly talkId: string;
  readonly talkReference: string;
  readonly childId: string;
  readonly districtId: string;
  readonly programme: 'SSPF' | 'SSFF';
}

/**
 * HOOK for the collaboration module: a talk's outcome referred the child to
 * SSPF or SSFF. Until that module opens a case intake here, the district's
 * coordinators are told that a referral waits. Runs in the outcome's unit of work.
 */
export async function requestCollaborationIntake(uow: UnitOfWork, referral: CollaborationReferral): Promise<void> {
  const coordinators = await talkRepository.coordinatorsOfDistrict(uow.manager, referral.districtId);
  uow.notify(...coordinators.map((userId) => ({
    userId, kind: 'COLLABORATION_REFERRAL', message: collaborationReferralMessage(referral.talkReference, referral.programme),
    subjectType: 'TALK', subjectId: referral.talkId, dedupeKey: `referral:${referral.talkId}:${referral.programme}:${userId}`, email: true,
  })));
}
