import { GraphQLResolveInfo } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Arg, Args, Ctx, Extensions, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InvestigationExtensionRow, ReportRow, reportRepository } from '../../db/reports/report.repository';
import { addLocalMonths } from '../../domain/time/local-time';
import { deadlineStatus } from '../../domain/deadlines/deadline-steps';
import { lookupSubject } from '../../db/audit/lookup-subject';
import { organisationRepository } from '../../db/organisation/organisation.repository';
import { NotFound } from '../../domain/errors';
import { feedbackStatus } from '../../domain/feedback/feedback-rules';
import { PageArgs } from '../../schema/common/page.type';
import { FeedbackStatus } from '../../schema/common/enums';
import { DeadlineType } from '../../schema/deadlines/deadline.type';
import { ChildType } from '../../schema/children/child.type';
import { AgencyType } from '../../schema/organisation/agency.type';
import { StaffMemberType } from '../../schema/organisation/staff-member.type';
import {
  AssignReportInput,
  CloseInvestigationInput,
  ExtendInvestigationInput,
  FlagConcernInput,
  PreliminaryAssessmentInput,
  ProtectionAssessmentInput,
  RegisterConcernInput,
  ReportConcernInput,
  ReportFilterInput,
  SubmitReportInput,
  UpdatePoliceInformationInput,
} from '../../schema/reports/report.inputs';
import {
  InvestigationExtensionType,
  ReportConnection,
  ReportFeedbackType,
  ReportType,
  SubmittedReportType,
} from '../../schema/reports/report.type';
import { RequestContext, requireScope } from '../context';
import { toConnection } from '../pagination';
import { decodeCheckedCursor } from '../security/cursor';
import { reportConnectionProjection } from './report-projection';
import { reportsService } from './reports.service';
import { MAX_ITEMS } from '../security/query-cost';

function listReports(
  context: RequestContext,
  info: GraphQLResolveInfo,
  view: 'intake' | 'reporter',
  filter: ReportFilterInput | null,
  { first, after }: PageArgs,
) {
  const cursor = after ? decodeCheckedCursor(after, ['timestamp', 'uuid']) : null;
  return reportRepository
    .list(
      context.db.manager,
      requireScope(context),
      {
        view,
        first,
        after: cursor ? { receivedAt: cursor[0], id: cursor[1] } : null,
        openOnly: filter?.openOnly,
        unassignedOnly: filter?.unassignedOnly,
        assignedToMe: filter?.assignedToMe,
        category: filter?.category,
        policeReference: filter?.policeReference,
        feedbackStatus: filter?.feedbackStatus,
        overdueOnly: filter?.overdueOnly,
        now: context.deps.clock.now(),
      },
      reportConnectionProjection(info),
    )
    .then((rows) => toConnection(rows, first, (r) => [r.receivedAt.toISOString(), r.id]));
}

@Resolver(() => ReportType)
export class ReportsResolver {
  @Query(() => ReportConnection, { description: 'Social services: reports in your districts, oldest first, with their clocks.' })
  intakeQueue(
    @Arg('filter', () => ReportFilterInput, { nullable: true }) filter: ReportFilterInput | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listReports(context, info, 'intake', filter, page);
  }

  @Query(() => ReportConnection, {
    description:
      'The reports your agency filed that you need to know, newest first: school and leisure staff see the ones they filed, ' +
      "the agency lead (AGENCY_LEAD) all of them, police officers their police area's.",
  })
  myReports(
    @Arg('filter', () => ReportFilterInput, { nullable: true }) filter: ReportFilterInput | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return listReports(context, info, 'reporter', filter, page);
  }

  @Query(() => ReportType, { description: 'One report you filed or handle.' })
  async report(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext) {
    const report = await context.loaders.report.load(id);
    if (!report) {
      context.audit.lookupDenied('Report', id, await context.db.asSystem((manager) => lookupSubject(manager, 'Report', id)));
      throw new NotFound('The report');
    }
    return report;
  }

  @Query(() => ReportType, { description: 'One report by its reference, e.g. OA-2026-000042 (the number staff quote on the phone).' })
  async reportByReference(@Arg('reference', () => String) reference: string, @Ctx() context: RequestContext) {
    const report = await reportRepository.findVisibleByReference(context.db.manager, requireScope(context), reference.slice(0, 40));
    if (!report) throw new NotFound('A report with that reference');
    return report;
  }

