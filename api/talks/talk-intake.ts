import { UnitOfWork } from '../../db/unit-of-work';
import { talkRepository } from '../../db/talks/talk.repository';
import { TalkDeadlineMode } from '../../domain/talks/talks.settings';
import { ReportCategory } from '../../domain/reports/report-rules';
import { clocksAtOpen } from '../../domain/talks/talk-deadline.rules';
import { talkEligibility } from '../../domain/talks/talk-eligibility.rules';
import { TalkKind, TalkOrigin } from '../../domain/talks/talk-enums';
import { ageAt, createTalk, talkPolicy } from './talk-writes';

/** What a new concern report says that the talk intake reads. */
export interface ReportForTalk {
  readonly id: string;
  readonly childId: string;
  readonly districtId: string;
  readonly policyVersion: number;
  readonly category: ReportCategory;
  readonly firstKnownSuspicion: boolean | null;
  readonly arrested?: boolean | null;
  readonly suspectedOffence: string | null;
  readonly offenceCanLeadToPrison: boolean | null;
  readonly preInvestigationRunning: boolean | null;
  readonly guardianContactOnHold: boolean;
  /** When social services learned of it: the clocks start here. */
  readonly receivedAt: Date;
}

/**
 * The hook the report path calls in its own unit of work for a police report:
 * records whether the report qualifies for a talk (and why not), and opens the
 * talk with its clocks when the district's policy says so. "First time" is judged on what social services
 * already know; a child with an open talk keeps that one talk. Under FORUM_DECIDES
 * the report waits for the forum instead.
 */
export async function assessReportForTalk(uow: UnitOfWork, report: ReportForTalk): Promise<void> {
  const policy = await talkPolicy(uow, report.districtId, report.policyVersion);
  const [child] = await talkRepository.childFacts(uow.manager, [report.childId]);
  const age = ageAt(child?.birthDate ?? null, report.receivedAt, policy.timeZone);
  const openTalk = await talkRepository.openTalkOfChild(uow.manager, report.childId);
  const knownBefore = await talkRepository.knownBefore(uow.manager, report.childId, report.id, report.receivedAt);
  const result = talkEligibility(policy, {
    age,
    category: report.category,
    firstKnownSuspicion: report.firstKnownSuspicion,
    arrested: report.arrested ?? null,
    suspectedOffence: report.suspectedOffence,
    offenceCanLeadToPrison: report.offenceCanLeadToPrison,
    knownBefore,
    talkOpen: !!openTalk,
  });
  // A report while a talk is open is attached to it (listed on the talk, its police information read there).
  await talkRepository.insertAssessment(uow.manager, {
    reportId: report.id,
    districtId: report.districtId,
    policyVersion: report.policyVersion,
    eligible: result.eligible,
    reasons: result.eligible ? [] : [...result.reasons],
    youngAdult: result.eligible && result.youngAdult,
    assessedAt: uow.now,
    talkId: openTalk?.id ?? null,
    knownBefore,
  });
  if (!result.eligible || policy.talkDeadlineMode === TalkDeadlineMode.FORUM_DECIDES) return;
  await createTalk(uow, {
    kind: TalkKind.SERIOUS_TALK,
    origin: TalkOrigin.AUTOMATIC,
    childId: report.childId,
    districtId: report.districtId,
    reportId: report.id,
    policyVersion: report.policyVersion,
    holderKind: policy.talkDefaultHolder,
    responsibleUserId: null,
    learnedAt: report.receivedAt,
    youngAdult: result.youngAdult,
    preInvestigationRunning: report.preInvestigationRunning === true,
    guardianContactOnHold: report.guardianContactOnHold,
    withUniformedPolice: null,
    clocks: clocksAtOpen(policy, report.receivedAt),
  });
}
