import { EntityManager } from 'typeorm';
import { CaseRow, collaborationLookups, collaborationRepository, TeamCandidateRow } from '../../db/collaboration/collaboration.repository';
import { consentRepository } from '../../db/consent/consent.repository';
import { agenciesCoveredByConsent } from '../../domain/consent/consent-rules';

/**
 * Whom a case's team can take in: the active staff of the agencies a valid consent covers. `teamCandidates` lists
 * them and `addTeamMember` accepts only them (`only` narrows the same query to one person).
 */
export async function teamCandidatesOf(manager: EntityManager, caseId: string, now: Date, only: string | null = null): Promise<TeamCandidateRow[]> {
  const covered = agenciesCoveredByConsent(await consentRepository.ofCases(manager, [caseId]), now);
  return covered.size ? collaborationLookups.staffOfAgencies(manager, [...covered], only) : [];
}

/** Who can own an action or attend a meeting: the coordinator and the current team, as the case page lists them. */
export async function casePeopleOf(manager: EntityManager, theCase: Pick<CaseRow, 'id' | 'coordinatorUserId'>): Promise<string[]> {
  const team = await collaborationRepository.currentTeam(manager, theCase.id);
  return [theCase.coordinatorUserId, ...team.map((t) => t.userId)];
}
