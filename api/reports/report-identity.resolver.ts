import { Arg, Ctx, Extensions, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { ReportRow } from '../../db/reports/report.repository';
import { ChildType } from '../../schema/children/child.type';
import { LinkReportToChildInput, MergeChildrenInput } from '../../schema/children/child.inputs';
import { IdentityMismatchType, IdentityStatus } from '../../schema/reports/report-identity.type';
import { EarlierReportType, ReportType } from '../../schema/reports/report.type';
import { childIdentityService } from './child-identity.service';
import { RequestContext } from '../context';
import { MAX_ITEMS } from '../security/query-cost';

/** The newest earlier reports; the rest are one search away. */
const EARLIER_REPORTS_MAX = 50;

const reportFacts = (report: ReportRow) => ({
  id: report.id,
  childId: report.childId,
  districtId: report.districtId,
  reporterAgencyId: report.reporterAgencyId,
});

/** One child, one record: the identity fields of a report, and linking and merging child records. */
@Resolver(() => ReportType)
export class ReportIdentityResolver {
  @Mutation(() => ReportType, {
    description: 'Links a report by name only to a registered child (one of its possible matches, or any child in your districts).',
  })
  linkReportToChild(@Arg('input', () => LinkReportToChildInput) input: LinkReportToChildInput, @Ctx() context: RequestContext) {
    return childIdentityService.linkReportToChild(context, input);
  }

  @Mutation(() => ReportType, {
    description: "Confirms that a report by name only is about a child not registered before: its record becomes the child's.",
  })
  confirmNewChild(@Arg('reportId', () => ID) reportId: string, @Ctx() context: RequestContext) {
    return childIdentityService.confirmNewChild(context, reportId);
  }

  @Mutation(() => ChildType, {
    description: 'Merges two records of the same child (supervisor): everything moves to the kept one, the other stays as a tombstone.',
  })
  mergeChildren(@Arg('input', () => MergeChildrenInput) input: MergeChildrenInput, @Ctx() context: RequestContext) {
    return childIdentityService.mergeChildren(context, input);
  }

  @FieldResolver(() => IdentityStatus, { nullable: true })
  identityStatus(@Root() report: ReportRow): IdentityStatus {
    return report.identityConfirmed ? IdentityStatus.CONFIRMED : IdentityStatus.UNCONFIRMED;
  }

  @FieldResolver(() => [ChildType], { nullable: true })
  async possibleMatches(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    return report.identityConfirmed ? [] : context.loaders.possibleChildMatches.load(report.childId);
  }

  @FieldResolver(() => IdentityMismatchType, { nullable: true })
  identityMismatch(@Root() report: ReportRow) {
    if (!report.identityMismatchRecordName) return null;
    return { sent: report.childAsReported, recordName: report.identityMismatchRecordName, ...reportFacts(report) };
  }

  @FieldResolver(() => [EarlierReportType], { nullable: true })
  @Extensions({ [MAX_ITEMS]: EARLIER_REPORTS_MAX })
  async earlierReports(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    const reports = await context.loaders.reportsOfChild.load(report.childId);
    return reports
      .filter((other) => other.id !== report.id && other.receivedAt.getTime() <= report.receivedAt.getTime())
      .slice(0, EARLIER_REPORTS_MAX);
  }

  @FieldResolver(() => String, { nullable: true })
  async reporterName(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    if (!report.reporterAgencyId) return report.reporterName ?? null;
    return (await context.loaders.reporterContact.load(report.registeredByUserId))?.displayName ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async reporterWorkContact(@Root() report: ReportRow, @Ctx() context: RequestContext) {
    if (!report.reporterAgencyId) return null;
    const reporter = await context.loaders.reporterContact.load(report.registeredByUserId);
    return reporter ? `${reporter.email}, ${reporter.agencyName}` : null;
  }
}
