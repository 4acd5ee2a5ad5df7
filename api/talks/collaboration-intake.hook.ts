import { UnitOfWork } from '../../db/unit-of-work';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { CaseSource } from '../../domain/collaboration/collaboration-rules';
import { BadInput } from '../../domain/errors';
import {
  collaborationReferralIntoOpenCaseMessage,
  collaborationReferralMessage,
  collaborationReferralOpenedMessage,
} from '../../domain/talks/talk-messages';
import { openCollaborationCaseIn, OpenCaseExists } from '../collaboration';

export interface CollaborationReferral {
  readonly talkId: string;
  readonly talkReference: string;
  readonly childId: string;
  readonly districtId: string;
  readonly programme: 'SSPF' | 'SSFF';
  readonly actorUserId: string;
}

/**
 * A talk's outcome referred the child to SSPF or SSFF: the intake opens in the
 * outcome's unit of work and its coordinator is told. The model follows the
 * child's age, not the programme named in the outcome. When the case cannot
 * open by itself (no birth date, outside both age bands, no coordinator), the
 * district's coordinators are told that a referral waits for them instead.
 * A child with an open case of the model keeps it: the referral goes to that case's coordinator.
 */
export async function requestCollaborationIntake(uow: UnitOfWork, referral: CollaborationReferral): Promise<void> {
  try {
    const opened = await openCollaborationCaseIn(uow, {
      childId: referral.childId,
      concern: `Hänvisad från samtal ${referral.talkReference}.`,
      modelOverride: null,
      source: CaseSource.TALK_REFERRAL,
      sourceSubjectId: referral.talkId,
      coordinatorUserId: null,
      actorUserId: referral.actorUserId,
    });
    uow.notify({
      userId: opened.coordinatorUserId,
      kind: 'COLLABORATION_REFERRAL',
      message: collaborationReferralOpenedMessage(referral.talkReference, opened.reference, opened.model),
      subjectType: 'COLLABORATION_CASE',
      subjectId: opened.id,
      dedupeKey: `referral:${referral.talkId}:${opened.coordinatorUserId}`,
      email: true,
    });
  } catch (error) {
    if (error instanceof OpenCaseExists) {
      const open = error.openCase;
      uow.notify({
        userId: open.coordinatorUserId,
        kind: 'COLLABORATION_REFERRAL',
        message: collaborationReferralIntoOpenCaseMessage(referral.talkReference, open.reference),
        subjectType: 'COLLABORATION_CASE',
        subjectId: open.id,
        dedupeKey: `referral:${referral.talkId}:${open.coordinatorUserId}`,
        email: true,
      });
      return;
    }
    if (!(error instanceof BadInput)) throw error;
    const coordinators = await organisationRepository.coordinatorsOf(uow.manager, referral.districtId);
    uow.notify(
      ...coordinators.map((userId) => ({
        userId,
        kind: 'COLLABORATION_REFERRAL',
        message: collaborationReferralMessage(referral.talkReference, referral.programme),
        subjectType: 'TALK',
        subjectId: referral.talkId,
        dedupeKey: `referral:${referral.talkId}:${referral.programme}:${userId}`,
        email: true,
      })),
    );
  }
}