  @Query(() => [ReportType], {
    description:
      'Social services: reports in your districts by reference (OA-…), police case number (K-…), child name or personal ' +
      'identity number, and/or only those you are responsible for; newest first (at most 50).',
  })
  @Extensions({ [MAX_ITEMS]: 50 })
  intakeSearch(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('assignedToMe', () => Boolean, { nullable: true, description: 'Only reports you are responsible for ("mine").' })
    assignedToMe: boolean | null,
    @Ctx() context: RequestContext,
  ) {
    return reportsService.searchIntake(context, search?.slice(0, 200) ?? null, !!assignedToMe);
  }

  @Query(() => [StaffMemberType], { description: 'The social workers and supervisors a report in this district can be assigned to.' })
  async staff(@Arg('districtId', () => ID) districtId: string, @Ctx() context: RequestContext) {
    if (!requireScope(context).districtIds.has(districtId)) throw new NotFound('The district');
    return organisationRepository.caseworkersOf(context.db.manager, districtId);
  }

  @Query(() => [ReportType], {
    description: 'Was feedback given on this police case number? One report per child (the newest) of those your agency filed under it.',
  })
  async reportFeedback(@Arg('policeReference', () => String) policeReference: string, @Ctx() context: RequestContext) {
    const reports = await reportRepository.findFiledByPoliceReference(
      context.db.manager,
      requireScope(context),
      policeReference.slice(0, 40),
    );
    if (!reports.length) throw new NotFound('A report with that police reference');
    return reports;
  }

  @Mutation(() => ReportType, { description: 'School or leisure staff flag a concern about a child.' })
  flagConcern(@Arg('input', () => FlagConcernInput) input: FlagConcernInput, @Ctx() context: RequestContext) {
    return reportsService.flagConcern(context, input);
  }

  @Mutation(() => ReportType, { description: 'The police report a concern or a suspicion about a child.' })
  reportConcern(@Arg('input', () => ReportConcernInput) input: ReportConcernInput, @Ctx() context: RequestContext) {
    return reportsService.reportConcern(context, input);
  }

  @Mutation(() => ReportType, { description: 'Social services register a report received by phone or letter.' })
  registerConcern(@Arg('input', () => RegisterConcernInput) input: RegisterConcernInput, @Ctx() context: RequestContext) {
    return reportsService.registerConcern(context, input);
  }

  @Mutation(() => SubmittedReportType, {
    description:
      "Another agency's case system sends a report (OAuth2 client credentials, channel SYSTEM), idempotent by its own reference.",
  })
  submitReport(@Arg('input', () => SubmitReportInput) input: SubmitReportInput, @Ctx() context: RequestContext) {
    return reportsService.submitReport(context, input);
  }

  @Mutation(() => ReportType)
  assignReport(@Arg('input', () => AssignReportInput) input: AssignReportInput, @Ctx() context: RequestContext) {
    return reportsService.assign(context, input);
  }

  @Mutation(() => ReportType)
  recordProtectionAssessment(
    @Arg('input', () => ProtectionAssessmentInput) input: ProtectionAssessmentInput,
    @Ctx() context: RequestContext,
  ) {
    return reportsService.recordProtectionAssessment(context, input);
  }

  @Mutation(() => ReportType, {
    description: 'Decides the preliminary assessment; gives the feedback automatically when it was asked for.',
  })
  recordPreliminaryAssessment(
    @Arg('input', () => PreliminaryAssessmentInput) input: PreliminaryAssessmentInput,
    @Ctx() context: RequestContext,
  ) {
    return reportsService.recordPreliminaryAssessment(context, input);
  }

  @Mutation(() => ReportType)
  extendInvestigation(@Arg('input', () => ExtendInvestigationInput) input: ExtendInvestigationInput, @Ctx() context: RequestContext) {
    return reportsService.extendInvestigation(context, input);
  }

