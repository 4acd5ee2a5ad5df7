import { CaseRow, collaborationLookups } from '../../db/collaboration/collaboration.repository';
import { consentRepository, ConsentRow } from '../../db/consent/consent.repository';
import { ageOn, calendarDateAt, parseCalendarDate } from '../../domain/time/calendar-date';
import { stateAfterConsent } from '../../domain/collaboration/collaboration-rules';
import {
  agenciesCoveredByConsent,
  consentDraftProblems,
  ConsentDraftProblem,
  ConsenterProblem,
  consenterProblems,
  requiredConsenters,
} from '../../domain/consent/consent-rules';
import { BadInput, Conflict, NotFound } from '../../domain/errors';
import { RecordConsentInput, WithdrawConsentInput } from '../../schema/consent/consent.inputs';
import { collaborationRepository } from '../../db/collaboration/collaboration.repository';
import { UnitOfWork } from '../../db/unit-of-work';
import { ViewerScope } from '../../domain/access/viewer-scope';
import { AuditAction } from '../../domain/audit/audit-event';
import { caseAudit } from '../../domain/collaboration/case-audit';
import { RequestContext, requireScope } from '../context';
import { write } from '../write';
import { consentClocks } from './consent-clocks';

/**
 * What a consent needs of its case, which the collaboration module owns: it hands these in with each call, so
 * consent never imports collaboration and the two modules depend one way.
 */
export interface ConsentCase {
  /** Loads and locks a case the viewer may change (NOT_FOUND / FORBIDDEN otherwise). */
  lock(uow: UnitOfWork, scope: ViewerScope, caseId: string): Promise<CaseRow>;
  /** The case saw activity: its stale-case clock starts again. */
  touched(uow: UnitOfWork, theCase: CaseRow): Promise<void>;
  /** These members leave the team, their open actions losing their owner. */
  endMemberships(uow: UnitOfWork, theCase: CaseRow, userIds: readonly string[], reason: string, byUserId: string): Promise<string[]>;
}

const DRAFT_PROBLEMS: { readonly [P in ConsentDraftProblem]: readonly [string, string, string] } = {
  ORAL_WITHOUT_NOTE: [
    'input.oralNote',
    'An oral consent needs a note of how and to whom it was given.',
    'Ett muntligt samtycke behöver en anteckning om hur och till vem det gavs.',
  ],
  GIVEN_IN_FUTURE: ['input.givenAt', 'The consent cannot be given in the future.', 'Samtycket kan inte vara givet i framtiden.'],
  ENDS_BEFORE_GIVEN: [
    'input.endsAt',
    'The end date must come after the date the consent was given.',
    'Slutdatumet måste komma efter datumet då samtycket gavs.',
  ],
  NO_AGENCY: ['input.agencyIds', 'Name at least one agency the consent covers.', 'Ange minst en verksamhet som samtycket omfattar.'],
  NO_CATEGORY: [
    'input.categories',
    'Name at least one kind of information the consent covers.',
    'Ange minst en sorts uppgifter som samtycket omfattar.',
  ],
};

const CONSENTER_PROBLEMS: {
  readonly [P in Exclude<ConsenterProblem, 'YOUTH_MISSING' | 'GUARDIANS_MISSING'>]: readonly [string, string, string];
} = {
  NOBODY: [
    'input.givenByYouth',
    'Say who gave the consent: the youth, the guardians, or both.',
    'Ange vem som gav samtycket: den unga, vårdnadshavarna eller båda.',
  ],
  UNKNOWN_GUARDIAN: ['input.guardianIds', "A guardian id is not one of the child's guardians.", 'En vårdnadshavare hör inte till barnet.'],
};

