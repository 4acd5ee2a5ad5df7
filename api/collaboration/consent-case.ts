import { collaborationRepository } from '../../db/collaboration/collaboration.repository';
import { ConsentCase } from '../consent';
import { lockWritableCase } from './collaboration-access';
import { collaborationClocks } from './collaboration-clocks';
import { endTeamMemberships } from './team-membership';

/** The case's side of recording and withdrawing a consent, handed to the consent module. */
export const CONSENT_CASE: ConsentCase = {
  lock: lockWritableCase,
  async touched(uow, theCase) {
    await collaborationRepository.touch(uow.manager, theCase.id, uow.now);
    await collaborationClocks.touch(uow, theCase);
  },
  endMemberships: endTeamMemberships,
};