  @Mutation(() => ReportType, { description: 'Closes an investigation with its outcome and date; meets the investigation clock.' })
  closeInvestigation(@Arg('input', () => CloseInvestigationInput) input: CloseInvestigationInput, @Ctx() context: RequestContext) {
    return reportsService.closeInvestigation(context, input);
  }

  @Mutation(() => ReportType, {
    description: 'The filing police area lifts the LUL 5 § hold or ends the pre-investigation; social services are notified.',
  })
  updatePoliceInformation(
    @Arg('input', () => UpdatePoliceInformationInput) input: UpdatePoliceInformationInput,
    @Ctx() context: RequestContext,
  ) {
    return reportsService.updatePoliceInformation(context, input);
  }

  @Mutation(() => ReportType, { description: 'Sends feedback the reporter did not ask for (still only the one status).' })
  sendFeedback(@Arg('reportId', () => ID) reportId: string, @Ctx() context: RequestContext) {
    return reportsService.sendFeedback(context, reportId);
  }

  @FieldResolver(() => AgencyType, { nullable: true })
  reporterAgency(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    return report.reporterAgencyId ? context.loaders.agency.load(report.reporterAgencyId) : null;
  }

  @FieldResolver(() => GraphQLDateTime, { nullable: true, deprecationReason: 'Use receivedAt.' })
  submittedAt(@Root() report: ReportRow) {
    return report.receivedAt;
  }

  @FieldResolver(() => FeedbackStatus, { nullable: true })
  feedbackStatus(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    return feedbackStatus(report, context.deps.clock.now());
  }

  @FieldResolver(() => ReportFeedbackType, { nullable: true })
  feedback(@Root() report: ReportRow) {
    if (!report.feedbackGivenAt) return null;
    return {
      value: report.feedbackValue,
      givenAt: report.feedbackGivenAt,
      id: report.id,
      childId: report.childId,
      districtId: report.districtId,
      reporterAgencyId: report.reporterAgencyId,
      registeredByUserId: report.registeredByUserId,
    };
  }

  @FieldResolver(() => ChildType, { nullable: true })
  child(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    return context.loaders.child.load(report.childId);
  }

  @FieldResolver(() => StaffMemberType, { nullable: true })
  responsible(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    return report.responsibleUserId ? context.loaders.staffMember.load(report.responsibleUserId) : null;
  }

  @FieldResolver(() => [InvestigationExtensionType], { nullable: true })
  async investigationExtensions(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    const rows = await context.loaders.extensionsOfReport.load(report.id);
    return rows.map((e) => ({ ...e, childId: report.childId, districtId: report.districtId, reporterAgencyId: report.reporterAgencyId }));
  }

  @FieldResolver(() => GraphQLDateTime, { nullable: true })
  async investigationExtendableUntil(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    const rows = await context.loaders.deadlines.load({ type: 'REPORT', id: report.id });
    const running = rows.find((d) => d.kind === 'INVESTIGATION' && !d.metAt && !d.cancelledAt);
    if (!running) return null;
    const policy = await context.loaders.policy.load({ districtId: report.districtId, version: report.policyVersion });
    if (!policy) return null;
    return addLocalMonths(running.dueAt, policy.settings.investigationExtensionMonths, policy.settings.timeZone);
  }

  @FieldResolver(() => [DeadlineType], { nullable: true })
  async deadlines(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    const now = context.deps.clock.now();
    const rows = await context.loaders.deadlines.load({ type: 'REPORT', id: report.id });
    return rows.map((d) => ({ ...d, status: deadlineStatus(d, now), childId: report.childId }));
  }
}

/** A colleague's load, shown when choosing whom to assign. */
@Resolver(() => StaffMemberType)
export class StaffMemberLoadResolver {
  @FieldResolver(() => Int, { nullable: true })
  openReports(@Root() member: StaffMemberType, @Ctx() context: RequestContext) {
    return context.loaders.openReportCount.load(member.id);
  }
}

@Resolver(() => InvestigationExtensionType)
export class InvestigationExtensionResolver {
  @FieldResolver(() => StaffMemberType, { nullable: true })
  decidedBy(@Root() extension: InvestigationExtensionRow, @Ctx() context: RequestContext) {
    return context.loaders.staffMember.load(extension.decidedByUserId);
  }
}