export const consentService = {
  /**
   * Records a consent. One that lacks a person the model and age require is
   * kept as incomplete (the case waits in CONSENT_PENDING) and grants nothing.
   */
  async record(context: RequestContext, input: RecordConsentInput, cases: ConsentCase): Promise<CaseRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      let theCase = await cases.lock(uow, scope, input.caseId);
      if (theCase.state === 'CLOSED') throw new Conflict('The collaboration case is closed.');
      const givenAt = input.givenAt ?? uow.now;
      const draft = {
        form: input.form,
        oralNote: input.oralNote?.trim() || null,
        givenAt,
        endsAt: input.endsAt ?? null,
        agencyIds: [...new Set(input.agencyIds)],
        categories: [...new Set(input.categories)],
      };
      const [problem] = consentDraftProblems(draft, uow.now);
      if (problem) throw new BadInput(...DRAFT_PROBLEMS[problem]);
      const agencies = await collaborationLookups.agencies(uow.manager, draft.agencyIds);
      if (agencies.length !== draft.agencyIds.length || agencies.some((a) => a.municipalityId !== scope.municipalityId)) {
        throw new BadInput(
          'input.agencyIds',
          'Each agency must be an agency of the municipality.',
          'Varje verksamhet ska höra till kommunen.',
        );
      }
      const child = (await collaborationLookups.child(uow.manager, theCase.childId))!;
      const policy = await uow.policy(theCase.districtId, theCase.policyVersion);
      const age = ageOn(parseCalendarDate(child.birthDate!), calendarDateAt(uow.now, policy.timeZone));
      const given = { youth: input.givenByYouth, guardianIds: [...new Set(input.guardianIds)] };
      const problems = consenterProblems(requiredConsenters(age, policy), given, child.guardianIds);
      const blocking = problems.find((p): p is keyof typeof CONSENTER_PROBLEMS => p === 'NOBODY' || p === 'UNKNOWN_GUARDIAN');
      if (blocking) throw new BadInput(...CONSENTER_PROBLEMS[blocking]);
      const complete = problems.length === 0;
      const consentId = await consentRepository.insert(uow.manager, {
        caseId: theCase.id,
        givenByYouth: given.youth,
        guardianIds: given.guardianIds,
        complete,
        ...draft,
        documentReference: input.documentReference?.trim() || null,
        recordedByUserId: scope.userId,
      });
      if (complete) await consentClocks.start(uow, theCase, consentId, givenAt, draft.endsAt);
      const next = stateAfterConsent(theCase.state, complete);
      if (next) {
        await collaborationRepository.recordState(uow.manager, theCase.id, next, uow.now, scope.userId);
        theCase = { ...theCase, state: next };
      }
      await cases.touched(uow, theCase);
      uow.audit(
        caseAudit(theCase, AuditAction.CREATE, 'Consent', consentId, ['givenBy', 'form', 'agencies', 'categories', 'givenAt', 'endsAt']),
      );
      return theCase;
    });
  },

  /**
   * Takes effect at once: partner access is read per request from valid consents, so the next request no longer sees
   * the case. Members of the agencies no other valid consent covers leave the team (endTeamMemberships).
   */
  async withdraw(context: RequestContext, input: WithdrawConsentInput, cases: ConsentCase): Promise<ConsentRow> {
    const scope = requireScope(context);
    return write(context, async (uow) => {
      const consent = await consentRepository.lock(uow.manager, input.consentId);
      if (!consent) throw new NotFound('The consent');
      const theCase = await cases.lock(uow, scope, consent.caseId);
      if (consent.withdrawnAt) throw new Conflict('The consent is already withdrawn.');
      await consentRepository.withdraw(uow.manager, consent.id, uow.now, scope.userId, input.note?.trim() || null);
      await consentClocks.stop(uow, theCase, consent.id);
      const covered = agenciesCoveredByConsent(await consentRepository.ofCases(uow.manager, [theCase.id]), uow.now);
      const uncovered = (await collaborationRepository.currentTeam(uow.manager, theCase.id)).filter((t) => !covered.has(t.agencyId));
      await cases.endMemberships(
        uow,
        theCase,
        uncovered.map((t) => t.userId),
        'CONSENT_WITHDRAWN',
        scope.userId,
      );
      await cases.touched(uow, theCase);
      uow.audit(caseAudit(theCase, AuditAction.UPDATE, 'Consent', consent.id, ['withdrawnAt']));
      return { ...consent, withdrawnAt: uow.now };
    });
  },
};
